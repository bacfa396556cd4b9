"""Chronic conditions, hospital contacts (LPR) and health-insurance services (sygesikring)."""

from __future__ import annotations

import numpy as np

from ._util import day, persistent_uniform
from .population import P_HOMELESS, P_NURSING, Population

# name: (codes, prevalence by age band [0-17, 18-39, 40-64, 65-79, 80+], latent loading (z, h),
#        outpatient contacts / year, admissions / year, psychiatric?)
CONDITIONS = {
    "type1_diabetes": (["E10.9", "E10.6", "E10.2"], [0.003, 0.006, 0.006, 0.005, 0.004], (0.0, 0.3), 1.2, 0.05, False),
    "type2_diabetes": (["E11.9", "E11.6", "E11.4", "E11.2"], [0.0, 0.01, 0.05, 0.12, 0.13], (0.5, 0.5), 0.6, 0.05, False),
    "copd": (["J44.9", "J44.1", "J44.0"], [0.0, 0.002, 0.04, 0.11, 0.12], (0.4, 0.6), 0.8, 0.30, False),
    "asthma": (["J45.9", "J45.0", "J46.9"], [0.06, 0.08, 0.07, 0.07, 0.06], (0.6, 0.3), 0.3, 0.02, False),
    "osteoporosis": (["M81.0", "M81.9", "M80.0"], [0.0, 0.002, 0.02, 0.09, 0.18], (0.0, 0.4), 0.4, 0.05, False),
    "rheumatoid_arthritis": (["M05.9", "M06.0", "M06.9"], [0.0005, 0.003, 0.01, 0.02, 0.02], (0.0, 0.4), 2.5, 0.03, False),
    "schizophrenia": (["F20.0", "F20.9", "F20.5"], [0.0005, 0.008, 0.007, 0.004, 0.002], (1.0, 0.3), 8.0, 0.35, True),
    "dementia": (["F03.9", "G30.1", "F00.1", "F01.9"], [0.0, 0.0, 0.002, 0.03, 0.15], (0.0, 0.5), 0.8, 0.15, False),
    "heart_failure": (["I50.9", "I50.0", "I11.0", "I42.0"], [0.0, 0.0005, 0.006, 0.03, 0.07], (0.2, 0.7), 1.5, 0.45, False),
    "depression": (["F32.1", "F32.2", "F33.1", "F33.0"], [0.004, 0.022, 0.022, 0.014, 0.015], (0.7, 0.3), 1.2, 0.03, True),
    "anxiety": (["F41.1", "F41.0", "F41.9"], [0.005, 0.016, 0.014, 0.006, 0.004], (0.6, 0.2), 1.0, 0.01, True),
    "alcohol": (["F10.2", "F10.1", "F10.3"], [0.001, 0.022, 0.036, 0.03, 0.01], (1.2, 0.3), 0.6, 0.10, True),
    "drugs": (["F12.2", "F11.2", "F19.2", "F15.1"], [0.002, 0.011, 0.004, 0.0005, 0.0], (1.5, 0.2), 0.8, 0.08, True),
    "cancer": (["C50.9", "C18.9", "C34.1", "C61.9", "C44.3", "C67.9"], [0.001, 0.006, 0.03, 0.08, 0.10], (0.4, 0.4), 1.0, 0.10, False),
    "heart_disease": (["I25.1", "I21.9", "I20.9", "I25.9"], [0.0, 0.002, 0.03, 0.10, 0.16], (0.5, 0.6), 0.8, 0.12, False),
    "osteoarthritis": (["M17.1", "M16.1", "M19.9", "M15.0"], [0.0, 0.01, 0.08, 0.20, 0.25], (0.5, 0.3), 0.5, 0.05, False),
    "back_disease": (["M54.5", "M51.1", "M47.8", "M48.0"], [0.005, 0.07, 0.11, 0.09, 0.08], (0.9, 0.3), 0.6, 0.03, False),
    "stroke": (["I63.9", "I61.9", "I64.9"], [0.0, 0.001, 0.01, 0.04, 0.06], (0.2, 0.6), 0.6, 0.12, False),
    "abi": (["S06.3", "I69.3", "S06.2"], [0.003, 0.016, 0.024, 0.035, 0.035], (0.4, 0.4), 0.8, 0.05, False),
    "chronic_pain": (["G89.4", "R52.2", "G89.2"], [0.002, 0.015, 0.032, 0.07, 0.07], (0.5, 0.4), 0.7, 0.02, False),
    # no code group in the chronic list but needed for segments
    "child_disability": (["F84.0", "G80.0", "Q90.9", "F84.1"], [0.012, 0.0, 0.0, 0.0, 0.0], (0.2, 0.2), 2.0, 0.05, True),
    "intellectual_disability": (["F70.0", "F71.0", "F79.9"], [0.0, 0.006, 0.005, 0.003, 0.001], (0.4, 0.2), 0.5, 0.03, True),
    "adhd": (["F90.0", "F90.9"], [0.03, 0.01, 0.0, 0.0, 0.0], (0.6, 0.0), 2.0, 0.0, True),
}
COND_NAMES = list(CONDITIONS)

