# welfare_segments: the two commands a newcomer runs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PERSONS ?= 22600
SEED ?= 20240101
YEARS ?= 1
FAULTS ?= 0

.PHONY: setup demo test pytest test-postgres test-spark lint docs validate publish clean

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## demo: set up, generate a Stevns-size municipality, load, dbt build, dbt docs generate
demo: setup
	$(BIN)/welfare-segments demo --persons $(PERSONS) --seed $(SEED) --years $(YEARS) \
		--faults $(FAULTS) --raw-dir data/raw --warehouse warehouse/welfare.duckdb

## test: set up and run the whole suite: pytest (with a dbt build of a small
## generated dataset, every data and unit test), sqlfluff and ruff
test: setup
	$(MAKE) -j2 --output-sync=target pytest lint

# the suite file by file on three workers: on the CI machine's two cores a
# third keeps them busy while the others wait on dbt's single-threaded
# parsing, the JVM and the database servers
pytest: setup
	$(BIN)/python -m pytest -n 3 --dist loadfile --durations=40

## test-postgres: the pipeline on a private PostgreSQL server (installed from
## Debian if missing), stopped afterwards also when the build fails
test-postgres: setup
	scripts/test-postgres.sh

## test-spark: the pipeline on local PySpark (dbt-spark session method)
test-spark: setup
	scripts/test-spark.sh

lint: setup
	mkdir -p warehouse
	WELFARE_WAREHOUSE=warehouse/lint.duckdb $(BIN)/sqlfluff lint models tests/singular analyses --processes 2
	$(BIN)/ruff check welfare_segments pytests scripts

## validate: great-expectations suite over the marts of the demo warehouse;
## data docs in target/gx_docs
validate: setup
	$(BIN)/welfare-segments validate --warehouse warehouse/welfare.duckdb --docs-dir target/gx_docs

## publish: the analytics marts alone, for analysts: publish/analytics.duckdb,
## one Parquet file per mart and publish/analytics.xlsx
publish: setup
	$(BIN)/welfare-segments publish --warehouse warehouse/welfare.duckdb --out publish --xlsx

docs: setup
	$(BIN)/dbt docs generate --profiles-dir profiles

clean:
	scripts/postgres.sh stop
	rm -rf target logs data warehouse dbt_packages .pg .spark bench publish
