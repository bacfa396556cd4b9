"""Independent re-computation of person costs from the raw Parquet extracts (pandas).

This is the test suite's check of the dbt marts, so it implements the allocation
rules literally and simply, without sharing code with the dbt project:

* the year of a posting is the year of its booking date; only functions with
  ``is_relevant = true`` in the function catalogue count;
* a posting with a person id is allocated to that person (method ``direct``);
* a pooled posting (no person id) on an ``activity`` function: the pool
  (function, cost centre, year) is split over the deliveries of that function and
  cost centre overlapping the year, by weight
  ``activity_units * overlap_days / period_days`` (days inclusive);
* a pooled posting on an ``average`` function: split evenly over the distinct
  persons with a delivery of that function and cost centre overlapping the year;
* any other pooled posting, or a pool without recipients: unallocated;
* regional: hospital ``tariff_amount`` in the year of ``start_date``, health-insurance
  ``fee_amount`` in the year of ``service_date``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

CATALOGUE = Path(__file__).resolve().parents[1] / "seeds" / "function_catalogue.csv"
SHARES = (1, 3, 5, 10)


def _read(raw_dir: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(Path(raw_dir) / f"{name}.parquet")


def _catalogue(path: Path = CATALOGUE) -> pd.DataFrame:
    cat = pd.read_csv(path, dtype=str)
    cat["is_relevant"] = cat["is_relevant"].str.lower() == "true"
    return cat


def _to_ts(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s)


def allocate(raw_dir: Path, year: int, catalogue: Path = CATALOGUE) -> tuple[pd.DataFrame, float]:
    """Municipal allocation of a year: rows (person_id, function_number, method, amount) and the unallocated total."""
    cat = _catalogue(catalogue)
    relevant = cat[(cat["sector"] == "municipal") & cat["is_relevant"]]
    method = dict(zip(relevant["function_number"], relevant["allocation_method"]))

    led = _read(raw_dir, "ledger_postings")
    led["booking_date"] = _to_ts(led["booking_date"])
    led = led[(led["booking_date"].dt.year == year) & led["function_number"].isin(method)]

    rows = []
    direct = led[led["person_id"].notna()]
    rows.append(pd.DataFrame({"person_id": direct["person_id"], "function_number": direct["function_number"],
                              "method": "direct", "amount": direct["amount"]}))

    pooled = led[led["person_id"].isna()]
    pools = pooled.groupby(["function_number", "cost_centre"], as_index=False)["amount"].sum()
    pools["method"] = pools["function_number"].map(method)

    dlv = _read(raw_dir, "service_deliveries")
    y0 = pd.Timestamp(dt.date(year, 1, 1))
    y1 = pd.Timestamp(dt.date(year, 12, 31))
    ps, pe = _to_ts(dlv["period_start"]), _to_ts(dlv["period_end"])
    ov_start = ps.where(ps > y0, y0)
    ov_end = pe.where(pe < y1, y1)
    dlv["overlap_days"] = (ov_end - ov_start).dt.days + 1
    dlv["period_days"] = (pe - ps).dt.days + 1
    dlv = dlv[dlv["overlap_days"] > 0]

    unallocated = 0.0
    # activity pools
    act = pools[pools["method"] == "activity"]
    d = dlv[dlv["function_number"].isin(act["function_number"])].copy()
    d["weight"] = d["activity_units"].fillna(0.0) * d["overlap_days"] / d["period_days"]
    d = d.merge(act[["function_number", "cost_centre", "amount"]], on=["function_number", "cost_centre"])
    wsum = d.groupby(["function_number", "cost_centre"])["weight"].transform("sum")
    d = d[wsum > 0]
    wsum = wsum[wsum > 0]
    d["share"] = d["amount"] * d["weight"] / wsum
    rows.append(pd.DataFrame({"person_id": d["person_id"], "function_number": d["function_number"],
                              "method": "activity", "amount": d["share"]}))
    got = d.groupby(["function_number", "cost_centre"]).size().rename("n").reset_index()
    a = act.merge(got, on=["function_number", "cost_centre"], how="left")
    unallocated += float(a.loc[a["n"].isna(), "amount"].sum())

    # average pools
    avg = pools[pools["method"] == "average"]
    d = dlv[dlv["function_number"].isin(avg["function_number"])][["function_number", "cost_centre", "person_id"]]
    d = d.drop_duplicates()
    d = d.merge(avg[["function_number", "cost_centre", "amount"]], on=["function_number", "cost_centre"])
    n = d.groupby(["function_number", "cost_centre"])["person_id"].transform("size")
    d["share"] = d["amount"] / n
    rows.append(pd.DataFrame({"person_id": d["person_id"], "function_number": d["function_number"],
                              "method": "average", "amount": d["share"]}))
    got = d.groupby(["function_number", "cost_centre"]).size().rename("n").reset_index()
    a = avg.merge(got, on=["function_number", "cost_centre"], how="left")
    unallocated += float(a.loc[a["n"].isna(), "amount"].sum())

    # pooled postings on direct functions (or any other method): unallocated
    unallocated += float(pools.loc[~pools["method"].isin(["activity", "average"]), "amount"].sum())

    alloc = pd.concat(rows, ignore_index=True)
    return alloc, unallocated


PLACEMENT_FUNCTIONS = ("5.28.20", "5.28.22", "5.28.23", "5.28.24")
ADULT_AGE = 18


def _residents(raw_dir: Path, ref: pd.Timestamp, municipality_code: str) -> pd.DataFrame:
    """Persons alive and resident at an address of the municipality on ``ref``: person_id, address_id, address_kind.

    Like the dbt project, a register with overlapping periods keeps the latest move
    (latest valid_from, then the smallest address id).
    """
    res = _read(raw_dir, "residences")
    adr = _read(raw_dir, "addresses")
    per = _read(raw_dir, "persons")
    res = res.merge(adr, on="address_id").merge(per[["person_id", "birth_date", "death_date"]], on="person_id")
    vf, vt = _to_ts(res["valid_from"]), _to_ts(res["valid_to"])
    birth, death = _to_ts(res["birth_date"]), _to_ts(res["death_date"])
    live = ((res["municipality_code"] == municipality_code) & (vf <= ref) & (vt.isna() | (vt > ref))
            & (birth <= ref) & (death.isna() | (death > ref)))
    res = res.loc[live].assign(_vf=vf[live])
    res = res.sort_values(["person_id", "_vf", "address_id"], ascending=[True, False, True], kind="stable")
    return res.drop_duplicates("person_id")[["person_id", "address_id", "address_kind"]]


def _age_at(birth: pd.Series, ref: pd.Timestamp) -> pd.Series:
    """Completed years on ``ref`` (the dbt macro age_at)."""
    before = (ref.month * 100 + ref.day) < (birth.dt.month * 100 + birth.dt.day)
    return ref.year - birth.dt.year - before.astype(int)


def placed_children(raw_dir: Path, year: int, municipality_code: str = "336") -> pd.Index:
    """Children under 18 on 1 January with a placement delivery covering that day whose mother lives at a
    private address of the municipality then (the reports' rule); they belong to the population wherever they
    live."""
    ref = pd.Timestamp(dt.date(year, 1, 1))
    dlv = _read(raw_dir, "service_deliveries")
    dlv = dlv[dlv["function_number"].isin(PLACEMENT_FUNCTIONS)]
    cover = (_to_ts(dlv["period_start"]) <= ref) & (_to_ts(dlv["period_end"]) >= ref)
    kids = pd.Index(dlv.loc[cover, "person_id"].unique())
    per = _read(raw_dir, "persons").set_index("person_id")
    per = per.loc[per.index.intersection(kids)]
    birth, death = _to_ts(per["birth_date"]), _to_ts(per["death_date"])
    ok = (birth <= ref) & (death.isna() | (death > ref)) & (_age_at(birth, ref) < ADULT_AGE)
    kids = per.index[ok.to_numpy()]
    res = _residents(raw_dir, ref, municipality_code)
    private = set(res.loc[res["address_kind"] == "private", "person_id"])
    rel = _read(raw_dir, "relations")
    rel = rel[rel["person_id"].isin(kids) & (rel["relation_type"] == "mother")
              & rel["related_person_id"].isin(private)]
    return pd.Index(rel["person_id"].unique()).sort_values()


def allocation_coverage(raw_dir: Path, year: int) -> dict[str, float]:
    """Shares of the relevant municipal ledger of the year: direct, activity, average, unallocated."""
    alloc, unallocated = allocate(raw_dir, year)
    by = alloc.groupby("method")["amount"].sum()
    total = float(by.sum()) + unallocated
    out = {m: float(by.get(m, 0.0)) / total for m in ("direct", "activity", "average")}
    out["unallocated"] = unallocated / total
    out["relevant_total"] = total
    return out


def population(raw_dir: Path, year: int, municipality_code: str = "336") -> pd.Index:
    """The population of the year, as the dbt project forms it on 1 January.

    Persons alive and resident at an address of the municipality on 1 January, plus
    children under 18 placed outside the home (a placement delivery covering that day)
    whose mother lives at a private address of the municipality then.
    """
    ref = pd.Timestamp(dt.date(year, 1, 1))
    ids = pd.Index(_residents(raw_dir, ref, municipality_code)["person_id"])
    return ids.union(placed_children(raw_dir, year, municipality_code))


def regional_costs(raw_dir: Path, year: int) -> pd.DataFrame:
    hc = _read(raw_dir, "hospital_contacts")
    hc = hc[_to_ts(hc["start_date"]).dt.year == year]
    hi = _read(raw_dir, "health_insurance_services")
    hi = hi[_to_ts(hi["service_date"]).dt.year == year]
    return pd.concat([
        pd.DataFrame({"person_id": hc["person_id"], "kind": "hospital_" + hc["hospital_sector"] + "_" + hc["contact_type"],
                      "amount": hc["tariff_amount"]}),
        pd.DataFrame({"person_id": hi["person_id"], "kind": "insurance_" + hi["provider_type"], "amount": hi["fee_amount"]}),
    ], ignore_index=True)


def person_totals(raw_dir: Path, year: int, municipality_code: str = "336") -> pd.DataFrame:
    """One row per person with any cost in the year or in the population."""
    alloc, _ = allocate(raw_dir, year)
    mun = alloc.groupby("person_id")["amount"].sum().rename("municipal_cost")
    reg = regional_costs(raw_dir, year).groupby("person_id")["amount"].sum().rename("regional_cost")
    pop = population(raw_dir, year, municipality_code)
    ids = mun.index.union(reg.index).union(pop)
    df = pd.DataFrame(index=pd.Index(ids, name="person_id"))
    df["is_in_population"] = df.index.isin(pop)
    df["municipal_cost"] = mun.reindex(df.index).fillna(0.0)
    df["regional_cost"] = reg.reindex(df.index).fillna(0.0)
    df["total_cost"] = df["municipal_cost"] + df["regional_cost"]
    return df.reset_index()


def concentration(df: pd.DataFrame, scope: str = "total", denominator: float | None = None) -> dict[int, float]:
    """Share of the population's cost carried by its costliest 1, 3, 5, 10 %: of the
    population's own cost, or of another denominator (the sector's relevant cost)."""
    col = f"{scope}_cost"
    cost = np.sort(df.loc[df["is_in_population"], col].to_numpy())[::-1]
    total = cost.sum() if denominator is None else denominator
    out = {}
    for p in SHARES:
        n = round(cost.shape[0] * p / 100)
        out[p] = float(cost[:n].sum() / total) if total else float("nan")
    return out
