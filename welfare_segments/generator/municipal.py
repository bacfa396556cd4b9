"""Municipal ledger postings and service deliveries, one analysis year at a time.

Who receives what is drawn from lasting propensities (``persistent_uniform`` of the
person and the service), so the same persons recur over years; amounts follow the
public unit prices (net of mandatory refunds for transfers).
"""

from __future__ import annotations

import numpy as np

from ._util import INF, day, month_bounds, persistent_uniform, years_to_days
from .population import P_BOTILBUD, P_HOMELESS, P_NURSING, P_PLACED, PLACEMENT_TYPES, Population

SOURCES = ["benefits", "invoices", "payroll", "finance", "care_system"]
S_BENEFITS, S_INVOICES, S_PAYROLL, S_FINANCE, S_CARE = range(5)
UNITS = ["hours", "days", "visits"]
#: groupings (gruppering) of the chart of accounts: most functions book on 001;
#: 5.57.72 keeps its three sections apart, as municipalities do
GROUPINGS = ["001", "002", "003"]
G_SEL_41, G_SEL_42, G_SEL_100 = range(3)

# Contract v2 fields of the case systems, by function (demo values, after the
# acts the functions are paid under; a real extract brings its own).
LEGAL_BASIS = {
    "3.22.01": "FSL", "3.22.07": "FSL §20", "3.22.08": "FSL §20", "3.30.46": "STU-loven",
    "5.25.14": "DTL", "5.25.17": "DTL §32", "5.25.19": "DTL §43",
    "5.28.20": "SEL §52", "5.28.21": "SEL §52", "5.28.22": "SEL §52", "5.28.23": "SEL §52", "5.28.24": "SEL §52",
    "5.30.26": "SEL §83", "5.30.27": "SEL §83", "5.38.37": "SEL §83",
    "4.62.82": "SUL §140", "4.62.85": "SUL §138",
    "5.38.38": "SEL §85", "5.38.42": "SEL §110", "5.38.44": "SUL §141", "5.38.45": "SEL §101",
    "5.38.50": "SEL §108", "5.38.52": "SEL §107", "5.38.58": "SEL §103", "5.38.59": "SEL §104",
    "5.46.60": "INL", "5.58.80": "LAB §68", "5.68.90": "LAB §78", "5.68.94": "LAB §51",
}
#: the visitation unit (afdeling) of a function, by its first digits
DEPARTMENTS = {
    "3.": "Skole og Dagtilbud", "5.25": "Skole og Dagtilbud", "5.28": "Børn og Familie",
    "5.30": "Sundhed og Omsorg", "4.": "Sundhed og Omsorg", "5.38": "Social og Handicap",
    "5.46": "Jobcenter", "5.48": "Jobcenter", "5.57": "Jobcenter", "5.58": "Jobcenter", "5.68": "Jobcenter",
}
PROVIDER_TYPES = ["own_municipality", "other_municipality", "region", "private"]
#: shares of the providers of a cost centre: placements and residential care
#: are bought from others far more often than day services
PROVIDER_SHARES = {
    "5.28.20": (0.2, 0.1, 0.1, 0.6), "5.28.23": (0.3, 0.2, 0.3, 0.2), "5.28.24": (0.0, 0.1, 0.9, 0.0),
    "5.38.50": (0.5, 0.25, 0.15, 0.1), "5.38.52": (0.5, 0.25, 0.15, 0.1), "5.38.42": (0.6, 0.2, 0.0, 0.2),
}
DEFAULT_PROVIDER_SHARES = (0.85, 0.07, 0.03, 0.05)
#: statutory refund (refusion) netted out of transfer postings: the average
#: rate of the refund ladder over a spell, per function (demo values)
STATUTORY_REFUND_RATES = {
    "5.46.61": 0.25, "5.48.64": 0.2, "5.57.71": 0.3, "5.57.72": 0.5, "5.57.73": 0.25,
    "5.58.81": 0.25, "5.58.82": 0.25, "5.58.83": 0.25,
}
#: refund for very expensive single cases (særligt dyre enkeltsager): a share
#: of a person's yearly cost of the specialised social functions above two
#: thresholds (demo values near the statutory ones: adults / children)
EXPENSIVE_CASE_FUNCTIONS = {
    "5.38.38": "adult", "5.38.42": "adult", "5.38.50": "adult", "5.38.52": "adult", "5.38.58": "adult", "5.38.59": "adult",
    "5.28.20": "child", "5.28.22": "child", "5.28.23": "child", "5.28.24": "child",
}
EXPENSIVE_CASE_THRESHOLDS = {"adult": (1_000_000.0, 2_000_000.0), "child": (800_000.0, 1_600_000.0)}
EXPENSIVE_CASE_SHARES = (0.25, 0.5)


