"""Population register: households, institutions, placements, and the yearly events
(deaths, births, moves out and in, entries into nursing homes) that make the
residence history.

Everything is vectorised over persons / households; the only loop is over years.
Dates are int64 day numbers (days since 1970-01-01), ``INF`` where there is none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ._util import INF, day, years_to_days

HOME = "336"
OTHER_MUNICIPALITIES = ["320", "329", "101", "360", "253", "350"]
MUNICIPALITIES = [HOME] + OTHER_MUNICIPALITIES

ADDRESS_KINDS = ["private", "residential_institution", "no_fixed_address"]
K_PRIVATE, K_INSTITUTION, K_NOFIXED = 0, 1, 2

# person kinds
P_PRIVATE, P_NURSING, P_BOTILBUD, P_HOMELESS, P_PLACED, P_ABSENT = 0, 1, 2, 3, 4, 5

# placement types: function, daily price, share
PLACEMENT_TYPES = [
    # name, function, kr per day, share
    ("foster", "5.28.22", 1539.0, 0.52),
    ("network_foster", "5.28.22", 587.0, 0.06),
    ("institution", "5.28.23", 3458.0, 0.20),
    ("opholdssted", "5.28.20", 3100.0, 0.20),
    ("secure", "5.28.24", 7200.0, 0.02),
]

# household composition
HH_TYPE_P = [0.40, 0.362, 0.19, 0.048]  # single, couple, couple with children, single provider
KIDS_P = [0.46, 0.40, 0.12, 0.02]
CHILD_AGE_W = np.array([1.0] * 18 + [0.8, 0.6, 0.45, 0.3, 0.2, 0.12, 0.08])
SINGLE_BANDS = [(18, 25, 0.13), (25, 35, 0.16), (35, 50, 0.15), (50, 65, 0.23), (65, 75, 0.16), (75, 85, 0.14), (85, 99, 0.08)]
COUPLE_BANDS = [(20, 30, 0.09), (30, 45, 0.13), (45, 60, 0.27), (60, 70, 0.24), (70, 80, 0.20), (80, 95, 0.07)]


def _band_ages(rng: np.random.Generator, n: int, bands) -> np.ndarray:
    lo = np.array([b[0] for b in bands], dtype=float)
    hi = np.array([b[1] for b in bands], dtype=float)
    w = np.array([b[2] for b in bands], dtype=float)
    k = rng.choice(len(bands), size=n, p=w / w.sum())
    return lo[k] + rng.random(n) * (hi[k] - lo[k])


@dataclass
class Households:
    """Private households built at a reference date (ages in years at that date)."""

    n_households: int
    hh: np.ndarray  # local household index per person
    role: np.ndarray  # 0 first adult, 1 second adult, 2 child
    age: np.ndarray
    sex: np.ndarray  # 0 F, 1 M
    mother: np.ndarray  # local person index or -1
    father: np.ndarray
    partner: np.ndarray
    single_provider: np.ndarray  # per household


def make_households(rng: np.random.Generator, n_persons: int) -> Households:
    if n_persons <= 0:
        e = np.zeros(0, dtype=np.int64)
        return Households(0, e, e, e.astype(float), e, e, e, e, np.zeros(0, dtype=bool))
    H = int(n_persons / 1.9) + 10
    t = rng.choice(4, size=H, p=HH_TYPE_P)
    nk = np.where(t >= 2, rng.choice(4, size=H, p=KIDS_P) + 1, 0)
    na = np.where((t == 1) | (t == 2), 2, 1)
    size = na + nk
    cs = np.cumsum(size)
    keep = cs <= n_persons
    t, nk, na, size = t[keep], nk[keep], na[keep], size[keep]
    rest = n_persons - int(size.sum())
    if rest > 0:  # fill up with single households
        t = np.concatenate([t, np.zeros(rest, dtype=t.dtype)])
        nk = np.concatenate([nk, np.zeros(rest, dtype=nk.dtype)])
        na = np.concatenate([na, np.ones(rest, dtype=na.dtype)])
        size = np.concatenate([size, np.ones(rest, dtype=size.dtype)])
    H = t.shape[0]
    N = int(size.sum())
    start = np.concatenate([[0], np.cumsum(size)[:-1]])
    hh = np.repeat(np.arange(H), size)
    pos = np.arange(N) - np.repeat(start, size)
    role = np.where(pos == 0, 0, np.where(pos < np.repeat(na, size), 1, 2))
    is_child = role == 2

    # children's ages, then parents' from the oldest child
    age = np.zeros(N)
    w = CHILD_AGE_W / CHILD_AGE_W.sum()
    nch = int(is_child.sum())
    age[is_child] = rng.choice(len(w), size=nch, p=w) + rng.random(nch)
    max_child = np.zeros(H)
    np.maximum.at(max_child, hh[is_child], age[is_child])
    mother_age = max_child + 23 + rng.random(H) * 15
    father_age = np.maximum(mother_age + rng.normal(2.5, 3.0, H), 19)
    single_age = _band_ages(rng, H, SINGLE_BANDS)
    couple_old = _band_ages(rng, H, COUPLE_BANDS)
    couple_young = np.maximum(couple_old - np.abs(rng.normal(2.0, 3.0, H)), 18)

    sex = np.zeros(N, dtype=np.int64)
    th = t[hh]
    a0 = role == 0
    a1 = role == 1
    # singles
    m = a0 & (th == 0)
    age[m] = single_age[hh[m]]
    sex[m] = (rng.random(int(m.sum())) < 0.52).astype(np.int64)
    # couples without children: first adult the man (older), second the woman
    m = a0 & (th == 1)
    age[m] = couple_old[hh[m]]
    sex[m] = 1
    m = a1 & (th == 1)
    age[m] = couple_young[hh[m]]
    sex[m] = 0
    # couples with children: first adult the mother, second the father
    m = a0 & (th == 2)
    age[m] = mother_age[hh[m]]
    sex[m] = 0
    m = a1 & (th == 2)
    age[m] = father_age[hh[m]]
    sex[m] = 1
    # single providers: mostly mothers
    m = a0 & (th == 3)
    age[m] = np.where(rng.random(int(m.sum())) < 0.82, mother_age[hh[m]], father_age[hh[m]])
    sex[m] = 0
    prov_male = np.zeros(H, dtype=bool)
    pm = rng.random(H) < 0.18
    prov_male[(t == 3) & pm] = True
    sex[m & prov_male[hh]] = 1
    sex[is_child] = (rng.random(nch) < 0.512).astype(np.int64)

    first = start  # index of the first adult per household
    second = start + 1
    mother = np.full(N, -1, dtype=np.int64)
    father = np.full(N, -1, dtype=np.int64)
    partner = np.full(N, -1, dtype=np.int64)
    hc = hh[is_child]
    tc = t[hc]
    ch_idx = np.nonzero(is_child)[0]
    # couples with children
    cc = tc == 2
    mother[ch_idx[cc]] = first[hc[cc]]
    father[ch_idx[cc]] = second[hc[cc]]
    sp = tc == 3
    male_prov = prov_male[hc]
    mother[ch_idx[sp & ~male_prov]] = first[hc[sp & ~male_prov]]
    father[ch_idx[sp & male_prov]] = first[hc[sp & male_prov]]
    # partners
    cpl = (t == 1) | (t == 2)
    partner[first[cpl]] = second[cpl]
    partner[second[cpl]] = first[cpl]
    return Households(H, hh, role, age, sex, mother, father, partner, t == 3)


@dataclass
class Population:
    first_year: int
    last_year: int
    # persons
    birth: np.ndarray
    sex: np.ndarray
    death: np.ndarray
    kind: np.ndarray
    hh: np.ndarray
    mother: np.ndarray
    father: np.ndarray
    partner: np.ndarray
    lo: np.ndarray  # first day the municipality is responsible (resident, or placed by it)
    hi: np.ndarray  # first day no longer (moved out or died), INF while responsible
    nh_from: np.ndarray  # entry into a nursing home (INF if never)
    placed_from: np.ndarray
    placed_type: np.ndarray  # index into PLACEMENT_TYPES, -1 if not placed
    inst_addr: np.ndarray  # institution / placement address (or -1)
    z: np.ndarray  # social vulnerability (household-correlated)
    h: np.ndarray  # health frailty
    # addresses
    addr_muni: np.ndarray
    addr_kind: np.ndarray
    # residence segments
    res_person: np.ndarray
    res_addr: np.ndarray
    res_from: np.ndarray
    res_to: np.ndarray  # INF for open
    # relations
    rel_person: np.ndarray
    rel_related: np.ndarray
    rel_type: np.ndarray  # 0 mother 1 father 2 partner
    # institutions by purpose (address indices)
    nursing_homes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    botilbud: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: global index of the first person: persistent draws use ``key0 + local index`` as the person's key,
    #: so that persons of different chunks have different lasting propensities
    key0: int = 0

    @property
    def keys(self) -> np.ndarray:
        return np.arange(self.key0, self.key0 + self.n, dtype=np.uint64)

    @property
    def n(self) -> int:
        return self.birth.shape[0]


class _Builder:
    """Growable person / address / residence store used while simulating."""

    PERSON_FIELDS = (
        "birth", "sex", "death", "kind", "hh", "mother", "father", "partner", "lo", "hi",
        "nh_from", "placed_from", "placed_type", "inst_addr", "z", "h", "cur_addr", "cur_from",
    )

    def __init__(self) -> None:
        self.p = {f: np.zeros(0, dtype=np.float64 if f in ("z", "h") else np.int64) for f in self.PERSON_FIELDS}
        self.addr_muni = np.zeros(0, dtype=np.int64)
        self.addr_kind = np.zeros(0, dtype=np.int64)
        self.hh_addr = np.zeros(0, dtype=np.int64)
        self.hh_zh = np.zeros(0, dtype=np.float64)
        self.hh_locked = np.zeros(0, dtype=bool)
        self.seg: list[tuple[np.ndarray, ...]] = []

    @property
    def n(self) -> int:
        return self.p["birth"].shape[0]

    def add_addresses(self, muni: np.ndarray, kind) -> np.ndarray:
        muni = np.asarray(muni, dtype=np.int64)
        start = self.addr_muni.shape[0]
        self.addr_muni = np.concatenate([self.addr_muni, muni])
        self.addr_kind = np.concatenate([self.addr_kind, np.broadcast_to(np.asarray(kind, dtype=np.int64), muni.shape)])
        return np.arange(start, start + muni.shape[0])

    def add_persons(self, **cols) -> np.ndarray:
        n = len(cols["birth"])
        start = self.n
        defaults = {"death": INF, "kind": P_PRIVATE, "hh": -1, "mother": -1, "father": -1, "partner": -1,
                    "lo": INF, "hi": INF, "nh_from": INF, "placed_from": INF, "placed_type": -1, "inst_addr": -1,
                    "z": 0.0, "h": 0.0, "cur_addr": -1, "cur_from": 0}
        for f in self.PERSON_FIELDS:
            v = cols.get(f, defaults.get(f))
            arr = np.broadcast_to(np.asarray(v, dtype=self.p[f].dtype), (n,))
            self.p[f] = np.concatenate([self.p[f], arr])
        return np.arange(start, start + n)

    def add_segments(self, person, addr, frm, to) -> None:
        person = np.asarray(person, dtype=np.int64)
        keep = np.asarray(frm) < np.asarray(to)
        if person.shape[0]:
            self.seg.append((person[keep], np.asarray(addr)[keep], np.asarray(frm)[keep], np.asarray(to)[keep]))

    def move(self, persons: np.ndarray, new_addr: np.ndarray, date: np.ndarray) -> None:
        p = self.p
        self.add_segments(persons, p["cur_addr"][persons], p["cur_from"][persons], date)
        p["cur_addr"][persons] = new_addr
        p["cur_from"][persons] = date


def _new_private_households(b: _Builder, rng: np.random.Generator, n_persons: int, ref: int,
                            move_in: np.ndarray | None, muni_code: int = 0):
    """Add private households of about n_persons persons at new addresses.

    ref: the date the ages refer to. move_in: per-household date of moving into the
    municipality (None for the base population, resident since before ref).
    Returns (person indices, households object, household ids).
    """
    hs = make_households(rng, n_persons)
    H = hs.n_households
    addr = b.add_addresses(np.full(H, muni_code), K_PRIVATE)
    hh0 = b.hh_addr.shape[0]
    b.hh_addr = np.concatenate([b.hh_addr, addr])
    zh = rng.standard_normal(H)
    b.hh_zh = np.concatenate([b.hh_zh, zh])
    b.hh_locked = np.concatenate([b.hh_locked, np.zeros(H, dtype=bool)])
    N = hs.hh.shape[0]
    birth = ref - years_to_days(hs.age) - 1
    z = 0.6 * zh[hs.hh] + 0.8 * rng.standard_normal(N)
    h = 0.2 * z + 0.98 * rng.standard_normal(N)
    if move_in is None:
        hh_from = ref - rng.integers(30, 30 * 365, size=H)
        cur_from = np.maximum(birth, hh_from[hs.hh])
        lo = cur_from
    else:
        cur_from = np.maximum(birth, move_in[hs.hh])
        lo = cur_from
    start = b.n
    idx = b.add_persons(
        birth=birth, sex=hs.sex, hh=hh0 + hs.hh,
        mother=np.where(hs.mother >= 0, hs.mother + start, -1),
        father=np.where(hs.father >= 0, hs.father + start, -1),
        partner=np.where(hs.partner >= 0, hs.partner + start, -1),
        lo=lo, z=z, h=h, cur_addr=addr[hs.hh], cur_from=cur_from,
    )
    return idx, hs, hh0 + np.arange(H)


def simulate(rng: np.random.Generator, persons: int, first_year: int, last_year: int, key0: int = 0) -> Population:
    """Simulate a population of about ``persons`` residents (one chunk of households: a self-contained district)."""
    b = _Builder()
    T0 = day(first_year)
    n_nh = max(1, round(persons * 0.0031))
    n_bo = max(1, round(persons * 0.0021))
    n_hl = max(1, round(persons * 0.0015))
    n_priv = persons - n_nh - n_bo - n_hl

    # fixed addresses: institutions and no-fixed-address pseudo addresses
    n_homes = max(1, round(persons / 7500))
    nursing = b.add_addresses(np.zeros(n_homes, dtype=np.int64), K_INSTITUTION)
    n_bot = max(1, round(persons / 11000))
    botilbud = b.add_addresses(np.zeros(n_bot, dtype=np.int64), K_INSTITUTION)
    kids_inst = b.add_addresses(np.array([0, 1]), K_INSTITUTION)
    ophold = b.add_addresses(np.array([2, 3, 5]), K_INSTITUTION)
    secure = b.add_addresses(np.array([3]), K_INSTITUTION)
    nofixed = b.add_addresses(np.arange(len(MUNICIPALITIES)), K_NOFIXED)

    # base private households
    priv, hs, _hh_ids = _new_private_households(b, rng, n_priv, T0, None)
    p = b.p
    # relations of the base population
    rel = [[], [], []]

    def add_relations(children_idx):
        for col, code in (("mother", 0), ("father", 1)):
            par = p[col][children_idx]
            ok = par >= 0
            rel[0].append(children_idx[ok]); rel[1].append(par[ok]); rel[2].append(np.full(int(ok.sum()), code))

    def add_partners(idx):
        par = p["partner"][idx]
        ok = par >= 0
        rel[0].append(idx[ok]); rel[1].append(par[ok]); rel[2].append(np.full(int(ok.sum()), 2))

    add_relations(priv)
    add_partners(priv)

    # absent parents of children of single providers (live in another municipality)
    sp_hh = np.nonzero(hs.single_provider)[0]
    kids = priv[(hs.role == 2)]
    kid_sp = hs.single_provider[hs.hh[hs.role == 2]]
    kids_sp = kids[kid_sp]
    missing_father = kids_sp[p["father"][kids_sp] < 0]
    missing_mother = kids_sp[p["mother"][kids_sp] < 0]
    for miss, par_col, sex in ((missing_father, "father", 1), (missing_mother, "mother", 0)):
        hh_of = p["hh"][miss]
        uh, inv = np.unique(hh_of, return_inverse=True)
        known = rng.random(uh.shape[0]) < 0.8
        oldest = np.full(uh.shape[0], INF)
        np.minimum.at(oldest, inv, p["birth"][miss])
        ab_birth = oldest - years_to_days(24 + rng.random(uh.shape[0]) * 14)
        sel = np.nonzero(known)[0]
        a_addr = b.add_addresses(rng.integers(1, len(MUNICIPALITIES), size=sel.shape[0]), K_PRIVATE)
        ab = b.add_persons(birth=ab_birth[sel], sex=sex, kind=P_ABSENT, cur_addr=a_addr,
                           cur_from=np.maximum(ab_birth[sel] + 18 * 365, T0 - rng.integers(30, 20 * 365, size=sel.shape[0])),
                           z=rng.standard_normal(sel.shape[0]), h=rng.standard_normal(sel.shape[0]))
        map_ab = np.full(uh.shape[0], -1)
        map_ab[sel] = ab
        par = map_ab[inv]
        ok = par >= 0
        p[par_col][miss[ok]] = par[ok]
        rel[0].append(miss[ok]); rel[1].append(par[ok]); rel[2].append(np.full(int(ok.sum()), 0 if sex == 0 else 1))
    del sp_hh

    # institutions: nursing homes, botilbud, homeless
    def add_institution_people(n, age_lo, age_hi, p_male, kind, addr_pool, z_shift, h_shift):
        age = age_lo + rng.random(n) ** 0.8 * (age_hi - age_lo)
        birth = T0 - years_to_days(age)
        addr = addr_pool[rng.integers(0, addr_pool.shape[0], size=n)]
        frm = np.maximum(birth + 18 * 365, T0 - rng.integers(30, 6 * 365, size=n))
        return b.add_persons(birth=birth, sex=(rng.random(n) < p_male).astype(np.int64), kind=kind,
                             lo=T0 - 20 * 365, cur_addr=addr, cur_from=frm, inst_addr=addr,
                             nh_from=np.where(kind == P_NURSING, -INF, INF),
                             z=rng.standard_normal(n) + z_shift, h=rng.standard_normal(n) + h_shift)

    nh_people = add_institution_people(n_nh, 76, 101, 0.35, P_NURSING, nursing, 0.0, 1.0)
    bo_people = add_institution_people(n_bo, 19, 70, 0.6, P_BOTILBUD, botilbud, 0.5, 0.3)
    hl_people = add_institution_people(n_hl, 20, 66, 0.8, P_HOMELESS, nofixed[:1], 2.0, 0.8)
    p["lo"][nh_people] = p["cur_from"][nh_people]
    p["lo"][bo_people] = p["cur_from"][bo_people] - 365
    p["lo"][hl_people] = p["cur_from"][hl_people] - 365

    # children in care: 0.9 % of 0-22-year-olds with a mother at home in the municipality
    age0 = (T0 - p["birth"]) / 365.25
    cand = priv[(hs.role == 2) & (age0[priv] < 23) & (p["mother"][priv] >= 0)]
    cand = cand[p["kind"][p["mother"][cand]] == P_PRIVATE]
    n_young = int(((age0 < 23) & (p["kind"] != P_ABSENT)).sum())
    n_place = max(1, round(0.009 * n_young))
    w = np.exp(1.3 * p["z"][cand])
    placed = rng.choice(cand, size=min(n_place, cand.shape[0]), replace=False, p=w / w.sum())
    shares = np.array([t[3] for t in PLACEMENT_TYPES])
    ptype = rng.choice(len(PLACEMENT_TYPES), size=placed.shape[0], p=shares / shares.sum())
    n_years = last_year - first_year + 1
    pfrom = T0 + rng.integers(-6 * 365, 365 * n_years, size=placed.shape[0])
    pfrom = np.maximum(pfrom, p["birth"][placed] + 60)
    foster = (ptype <= 1)
    fa_muni = np.where(rng.random(placed.shape[0]) < 0.75, 0, rng.integers(1, len(MUNICIPALITIES), size=placed.shape[0]))
    paddr = np.full(placed.shape[0], -1)
    paddr[foster] = b.add_addresses(fa_muni[foster], K_PRIVATE)
    paddr[ptype == 2] = kids_inst[rng.integers(0, kids_inst.shape[0], size=int((ptype == 2).sum()))]
    paddr[ptype == 3] = ophold[rng.integers(0, ophold.shape[0], size=int((ptype == 3).sum()))]
    paddr[ptype == 4] = secure[0]
    p["kind"][placed] = P_PLACED
    p["placed_type"][placed] = ptype
    p["placed_from"][placed] = pfrom
    p["inst_addr"][placed] = paddr
    b.hh_locked[p["hh"][placed]] = True
    already = pfrom <= T0
    pa_ = placed[already]
    b.move(pa_, paddr[already], pfrom[already])

    # yearly events
    add_relations_later = []
    for y in range(first_year, last_year + 1):
        Y0, Y1 = day(y), day(y + 1)
        nd = Y1 - Y0
        n_all = b.n
        age = (Y0 - p["birth"]) / 365.25
        resident = (p["lo"] <= Y0) & (p["hi"] > Y0) & (p["death"] > Y0) & (p["kind"] != P_ABSENT)
        n_res = int(resident.sum())

        # deaths (Gompertz hazard by age; higher in nursing homes and among the homeless)
        q = np.exp(-10.9 + 0.094 * np.maximum(age, 0))
        q = np.where(age < 1, 0.003, q)
        q = np.where(p["kind"] == P_NURSING, np.maximum(q, 0.25), q)
        q = np.where(p["kind"] == P_HOMELESS, q * 4, q)
        q = np.minimum(q * np.exp(0.25 * p["h"] - 0.03), 0.6)
        dies = resident & (rng.random(n_all) < q)
        ddate = Y0 + rng.integers(0, nd, size=n_all)
        p["death"][dies] = ddate[dies]
        p["hi"][dies] = np.minimum(p["hi"][dies], ddate[dies])
        n_deaths = int(dies.sum())

        # placements starting this year (of children alive at the placement date)
        pl = np.nonzero((p["kind"] == P_PLACED) & (p["placed_from"] >= Y0) & (p["placed_from"] < Y1) & resident
                        & (p["placed_from"] < p["death"]))[0]
        if pl.shape[0]:
            b.move(pl, p["inst_addr"][pl], p["placed_from"][pl])

        # households moving out this year (whole household at one date)
        Hn = b.hh_addr.shape[0]
        hh_res = np.zeros(Hn, dtype=bool)
        at_home = resident & (p["hh"] >= 0) & (p["cur_addr"] == b.hh_addr[np.maximum(p["hh"], 0)])
        hh_res[p["hh"][at_home]] = True
        moving = hh_res & ~b.hh_locked & (b.addr_muni[b.hh_addr] == 0) & (rng.random(Hn) < 0.05)
        mdate = np.where(moving, Y0 + rng.integers(0, nd, size=Hn), INF)

        # entries into nursing homes (replace this year's deaths there)
        nh_deaths = int((dies & (p["kind"] == P_NURSING)).sum())
        elig = np.nonzero(resident & (p["kind"] == P_PRIVATE) & (age >= 78) & ~moving[np.maximum(p["hh"], 0)])[0]
        if nh_deaths and elig.shape[0]:
            w = np.exp(0.08 * (age[elig] - 78) + 0.5 * p["h"][elig])
            k = min(nh_deaths, elig.shape[0])
            ent = rng.choice(elig, size=k, replace=False, p=w / w.sum())
            edate = Y0 + rng.integers(0, nd, size=k)
            ok = edate < p["death"][ent]
            ent, edate = ent[ok], edate[ok]
            b.move(ent, nursing[rng.integers(0, nursing.shape[0], size=ent.shape[0])], edate)
            p["kind"][ent] = P_NURSING
            p["nh_from"][ent] = edate
            p["inst_addr"][ent] = p["cur_addr"][ent]

        # births to women 20-44 living in a private household here
        mom = np.nonzero(resident & at_home & (p["sex"] == 0) & (age >= 19) & (age < 45))[0]
        births = 0
        if mom.shape[0]:
            wa = np.exp(-0.5 * ((age[mom] - 31.0) / 5.0) ** 2)
            wa *= np.where(p["partner"][mom] >= 0, 1.0, 0.35)
            rate = 0.0102 * n_res / wa.sum()
            gives = rng.random(mom.shape[0]) < np.minimum(wa * rate, 0.6)
            m_ = mom[gives]
            bd = Y0 + rng.integers(0, nd, size=m_.shape[0])
            ok = (bd < p["death"][m_]) & (bd < mdate[p["hh"][m_]]) & (bd > p["cur_from"][m_])
            m_, bd = m_[ok], bd[ok]
            nb = m_.shape[0]
            dad = p["partner"][m_]
            dad = np.where((dad >= 0) & (p["sex"][np.maximum(dad, 0)] == 1), dad, -1)
            zh = b.hh_zh[p["hh"][m_]]
            z = 0.6 * zh + 0.8 * rng.standard_normal(nb)
            babies = b.add_persons(birth=bd, sex=(rng.random(nb) < 0.512).astype(np.int64), hh=p["hh"][m_],
                                   mother=m_, father=dad, lo=bd, z=z, h=0.2 * z + 0.98 * rng.standard_normal(nb),
                                   cur_addr=p["cur_addr"][m_], cur_from=bd)
            p = b.p
            add_relations_later.append(babies)
            births = nb

        # apply the moves out (members at home and alive at the move date)
        n_all = b.n
        hhp = np.maximum(p["hh"], 0)
        md = mdate[hhp]
        mem = np.nonzero((p["hh"] >= 0) & (md < INF) & (p["cur_addr"] == b.hh_addr[hhp]) & (p["lo"] <= md)
                         & (p["hi"] > md) & (p["death"] > md) & (p["kind"] != P_ABSENT))[0]
        out_n = mem.shape[0]
        if out_n:
            mh = np.nonzero(moving)[0]
            new_addr = b.add_addresses(rng.integers(1, len(MUNICIPALITIES), size=mh.shape[0]), K_PRIVATE)
            hh_new = np.full(Hn, -1)
            hh_new[mh] = new_addr
            b.move(mem, hh_new[p["hh"][mem]], md[mem])
            p["hi"][mem] = md[mem]
            b.hh_addr[mh] = new_addr

        # the homeless and botilbud populations keep their size: replace deaths there
        for kind, pool, zs, hs_, a_lo, a_hi, pm in ((P_HOMELESS, nofixed[:1], 2.0, 0.8, 20, 66, 0.8),
                                                    (P_BOTILBUD, botilbud, 0.5, 0.3, 19, 70, 0.6)):
            k = int((dies & (p["kind"][: dies.shape[0]] == kind)).sum())
            if k:
                age_n = a_lo + rng.random(k) * (a_hi - a_lo)
                ed = Y0 + rng.integers(0, nd, size=k)
                bth = ed - years_to_days(age_n)
                prior = b.add_addresses(rng.integers(1, len(MUNICIPALITIES), size=k), K_PRIVATE)
                idx = b.add_persons(birth=bth, sex=(rng.random(k) < pm).astype(np.int64), kind=kind, lo=ed,
                                    cur_addr=prior, cur_from=np.maximum(bth + 18 * 365, ed - rng.integers(200, 3000, size=k)),
                                    inst_addr=-1, z=rng.standard_normal(k) + zs, h=rng.standard_normal(k) + hs_)
                p = b.p
                to = pool[rng.integers(0, pool.shape[0], size=k)]
                b.move(idx, to, ed)
                p["inst_addr"][idx] = to
                n_deaths -= k

        # households moving in: keep the population about stable
        target = out_n + n_deaths - births
        if target > 0:
            sub = np.random.default_rng(rng.integers(0, 2**63))
            new, hs2, _ = _new_private_households(b, sub, target, Y0, None)
            H2 = hs2.n_households
            mi = Y0 + rng.integers(0, nd, size=H2)
            prior = b.add_addresses(rng.integers(1, len(MUNICIPALITIES), size=H2), K_PRIVATE)
            mi_p = mi[hs2.hh]
            bth = p["birth"][new]
            home_addr = p["cur_addr"][new].copy()
            p["cur_addr"][new] = prior[hs2.hh]
            p["cur_from"][new] = np.maximum(bth, mi_p - rng.integers(200, 6000, size=H2)[hs2.hh])
            p["lo"][new] = mi_p
            b.move(new, home_addr, mi_p)
            add_relations(new)
            add_partners(new)

    add_relations(np.concatenate(add_relations_later) if add_relations_later else np.zeros(0, dtype=np.int64))

    # close the open residences (at death where dead)
    allp = np.arange(b.n)
    b.add_segments(allp, p["cur_addr"], p["cur_from"], np.where(p["death"] < INF, p["death"], INF))
    segs = [np.concatenate([s[i] for s in b.seg]) for i in range(4)]
    # the homeless live at their municipality's pseudo address; nothing else to do

    return Population(
        first_year=first_year, last_year=last_year,
        birth=p["birth"], sex=p["sex"], death=p["death"], kind=p["kind"], hh=p["hh"],
        mother=p["mother"], father=p["father"], partner=p["partner"], lo=p["lo"], hi=p["hi"],
        nh_from=p["nh_from"], placed_from=p["placed_from"], placed_type=p["placed_type"],
        inst_addr=p["inst_addr"], z=p["z"], h=p["h"],
        addr_muni=b.addr_muni, addr_kind=b.addr_kind,
        res_person=segs[0], res_addr=segs[1], res_from=segs[2], res_to=segs[3],
        rel_person=np.concatenate(rel[0]), rel_related=np.concatenate(rel[1]), rel_type=np.concatenate(rel[2]),
        nursing_homes=nursing, botilbud=botilbud, key0=key0,
    )