# acute / other contacts: somatic codes that do not mark a chronic condition
OTHER_SOMATIC = ["R10.4", "S52.5", "Z03.9", "K35.8", "J18.9", "N39.0", "H26.9", "S82.6", "K80.2", "O80.9",
                 "R07.4", "L03.1", "Z01.8", "T14.1", "A09.9", "K29.7", "R55.9", "N20.0", "H66.9", "Z30.0"]
OTHER_PSYCH = ["Z03.2", "F43.2", "F60.3", "F50.0", "F43.1"]
SECONDARY = ["Z76.8", "I10.9", "R50.9", "Z92.2", "E66.9", "Z72.0"]

SECTORS = ["somatic", "psychiatric"]
CTYPES = ["admission", "outpatient"]
PROVIDERS = ["own_gp", "emergency_gp", "psychologist", "specialist"]
CODES = sorted({c for v in CONDITIONS.values() for c in v[0]} | set(OTHER_SOMATIC) | set(OTHER_PSYCH) | set(SECONDARY))
CODE_IDX = {c: i for i, c in enumerate(CODES)}


def draw_conditions(pop: Population) -> dict[str, np.ndarray]:
    """Lasting chronic conditions per person, by age at birth-relative reference (persistent draws)."""
    key = pop.keys
    ref = day(pop.first_year)
    age = np.maximum((ref - pop.birth) / 365.25, 0)
    band = np.digitize(age, [18, 40, 65, 80])
    # parents register a substance abuse about half as often (Stevns: 41 families with children of 226
    # citizens with an abuse)
    is_parent = np.zeros(pop.n, dtype=bool)
    for parent in (pop.mother, pop.father):
        is_parent[parent[parent >= 0]] = True
    out = {}
    for k, (name, (codes, prev, (lz, lh), *_)) in enumerate(CONDITIONS.items()):
        mult = np.exp(lz * pop.z + lh * pop.h - (lz * lz + lh * lh + 2 * 0.2 * lz * lh) / 2)
        p = np.asarray(prev)[band] * mult
        if name == "dementia":
            p = np.where(pop.kind == P_NURSING, 0.6, p)
        if name in ("alcohol", "drugs"):
            p = np.where(is_parent, 0.45 * p, p)
            p = np.where(pop.kind == P_HOMELESS, 0.5 if name == "alcohol" else 0.35, p)
        if name == "intellectual_disability":
            p = np.where(pop.kind == 2, 0.65, p)  # botilbud residents
        out[name] = persistent_uniform(key, 500 + k) < np.minimum(p, 0.95)
    return out


class Health:
    def __init__(self) -> None:
        self.contacts: list[tuple] = []  # person, sector, ctype, acute, start, end, tariff, dx1, dx2
        self.services: list[tuple] = []  # person, provider, date, fee


def _dates(rng, s, e):
    return s + (rng.random(s.shape[0]) * (e - s)).astype(np.int64)