def delivery_fields(functions: list[str], fn: np.ndarray, cc: np.ndarray) -> dict[str, tuple]:
    """Legal basis, provider type and department of each delivery (by its
    function; the provider by a lasting draw of its cost centre), as a
    vocabulary and one code per delivery (-1: not recorded)."""
    out = {}
    for column, of_function in (
        ("legal_basis", [LEGAL_BASIS.get(f) for f in functions]),
        ("department", [next((d for prefix, d in DEPARTMENTS.items() if f.startswith(prefix)), None)
                        for f in functions]),
    ):
        vocabulary = sorted({v for v in of_function if v is not None})
        codes = np.array([vocabulary.index(v) if v is not None else -1 for v in of_function], dtype=np.int64)
        out[column] = (vocabulary, codes[fn])
    u = persistent_uniform(cc.astype(np.int64) * 131 + fn.astype(np.int64), 777)
    shares = np.array([PROVIDER_SHARES.get(f, DEFAULT_PROVIDER_SHARES) for f in functions])[fn]
    out["provider_type"] = (PROVIDER_TYPES, (u[:, None] > np.cumsum(shares, axis=1)[:, :-1]).sum(axis=1))
    return out


def refunds(functions: list[str], fn: np.ndarray, amount: np.ndarray, person: np.ndarray,
            date: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The statutory and the expensive-case refund netted out of each posting,
    in kroner (postings are net; gross = net + refunds)."""
    rate = np.array([STATUTORY_REFUND_RATES.get(f, 0.0) for f in functions])[fn]
    statutory = np.where(amount > 0, np.round(amount * rate / (1 - rate), 2), 0.0)
    kind = np.array([EXPENSIVE_CASE_FUNCTIONS.get(f, "") for f in functions])[fn]
    expensive = np.zeros(amount.shape[0])
    for group, (low, high) in EXPENSIVE_CASE_THRESHOLDS.items():
        rows = np.nonzero((kind == group) & (person >= 0) & (amount > 0))[0]
        if rows.size == 0:
            continue
        year = date[rows].astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
        cases, case = np.unique(person[rows] * 10_000 + year, return_inverse=True)
        yearly = np.bincount(case, weights=amount[rows], minlength=cases.size)
        refund = (EXPENSIVE_CASE_SHARES[0] * np.clip(np.minimum(yearly, high) - low, 0, None)
                  + EXPENSIVE_CASE_SHARES[1] * np.clip(yearly - high, 0, None))
        expensive[rows] = np.round(refund[case] * amount[rows] / yearly[case], 2)
    return statutory, expensive


class Ledger:
    """Accumulates postings and deliveries as lists of numpy chunks."""

    def __init__(self, catalogue: dict[str, dict], district: int = 0) -> None:
        self.cat = catalogue
        # cost centres of district (chunk) d > 0 carry its number, so that every chunk's pools are its own
        self.district = district
        self.functions: list[str] = list(catalogue)
        self.fidx = {f: i for i, f in enumerate(self.functions)}
        self.cc_names: list[str] = []
        self.cc_idx: dict[str, int] = {}
        self.post: list[tuple] = []  # (date, fn, cc, amount, person, source, grouping)
        self.dlv: list[tuple] = []  # (person, fn, cc, service, start, end_incl, units, unit_code)
        self.service_names: list[str] = []
        self.sidx: dict[str, int] = {}
        self.pools: dict[tuple[int, int], float] = {}

    def cc(self, fn: str, k: int) -> int:
        base = fn.replace(".", "")
        name = f"{base}-{k:02d}" if self.district == 0 else f"{base}-{self.district:03d}-{k:02d}"
        if name not in self.cc_idx:
            self.cc_idx[name] = len(self.cc_names)
            self.cc_names.append(name)
        return self.cc_idx[name]

    def ccs(self, fn: str, codes: np.ndarray) -> np.ndarray:
        table = np.array([self.cc(fn, k) for k in range(int(codes.max()) + 1 if codes.size else 1)])
        return table[codes]

    def service(self, name: str) -> int:
        if name not in self.sidx:
            self.sidx[name] = len(self.service_names)
            self.service_names.append(name)
        return self.sidx[name]

    def add_postings(self, date, fn: int, cc, amount, person, source: int, grouping: int = 0) -> None:
        n = len(amount)
        self.post.append((np.asarray(date, np.int64), np.full(n, fn), np.broadcast_to(np.asarray(cc, np.int64), (n,)).copy(),
                          np.asarray(amount, np.float64), np.broadcast_to(np.asarray(person, np.int64), (n,)).copy(),
                          np.full(n, source), np.full(n, grouping)))

    def add_deliveries(self, person, fn: int, cc, service: int, start, end_excl, units, unit_code: int) -> None:
        n = len(person)
        self.dlv.append((np.asarray(person, np.int64), np.full(n, fn), np.broadcast_to(np.asarray(cc, np.int64), (n,)).copy(),
                         np.full(n, service), np.asarray(start, np.int64), np.asarray(end_excl, np.int64) - 1,
                         np.asarray(units, np.float64) if units is not None else np.full(n, np.nan), np.full(n, unit_code)))


def _monthly(rng, y, person, s, e, annual):
    """Split a yearly amount over the months of [s, e) within year y: one posting per month."""
    mb = month_bounds(y)
    nd = mb[-1] - mb[0]
    lo = np.maximum(s[:, None], mb[None, :-1])
    hi = np.minimum(e[:, None], mb[None, 1:])
    days = np.clip(hi - lo, 0, None)
    amt = (annual / nd)[:, None] * days
    r, m = np.nonzero(days > 0)
    date = mb[m] + np.minimum(rng.integers(0, 28, size=r.shape[0]), (mb[m + 1] - mb[m]) - 1)
    return person[r], date, np.round(amt[r, m], 2)


def year_costs(pop: Population, led: Ledger, rng: np.random.Generator, y: int, conditions: dict[str, np.ndarray]) -> None:
    """Draw the year's municipal services and write postings and deliveries into ``led``."""
    Y0, Y1 = day(y), day(y + 1)
    nd = Y1 - Y0
    N = pop.n
    key = pop.keys
    s = np.maximum(pop.lo, Y0)
    e = np.minimum(np.minimum(pop.hi, pop.death), Y1)
    act = e > s
    age = (Y0 - pop.birth) / 365.25
    z, h = pop.z, pop.h
    kind = pop.kind
    dis_child = conditions["child_disability"]
    id_adult = conditions["intellectual_disability"]

    def pu(salt):
        return persistent_uniform(key, salt)

    def norm(a):
        return np.exp(a * z - a * a / 2)

    def price_mult(salt, sigma):
        """A lasting, person-specific price multiplier with mean 1 (lognormal; Box-Muller of two persistent uniforms)."""
        g = np.sqrt(-2.0 * np.log(1.0 - pu(salt))) * np.cos(2.0 * np.pi * pu(salt + 1))
        return np.exp(sigma * g - sigma * sigma / 2)

    def direct(fn, mask, annual, ss=None, ee=None, source=S_BENEFITS, n_cc=1, cc_code=None, service=None, units_per_day=False,
               grouping=0):
        idx = np.nonzero(mask & act)[0]
        if idx.size == 0:
            return
        ss_ = s[idx] if ss is None else np.maximum(ss[idx], s[idx])
        ee_ = e[idx] if ee is None else np.minimum(ee[idx], e[idx])
        ok = ee_ > ss_
        idx, ss_, ee_ = idx[ok], ss_[ok], ee_[ok]
        ann = np.broadcast_to(np.asarray(annual, np.float64), (N,))[idx] if np.ndim(annual) else np.full(idx.size, float(annual))
        person, date, amt = _monthly(rng, y, idx, ss_, ee_, ann)
        codes = (cc_code[idx] if cc_code is not None else (idx * 7919) % n_cc)
        cmap = np.full(N, 0)
        cmap[idx] = codes
        cc = led.ccs(fn, cmap[person])
        fi = led.fidx[fn]
        led.add_postings(date, fi, cc, amt, person, source, grouping)
        if service is not None:
            units = (ee_ - ss_).astype(np.float64) if units_per_day else None
            led.add_deliveries(idx, fi, led.ccs(fn, codes), led.service(service), ss_, ee_, units, 1 if units_per_day else -1)

    def pooled(fn, mask, price, units_year=None, unit_code=-1, ss=None, ee=None, n_cc=1, cc_code=None, service=None):
        """Activity (units_year given) or average service: deliveries + cost-centre pools."""
        idx = np.nonzero(mask & act)[0]
        if idx.size == 0:
            return
        ss_ = s[idx] if ss is None else np.maximum(ss[idx], s[idx])
        ee_ = e[idx] if ee is None else np.minimum(ee[idx], e[idx])
        ok = ee_ > ss_
        idx, ss_, ee_ = idx[ok], ss_[ok], ee_[ok]
        frac = (ee_ - ss_) / nd
        codes = cc_code[idx] if cc_code is not None else (idx * 7919 + 13) % n_cc
        ccs = led.ccs(fn, codes)
        fi = led.fidx[fn]
        pr = np.broadcast_to(np.asarray(price, np.float64), (N,))[idx] if np.ndim(price) else np.full(idx.size, float(price))
        if units_year is not None:
            uy = np.broadcast_to(np.asarray(units_year, np.float64), (N,))[idx] if np.ndim(units_year) else np.full(idx.size, float(units_year))
            units = np.maximum(np.round(uy * frac, 1), 0.1)
            cost = units * pr
        else:
            units = None
            cost = pr * frac
        led.add_deliveries(idx, fi, ccs, led.service(service or led.cat[fn]["service_name"]), ss_, ee_, units, unit_code)
        tot = np.bincount(ccs, weights=cost)
        for c in np.nonzero(tot)[0]:
            led.pools[(fi, int(c))] = led.pools.get((fi, int(c)), 0.0) + float(tot[c])

    a = age
    # ---------------------------------------------------------------- children and learning
    school_age = (a >= 5.6) & (a < 16.6)
    u_spec = pu(101)
    spec_ed = school_age & (u_spec < 0.009 * (1 + 12 * dis_child) * norm(0.5))
    spec_school = school_age & ~spec_ed & (u_spec < 0.035 * (1 + 8 * dis_child) * norm(0.5))
    d6 = pop.birth + years_to_days(6)
    d17 = pop.birth + years_to_days(16.5)
    pooled("3.22.01", school_age & ~spec_ed & ~spec_school & (kind != P_PLACED), 58000.0, ss=d6, ee=d17, n_cc=6,
           cc_code=(np.maximum(pop.hh, 0) * 31 % 6))
    # placed children of school age in institutions / opholdssteder go to an internal (special) school
    placed_inst = (kind == P_PLACED) & (pop.placed_type >= 2)
    pooled("3.22.08", spec_school | (school_age & placed_inst), 330000.0, ss=d6, ee=d17, n_cc=2)
    direct("3.22.07", spec_ed, 560000.0, ss=d6, ee=d17, source=S_INVOICES, service="Specialundervisning, regionalt tilbud")
    direct("3.30.46", (a >= 16.5) & (a < 22) & (dis_child | id_adult) & (pu(102) < 0.5), 265000.0, source=S_INVOICES,
           service="STU")
    # day care: from about 10 months to school start
    dstart = pop.birth + 300
    dend = pop.birth + years_to_days(5.8)
    in_dc = (a < 6) & (pu(103) < 0.94) & (kind != P_PLACED)
    price_dc = np.where(a < 2.5, 390.0, 245.0)
    pooled("5.25.14", in_dc, price_dc, units_year=225.0, unit_code=1, ss=dstart, ee=dend, n_cc=8,
           cc_code=(np.maximum(pop.hh, 0) * 17 % 8))
    direct("5.25.19", in_dc & (pu(104) < 0.15 * norm(1.0)), 19000.0, ss=dstart, ee=dend, source=S_BENEFITS)
    direct("5.57.72", (a < 18) & dis_child & (pu(105) < 0.5), 38000.0, source=S_BENEFITS, grouping=G_SEL_41)
    pooled("5.25.17", (a < 18) & dis_child & (pu(106) < 0.35), 210000.0, n_cc=2)
    # preventive measures incl. family treatment (hours), persistent and yearly part
    # Stevns counted 405 of 2,460 families with children with a transfer income and a child-welfare case:
    # the need follows the mother's circumstances (her latent z) as much as the child's own
    mother_z = np.where(pop.mother >= 0, z[np.maximum(pop.mother, 0)], z)
    family_z = (z + mother_z) / np.sqrt(2 + 2 * 0.36)
    p_prev = 0.10 * np.exp(1.4 * family_z - 1.4 * 1.4 / 2)
    prev = (a < 18) & ((pu(107) < 0.75 * p_prev) | (rng.random(N) < 0.25 * p_prev) | ((kind == P_PLACED) & (pu(108) < 0.5)))
    intensive = pu(140) < 0.25 * norm(1.0)
    hrs = np.exp(rng.normal(np.log(np.where(intensive, 150.0, 22.0)), 0.6, N))
    pooled("5.28.21", prev, 820.0, units_year=hrs, unit_code=0, n_cc=3)
    # placements (direct invoices), from the placement date
    for t, (name, fn, price, _share) in enumerate(PLACEMENT_TYPES):
        m = (kind == P_PLACED) & (pop.placed_type == t)
        direct(fn, m, price * 365.0 * price_mult(150, 0.3), ss=pop.placed_from, source=S_INVOICES, n_cc=1,
               service=f"Anbringelse: {name}", units_per_day=True)
    # §42 loss of earnings for a parent of a disabled child
    mothers_of_dis = np.zeros(N, dtype=bool)
    dc = np.nonzero(dis_child & (a < 18) & act)[0]
    mo = pop.mother[dc]
    mothers_of_dis[mo[mo >= 0]] = True
    direct("5.57.72", mothers_of_dis & (pu(109) < 0.22), 260000.0, source=S_BENEFITS, grouping=G_SEL_42)

    # parents of a child with a child-welfare case are far more often on a transfer income: Stevns found a
    # transfer in 405 of its about 435 families with a child-welfare case (40 % of them on sickness benefit)
    cw_child = prev | (kind == P_PLACED)
    cw_parent = np.zeros(N, dtype=bool)
    for parent in (pop.mother, pop.father):
        of_cw = parent[cw_child]
        cw_parent[of_cw[of_cw >= 0]] = True
    cw_boost = np.where(cw_parent, 4.0, 1.0)

    # ---------------------------------------------------------------- main transfer per person (drawn first: the
    # upper-middle tier of costs is disability pensioners who also get support, e.g. §85, §104)
    bo = kind == P_BOTILBUD
    homeless = kind == P_HOMELESS
    wa = (a >= 18) & (a < 66.5)
    band = np.digitize(a, [30, 40, 50, 60])
    # disability pension follows poor health as well as social vulnerability (so pensioners are also hospital users)
    p_dp = (np.array([0.014, 0.03, 0.05, 0.085, 0.115])[band] * norm(0.9) * np.exp(1.2 * h - 0.72)
            * (1 + 4 * (id_adult | conditions["schizophrenia"] | conditions["abi"])))
    p_flex = 0.023 * norm(0.5) * (a >= 25)
    p_cash = np.where(a < 30, 0.045, 0.019) * norm(1.2) * (a < 62)
    p_res = 0.006 * norm(1.2) * (a >= 25)
    p_led = 0.004 * norm(0.5) * (a >= 25)
    p_rev = 0.0015 * norm(0.5)
    p_int = 0.003 * norm(0.5) * (a < 55)
    cum = np.cumsum(np.stack([p_dp, p_flex, p_cash * cw_boost, p_res * cw_boost, p_led, p_rev, p_int]), axis=0)
    u = pu(130)
    which = np.where(u < cum[-1], (u[None, :] >= cum).sum(axis=0), -1)
    which = np.where(wa, which, -1)
    which = np.where(homeless & wa, 2, which)
    which = np.where(bo & wa, 0, which)
    dp = which == 0

    # ---------------------------------------------------------------- health and care
    nh = kind == P_NURSING
    pooled("5.30.27", nh, 1500.0, units_year=365.0, unit_code=1, ss=pop.nh_from, n_cc=len(pop.nursing_homes),
           cc_code=np.searchsorted(pop.nursing_homes, np.maximum(pop.inst_addr, 0)).clip(0, len(pop.nursing_homes) - 1))
    hc_p = np.where(a >= 90, 0.55, np.where(a >= 80, 0.24, np.where(a >= 67, 0.05, 0.0))) * np.exp(0.9 * h - 0.405)
    home_care = ~nh & (pu(110) < hc_p)
    hc_hours = np.exp(rng.normal(np.log(45), 1.3, N) + 0.3 * np.log1p(np.maximum(a - 80, 0)))
    # elderly in home care until nursing-home entry
    pooled("5.30.26", home_care | (nh & (pop.nh_from > Y0)), 400.0, units_year=np.minimum(hc_hours, 2600), unit_code=0,
           ee=np.where(nh, pop.nh_from, INF), n_cc=2)
    nursing_visits = np.exp(rng.normal(np.log(14), 0.9, N))
    pooled("4.62.85", (nh & (pu(111) < 0.8)) | (home_care & (pu(112) < 0.6)) | ((a >= 65) & (pu(113) < 0.03)),
           390.0, units_year=nursing_visits, unit_code=2, n_cc=2)
    rehab = (a >= 40) & (rng.random(N) < 0.012 + 0.02 * (a >= 65) + 0.08 * conditions["stroke"] + 0.03 * conditions["osteoarthritis"])
    pooled("4.62.82", rehab, 900.0, units_year=np.exp(rng.normal(np.log(12), 0.6, N)), unit_code=0, n_cc=1)
    adult = (a >= 18) & (a < 67)
    longterm = bo & (pu(114) < 0.8)
    cc_bo = np.searchsorted(pop.botilbud, np.maximum(pop.inst_addr, 0)).clip(0, len(pop.botilbud) - 1)
    # a few very expensive single cases (over 2 mio. a year): person-specific prices around the mean rate
    bo_price = price_mult(152, 0.45)
    direct("5.38.50", longterm, 3155.0 * 365 * bo_price, source=S_INVOICES, cc_code=cc_bo, service="Botilbud §108", units_per_day=True)
    direct("5.38.52", bo & ~longterm, 2134.0 * 365 * bo_price, source=S_INVOICES, cc_code=cc_bo, service="Botilbud §107", units_per_day=True)
    dis_adult = adult & (id_adult | conditions["abi"] | conditions["schizophrenia"])
    pooled("5.38.37", (dis_adult & (pu(115) < 0.12)) | (adult & (pu(116) < 0.0008)), 450.0,
           units_year=np.exp(rng.normal(np.log(200), 0.9, N)), unit_code=0, n_cc=1)
    p85 = 0.0015 * norm(1.5) * (1 + 8 * (id_adult | conditions["schizophrenia"] | conditions["abi"])) + 0.035 * dp * norm(1.0)
    pooled("5.38.38", adult & ~bo & (pu(117) < 2.0 * p85), 560.0, units_year=np.exp(rng.normal(np.log(280), 0.7, N)),
           unit_code=0, n_cc=3)
    pooled("5.38.59", (bo & (pu(118) < 0.45)) | (adult & id_adult & (pu(119) < 0.15)) | (adult & (pu(119) < 0.002 * norm(1.5)))
            | (dp & (pu(141) < 0.015 * norm(1.0))), 115000.0, n_cc=2)
    pooled("5.38.58", (bo & (pu(120) < 0.3)) | (adult & id_adult & (pu(121) < 0.15)), 88000.0, n_cc=1)
    pooled("5.38.42", (homeless & (pu(122) < 0.7)) | ((a >= 20) & (a < 66) & (pu(123) < 0.0003 * norm(1.5))), 165000.0, n_cc=1)
    pooled("5.38.44", (a >= 18) & conditions["alcohol"] & (rng.random(N) < 0.14), 28000.0, n_cc=1)
    pooled("5.38.45", (a >= 16) & conditions["drugs"] & (rng.random(N) < 0.33), 62000.0, n_cc=1)

    # ---------------------------------------------------------------- employment: transfers and measures
    direct("5.48.64", dp, 175000.0)
    direct("5.48.67", dp & (pu(131) < 0.12), 14000.0)
    direct("5.58.81", which == 1, 110000.0)
    cash = which == 2
    direct("5.57.73", cash, np.where(a < 30, 100000.0, 145000.0))
    direct("5.58.82", which == 3, 150000.0)
    direct("5.58.83", which == 4, 98000.0)
    direct("5.58.80", which == 5, 125000.0)
    integ = which == 6
    direct("5.46.61", integ, 86000.0)
    pooled("5.46.60", integ, 38000.0, n_cc=1)
    # episodes: sickness benefit and unemployment benefit
    free = wa & (which < 0)
    sick = free & (rng.random(N) < 0.10 * np.exp(0.4 * h - 0.08) * np.where(cw_parent, 8.0, 1.0))
    sdur = np.minimum(np.exp(rng.normal(np.log(75), 0.9, N)), 365).astype(np.int64)
    sst = Y0 + rng.integers(0, nd, size=N)
    direct("5.57.71", sick, 92000.0, ss=sst, ee=sst + sdur)
    unem = free & ~sick & (rng.random(N) < 0.04 * norm(0.4) * cw_boost)
    udur = np.minimum(np.exp(rng.normal(np.log(150), 0.7, N)), 365).astype(np.int64)
    ust = Y0 + rng.integers(-120, nd, size=N)
    direct("5.57.78", unem, 100000.0, ss=ust, ee=ust + udur)
    pooled("5.68.90", (cash | (which == 3) | unem | (which == 4)) & (pu(132) < 0.55), 45000.0, n_cc=2)
    direct("5.68.94", free & (pu(133) < 0.003), 88000.0, source=S_BENEFITS)
    direct("5.57.72", adult & (dis_adult | conditions["abi"]) & (pu(134) < 0.2), 22000.0, grouping=G_SEL_100)


def finish_year(led: Ledger, rng: np.random.Generator, y: int) -> None:
    """Pooled postings for the year's pools, orphan pools, corrections, postings without person."""
    mb = month_bounds(y)
    # pooled postings: 12 per cost centre (payroll / running costs)
    pool_items = sorted(led.pools.items())
    per_fn: dict[int, float] = {}
    for (fi, c), tot in pool_items:
        w = np.maximum(1 + 0.12 * rng.standard_normal(12), 0.3)
        amt = np.round(tot * (1 + 0.01 * rng.standard_normal()) * w / w.sum(), 2)
        date = mb[:-1] + rng.integers(0, 28, size=12)
        led.add_postings(date, fi, c, amt, -1, S_PAYROLL)
        per_fn[fi] = per_fn.get(fi, 0.0) + tot
        if rng.random() < 0.15:  # a correction moved between months
            k = rng.integers(0, 11)
            x = round(float(amt[k]) * 0.2, 2)
            led.add_postings(np.array([mb[k] + 27, mb[k + 1] + 3]), fi, c, np.array([-x, x]), -1, S_PAYROLL)
    # orphan pools: cost centres without any recorded recipient (unallocatable)
    for fi, tot in sorted(per_fn.items()):
        c = led.cc(led.functions[fi], 99)
        amt = np.round(tot * rng.uniform(0.01, 0.03) / 4 * np.ones(4), 2)
        led.add_postings(mb[[0, 3, 6, 9]] + 14, fi, c, amt, -1, S_FINANCE)
    led.pools = {}


def finish_direct(led: Ledger, rng: np.random.Generator, y: int, start_chunk: int) -> None:
    """Corrections and missing person ids on the year's direct postings (chunks from start_chunk)."""
    Y1 = day(y + 1)
    new = []
    for ch in led.post[start_chunk:]:
        date, fn, cc, amt, person, src, grp = ch
        if amt.shape[0] == 0 or src[0] == S_PAYROLL or src[0] == S_FINANCE:
            continue
        n = amt.shape[0]
        # about 1 % of direct postings arrive without a person id
        drop = rng.random(n) < 0.01
        person[drop] = -1
        # about 1 % get a negative correction later in the year
        corr = np.nonzero(rng.random(n) < 0.01)[0]
        if corr.size:
            cdate = np.minimum(date[corr] + rng.integers(1, 40, size=corr.size), Y1 - 1)
            camt = -np.round(amt[corr] * rng.uniform(0.05, 1.0, size=corr.size), 2)
            new.append((cdate, fn[corr], cc[corr], camt, person[corr], src[corr], grp[corr]))
    led.post.extend(new)


def deselected(led: Ledger, rng: np.random.Generator, y: int, start_chunk: int) -> None:
    """Functions outside the analysis: about 31 % of the ledger's kroner (Stevns: 334 of 1,060 mio.)."""
    rel = sum(float(ch[3].sum()) for ch in led.post[start_chunk:])
    total = rel * 334.0 / 726.0
    mb = month_bounds(y)
    for fn, share, n_cc in (("4.62.81", 0.42, 1), ("6.45.51", 0.35, 3), ("0.28.20", 0.23, 2)):
        fi = led.fidx[fn]
        for k in range(n_cc):
            w = np.maximum(1 + 0.2 * rng.standard_normal(12), 0.2)
            amt = np.round(total * share / n_cc * w / w.sum(), 2)
            led.add_postings(mb[:-1] + rng.integers(0, 28, size=12), fi, led.cc(fn, k + 1), amt, -1, S_FINANCE)
