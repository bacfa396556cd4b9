"""The raw-layer contract: the tables and columns every extract must provide.

This is the single source of truth for the raw layer. The synthetic generator
writes exactly these files, the loader checks a municipality's own extracts
against them, and the sources of ``models/staging/<source>/_<source>__models.yml``
declare the same columns for dbt (a test keeps the two in step).

Types are logical types understood by the loader:
``string``, ``date``, ``double`` (kroner and activity units), ``int``, ``boolean``.

Contract v2 added optional columns (``optional=True``): an extract without
them (contract v1) still loads, and the loader adds each missing one as an
empty column of its type; what empty means is in the column's description.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

#: the Arrow type of each logical type, as the generator writes it
ARROW_TYPES = {
    "string": pa.string(),
    "date": pa.date32(),
    "double": pa.float64(),
    "int": pa.int64(),
    "boolean": pa.bool_(),
}


@dataclass(frozen=True)
class RawColumn:
    name: str
    type: str
    nullable: bool
    description: str
    #: contract v2: may be left out of the file (it is then loaded empty)
    optional: bool = False


@dataclass(frozen=True)
class RawTable:
    name: str
    source: str
    description: str
    key: tuple[str, ...]
    columns: tuple[RawColumn, ...]
    #: the date that places a row in a month, and the kroner column, of the
    #: tables whose control totals the loader records per month
    month_column: str | None = None
    amount_column: str | None = None

    @property
    def file_name(self) -> str:
        return f"{self.name}.parquet"

    def column(self, name: str) -> RawColumn:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


C = RawColumn

PERSONS = RawTable(
    name="persons",
    source="population_register",
    description="Population register (CPR): one row per person who was resident at any time in the extract period, or is a parent of such a person.",
    key=("person_id",),
    columns=(
        C("person_id", "string", False, "Pseudonymous person id, 10 digits."),
        C("birth_date", "date", False, "Date of birth."),
        C("sex", "string", False, "Sex: 'F' or 'M'."),
        C("death_date", "date", True, "Date of death, empty while alive."),
    ),
)

ADDRESSES = RawTable(
    name="addresses",
    source="population_register",
    description="Addresses (adresser) that appear in the residence history.",
    key=("address_id",),
    columns=(
        C("address_id", "string", False, "Address id."),
        C("municipality_code", "string", False, "Three-digit municipality code (kommunekode) of the address, e.g. '336' for Stevns."),
        C("address_kind", "string", False, "'private', 'residential_institution' (botilbud, nursing home, children's institution) or 'no_fixed_address' (uden fast bopæl)."),
    ),
)

RESIDENCES = RawTable(
    name="residences",
    source="population_register",
    description="Residence history (bopælshistorik): who lived where, when. Periods of one person do not overlap.",
    key=("person_id", "valid_from"),
    columns=(
        C("person_id", "string", False, "Person id."),
        C("address_id", "string", False, "Address id."),
        C("valid_from", "date", False, "First day at the address."),
        C("valid_to", "date", True, "First day no longer at the address (exclusive); empty while current."),
    ),
)

RELATIONS = RawTable(
    name="relations",
    source="population_register",
    description="Family relations from the register: a person's mother, father and partner.",
    key=("person_id", "related_person_id", "relation_type"),
    columns=(
        C("person_id", "string", False, "Person id."),
        C("related_person_id", "string", False, "Id of the related person."),
        C("relation_type", "string", False, "What the related person is to the person: 'mother', 'father' or 'partner'."),
    ),
)

LEDGER_POSTINGS = RawTable(
    name="ledger_postings",
    source="ledger",
    description="Municipal ledger (økonomisystem): operating postings, net of mandatory refunds (refusion).",
    key=("posting_id",),
    columns=(
        C("posting_id", "string", False, "Posting id, unique in the extract."),
        C("booking_date", "date", False, "Booking date (bogføringsdato)."),
        C("function_number", "string", False, "Function of the authorised chart of accounts (autoriseret kontoplan), 'd.dd.dd', e.g. '5.57.71'."),
        C("cost_centre", "string", False, "Cost centre (omkostningssted) that carried the posting."),
        C("amount", "double", False, "Amount in kroner; negative for corrections and refunds."),
        C("person_id", "string", True, "Person the posting concerns; empty for pooled postings."),
        C("source_system", "string", False, "System the posting came from (e.g. payroll, benefits, invoices)."),
        C("grouping", "string", True, "Grouping (gruppering) of the chart of accounts under the function, three digits, e.g. '001'; empty or absent: none recorded.", optional=True),
        C("statutory_refund_amount", "double", True, "Statutory refund (refusion) netted out of amount, in kroner: gross = amount + both refunds. Empty or absent: no refund recorded (0).", optional=True),
        C("expensive_case_refund_amount", "double", True, "Refund for very expensive single cases (refusion for særligt dyre enkeltsager) netted out of amount, in kroner. Empty or absent: 0.", optional=True),
    ),
    month_column="booking_date",
    amount_column="amount",
)

SERVICE_DELIVERIES = RawTable(
    name="service_deliveries",
    source="case_systems",
    description="Case and service systems (fagsystemer): who received which service, when, and how much of it.",
    key=("delivery_id",),
    columns=(
        C("delivery_id", "string", False, "Delivery id."),
        C("person_id", "string", False, "Recipient."),
        C("function_number", "string", False, "Function of the chart of accounts the service is paid from."),
        C("cost_centre", "string", False, "Cost centre that delivered the service (matches the ledger's)."),
        C("service_name", "string", False, "Name of the service in the case system."),
        C("period_start", "date", False, "First day of the delivery period."),
        C("period_end", "date", False, "Last day of the delivery period (inclusive)."),
        C("activity_units", "double", True, "Activity delivered in the period; empty where the system records none."),
        C("activity_unit", "string", True, "'hours', 'days' or 'visits'; empty with activity_units."),
        C("grouping", "string", True, "Grouping (gruppering) of the chart of accounts the service is paid from, three digits; empty or absent: none recorded.", optional=True),
        C("legal_basis", "string", True, "The act and section the service is granted under (lovgrundlag), e.g. 'SEL §85', 'SEL §108', 'SEL §52'; empty or absent: not recorded.", optional=True),
        C("provider_type", "string", True, "Who provides the service: 'own_municipality', 'other_municipality', 'region' or 'private'; empty or absent: not recorded.", optional=True),
        C("department", "string", True, "The visitation or organisational unit (afdeling) that granted the service; empty or absent: not recorded.", optional=True),
    ),
)

HOSPITAL_CONTACTS = RawTable(
    name="hospital_contacts",
    source="hospital",
    description="Regional hospital activity (Landspatientregisteret, LPR): one row per contact with its tariff (DRG/DAGS).",
    key=("contact_id",),
    columns=(
        C("contact_id", "string", False, "Contact id."),
        C("person_id", "string", False, "Patient."),
        C("hospital_sector", "string", False, "'somatic' or 'psychiatric'."),
        C("contact_type", "string", False, "'admission' (indlæggelse) or 'outpatient' (ambulant)."),
        C("is_acute", "boolean", False, "Acute (akut) rather than planned."),
        C("start_date", "date", False, "First day of the contact."),
        C("end_date", "date", False, "Last day of the contact."),
        C("tariff_amount", "double", False, "Tariff value in kroner (DRG / DAGS / psychiatric rate)."),
        C("primary_diagnosis", "string", False, "Action diagnosis, ICD-10 without the leading 'D' (e.g. 'E11.9')."),
        C("secondary_diagnosis", "string", True, "One secondary diagnosis (bidiagnose), ICD-10, if any."),
    ),
    month_column="start_date",
    amount_column="tariff_amount",
)

HEALTH_INSURANCE_SERVICES = RawTable(
    name="health_insurance_services",
    source="health_insurance",
    description="Regional health-insurance services (sygesikring): one row per service with its fee.",
    key=("service_id",),
    columns=(
        C("service_id", "string", False, "Service id."),
        C("person_id", "string", False, "Patient."),
        C("provider_type", "string", False, "'own_gp' (egen læge), 'emergency_gp' (vagtlæge), 'psychologist' or 'specialist'."),
        C("service_date", "date", False, "Date of the service."),
        C("fee_amount", "double", False, "Fee paid by the region in kroner."),
    ),
    month_column="service_date",
    amount_column="fee_amount",
)

RAW_TABLES: tuple[RawTable, ...] = (
    PERSONS,
    ADDRESSES,
    RESIDENCES,
    RELATIONS,
    LEDGER_POSTINGS,
    SERVICE_DELIVERIES,
    HOSPITAL_CONTACTS,
    HEALTH_INSURANCE_SERVICES,
)

RAW_TABLES_BY_NAME = {table.name: table for table in RAW_TABLES}


def file_sha256(path: Path) -> str:
    """Hex SHA-256 of a raw file: dataset.json records one per generated file,
    so a synthetic mark copied beside other files no longer matches them."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