def year_health(pop: Population, hl: Health, rng: np.random.Generator, y: int, cond: dict[str, np.ndarray]) -> None:
    Y0, Y1 = day(y), day(y + 1)
    nd = Y1 - Y0
    N = pop.n
    # the region pays for residents: use the municipality's responsibility window
    s = np.maximum(pop.lo, Y0)
    e = np.minimum(np.minimum(pop.hi, pop.death), Y1)
    act = e > s
    f = np.where(act, (e - s) / nd, 0.0)
    age = (Y0 - pop.birth) / 365.25
    # dying persons use much more hospital care in their last year
    dying = (pop.death >= Y0) & (pop.death < Y1)
    frailty = rng.gamma(0.3, 1 / 0.3, N) * np.exp(0.7 * pop.h - 0.245)
    n_cond = sum(cond[c].astype(np.int64) for c in COND_NAMES if c not in ("adhd",))

    def emit(person, sector, ctype, acute, start, length, tariff, dx1, dx2):
        hl.contacts.append((person, np.full(person.shape[0], sector), np.full(person.shape[0], ctype), acute, start,
                            start + length, np.round(tariff, 2), dx1, dx2))

    def secondary(n):
        has = rng.random(n) < 0.3
        return np.where(has, np.array([CODE_IDX[c] for c in SECONDARY])[rng.integers(0, len(SECONDARY), n)], -1)

    # general somatic care (non-chronic diagnoses)
    band_adm = np.interp(age, [0, 1, 2, 15, 50, 65, 80, 90], [0.35, 0.09, 0.06, 0.08, 0.11, 0.22, 0.42, 0.60])
    lam_adm = band_adm * frailty * f * np.where(dying, 6.0, 1.0)
    band_out = np.interp(age, [0, 15, 50, 65, 80], [0.5, 0.7, 1.0, 1.6, 1.8]) * 0.75
    lam_out = band_out * rng.gamma(1.0, 1.0, N) * f
    other = np.array([CODE_IDX[c] for c in OTHER_SOMATIC])
    for sector, ctype, lam, mean, sigma, acute_p in ((0, 0, lam_adm, 34000.0, 1.15, 0.7), (0, 1, lam_out, 2100.0, 0.6, 0.12)):
        cnt = rng.poisson(lam * act)
        person = np.repeat(np.arange(N), cnt)
        n = person.shape[0]
        mu = np.log(mean) - sigma * sigma / 2
        tariff = np.minimum(np.exp(rng.normal(mu, sigma, n)), 2_500_000)
        length = np.where(ctype == 0, np.minimum(rng.geometric(0.25, n), 60), 0)
        emit(person, sector, ctype, rng.random(n) < acute_p, _dates(rng, s[person], e[person]), length, tariff,
             other[rng.integers(0, other.shape[0], n)], secondary(n))

    # complex somatic courses (intensive care, major surgery, complications): few persons, very costly
    # admissions; more likely for the frail and the socially vulnerable, who are also heavy municipal users
    cx_age = np.interp(age, [0, 18, 50, 70, 85], [0.3, 0.4, 1.0, 1.8, 1.4])
    p_cx = 0.0058 * cx_age * np.exp(0.55 * pop.h + 0.6 * pop.z - 0.45) * np.where(dying, 3.0, 1.0)
    cx = np.nonzero(act & (rng.random(N) < np.minimum(p_cx, 0.5)))[0]
    cnt = 1 + rng.poisson(1.4, cx.shape[0])
    person = np.repeat(cx, cnt)
    n = person.shape[0]
    tariff = np.minimum(np.exp(rng.normal(np.log(95000.0) - 0.32, 0.8, n)), 2_500_000)
    emit(person, 0, 0, rng.random(n) < 0.6, _dates(rng, s[person], e[person]), np.minimum(rng.geometric(0.07, n), 120),
         tariff, other[rng.integers(0, other.shape[0], n)], secondary(n))

    # contacts driven by chronic conditions (coded repeatedly with the condition's codes)
    for k, (name, (codes, _p, _l, out_rate, adm_rate, psych)) in enumerate(CONDITIONS.items()):
        has = np.nonzero(cond[name] & act)[0]
        if has.size == 0:
            continue
        ci = np.array([CODE_IDX[c] for c in codes])
        # each person's own code (mostly the same one every time)
        own = ci[(has * 2654435761 + k) % ci.shape[0]]
        # some years are treatment years (much more activity)
        intense = rng.random(has.size) < (0.3 if name == "cancer" else 0.12)
        om = np.where(intense, 4.0, 0.5) * out_rate
        am = np.where(intense, 3.0, 0.4) * adm_rate
        if name == "cancer":
            om = np.where(intense, 9.0, 0.8)
            am = np.where(intense, 2.0, 0.1)
        age_h = age[has]
        if psych:
            am = am * np.where(age_h < 13, 0.2, 1.0)
        for ctype, lam in ((0, am), (1, om)):
            cnt = rng.poisson(lam * f[has] * frailty[has] ** 0.5)
            person = np.repeat(has, cnt)
            dx = np.repeat(own, cnt)
            n = person.shape[0]
            if n == 0:
                continue
            if psych and name not in ("child_disability",):
                sector = 1
                if ctype == 0:
                    long_stay = name in ("schizophrenia", "drugs")
                    days_ = np.minimum(np.exp(rng.normal(np.log(32 if long_stay else 20), 0.9, n)), 300).astype(np.int64) + 1
                    tariff = days_ * 4200.0
                    length = days_
                else:
                    tariff = np.exp(rng.normal(np.log(1850), 0.15, n))
                    length = np.zeros(n, dtype=np.int64)
                acute = rng.random(n) < (0.6 if ctype == 0 else 0.08)
            else:
                sector = 0
                if ctype == 0:
                    mean = 52000.0 if name in ("cancer", "heart_failure", "stroke", "heart_disease") else 34000.0
                    tariff = np.exp(rng.normal(np.log(mean) - 0.6, 1.1, n))
                    length = np.minimum(rng.geometric(0.2, n), 60)
                else:
                    mean = 5500.0 if name == "cancer" else 2300.0
                    tariff = np.exp(rng.normal(np.log(mean) - 0.18, 0.6, n))
                    length = np.zeros(n, dtype=np.int64)
                acute = rng.random(n) < (0.55 if ctype == 0 else 0.05)
            emit(person, sector, ctype, acute, _dates(rng, s[person], e[person]), length, np.minimum(tariff, 2_500_000), dx,
                 secondary(n))

    # psychiatric contacts without a chronic code (crises, adjustment and personality disorders), more often
    # with a substance abuse (dual diagnosis: Stevns counted 184 of 226 citizens with a registered abuse)
    young = act & (age >= 10) & (age < 30)
    abuse = cond["alcohol"] | cond["drugs"]
    teen_girl = young & (age < 18) & (pop.sex == 0)
    cnt = rng.poisson((np.where(teen_girl, 0.009, np.where(young & (age < 18), 0.0065, np.where(young, 0.0025, 0.004))) + 0.2 * abuse) * act * np.exp(0.5 * pop.z) * 6)
    person = np.repeat(np.arange(N), cnt)
    n = person.shape[0]
    op = np.array([CODE_IDX[c] for c in OTHER_PSYCH])
    emit(person, 1, 1, rng.random(n) < 0.2, _dates(rng, s[person], e[person]), np.zeros(n, dtype=np.int64),
         np.exp(rng.normal(np.log(1850), 0.15, n)), op[rng.integers(0, op.shape[0], n)], secondary(n))

    # health insurance: own GP, emergency GP, psychologist, specialist
    gp_lam = (3.5 + 0.06 * age + 1.2 * np.minimum(n_cond, 6)) * rng.gamma(2.0, 0.5, N) * f
    psy_cond = cond["depression"] | cond["anxiety"]
    psy = act & (age >= 12) & (age < 50) & ((psy_cond & (rng.random(N) < 0.35)) | (rng.random(N) < np.where(age < 18, 0.008, 0.004) * (age < 30)))
    lams = [
        (0, gp_lam, 220.0, 0.25),
        (1, np.where(age < 6, 0.8, 0.35) * f, 420.0, 0.3),
        (2, np.where(psy, rng.poisson(7, N) + 1, 0) * f, 580.0, 0.02),
        (3, (0.5 + 0.012 * age) * rng.gamma(1.0, 1.0, N) * f, 560.0, 0.5),
    ]
    for prov, lam, mean, sigma in lams:
        cnt = rng.poisson(lam * act) if prov != 2 else np.round(lam).astype(np.int64)
        person = np.repeat(np.arange(N), cnt)
        n = person.shape[0]
        fee = np.exp(rng.normal(np.log(mean) - sigma * sigma / 2, sigma, n))
        hl.services.append((person, np.full(n, prov), _dates(rng, s[person], e[person]), np.round(fee, 2)))
