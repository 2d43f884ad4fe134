#!/usr/bin/env python3
"""Generates a large synthetic fact base for the crosscheck benchmark.

    bench/generate.py --facts 100000 --plant 100 --seed 1 --out bench/out/100k

writes OUT/facts/ (vocabulary.yaml, one fact file per source, articles/*.txt),
OUT/planted.tsv (one planted fact a line: ref, the rule it is meant to trip, how) and
OUT/stats.json (what was written). Python 3 standard library only.

The figures are consistent by construction: the generator first makes up the true
monthly counts of every measure in every place (and every subset), then writes what an
honest writer would: exact counts, counts rounded to 2 or 3 significant digits, hedges
("more than 7,000", "almost 50,000"), number words, "2.5 million", percentages, "1 in 4",
vague fractions, "almost half (47%)". Every relation claim (change, share, ratio, rate,
interval, total) and every record claim is computed from the same truth. Only the
planted facts (--plant N, spread over every finding rule of docs/rules/README.md) are wrong, so every
finding the checker reports must contain a planted fact: a finding without one is a bug
in the generator or in the checker, and the benchmark counts them.

The world: six invented domains (health, crime, transport, housing, education,
environment) with count and non-additive measures, some `within` others; one country of
12 regions and ~180 districts, a few with wards; calendar and fiscal years 2012-2024,
quarters and months that tile them, multi-year spans and "the year to June"; subsets on
exclusive (age band, sex, road user, tenure, school phase) and non-exclusive (platform,
waste type) dimensions. Each source (100-1,000 facts, like a long statistical article)
covers one domain around one place and the latest year it could know, restates popular
figures other sources state too, and refers to facts by id, by source-id/fact-id and by
key pattern. Deterministic for a given --seed and --facts.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import json
import math
import os
import random
import shutil
import sys
from array import array
from fractions import Fraction

Y0 = 2012            # the timeline: January 2012 …
NYEARS = 13          # … December 2024
NM = 12 * NYEARS     # months
MASK = (1 << 64) - 1

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
ORDINALS = ["first", "second", "third", "fourth"]
UNIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen", "twenty"]


# ---- deterministic hashing (Python's hash of str is salted per process: never used)

def mix(*xs: int) -> int:
    h = 0x9E3779B97F4A7C15
    for x in xs:
        h = (h ^ (x & MASK)) & MASK
        h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & MASK
        h ^= h >> 31
    return h


def unit(*xs: int) -> float:
    return mix(*xs) / float(1 << 64)


# ---- the vocabulary

DIMENSIONS = [  # id, exclusive, values
    ("age-band", True, ["under 18", "18 to 64", "65 and over"]),
    ("sex", True, ["female", "male"]),
    ("platform", False, ["Chatterly", "Pictogram", "Vidstream", "Textr", "Murmur"]),
    ("road-user", True, ["car occupant", "pedestrian", "cyclist", "motorcyclist", "bus passenger"]),
    ("tenure", True, ["private rented", "social rented", "owner occupied"]),
    ("school-phase", True, ["primary", "secondary", "special"]),
    ("waste-type", False, ["household", "commercial", "construction", "hazardous"]),
]
DIM_INDEX = {d[0]: i for i, d in enumerate(DIMENSIONS)}

# Each measure: id, phrase, unit, options. level: a typical district's monthly count;
# trend: yearly growth; within: the measure it is part of (fraction of it); dims: subsets.
DOMAINS = [
    ("health", "fiscal", [
        ("admissions", "hospital admissions", "admissions",
         dict(level=900, trend=0.04, dims=["age-band", "sex"], aliases=["hospital admissions"])),
        ("emergency-admissions", "emergency admissions", "admissions", dict(within="admissions", frac=0.36)),
        ("ambulance-callouts", "ambulance call-outs", "call-outs", dict(level=1400, trend=0.06, dims=["age-band"])),
        ("average-wait", "days of average wait for treatment", "days", dict(additive=False, base=38)),
    ]),
    ("crime", "fiscal", [
        ("offences", "offences recorded by police", "offences",
         dict(level=700, trend=0.05, dims=["age-band", "sex", "platform"], aliases=["recorded crimes"])),
        ("online-offences", "online offences", "offences", dict(within="offences", frac=0.22)),
        ("victims", "victims of crime", "victims", dict(level=520, trend=0.03, dims=["age-band", "sex"])),
        ("arrests", "arrests", "arrests", dict(level=160, trend=-0.02, dims=["sex"])),
        ("crime-rate", "offences per 1,000 residents", "offences per 1,000 residents", dict(additive=False, base=74)),
    ]),
    ("transport", "calendar", [
        ("collisions", "road collisions", "collisions", dict(level=95, trend=-0.01, dims=["road-user"])),
        ("casualties", "road casualties", "casualties",
         dict(level=130, trend=0.01, dims=["road-user", "age-band", "sex"], aliases=["road casualties"])),
        ("serious-casualties", "people killed or seriously injured on the roads", "casualties",
         dict(within="casualties", frac=0.18)),
        ("bus-journeys", "bus journeys", "journeys", dict(level=180000, trend=0.02, dims=["age-band"])),
    ]),
    ("housing", "fiscal", [
        ("homelessness-applications", "homelessness applications", "applications",
         dict(level=60, trend=0.07, dims=["tenure"])),
        ("evictions", "evictions", "evictions", dict(level=25, trend=0.05, dims=["tenure"])),
        ("average-rent", "pounds of average monthly rent", "pounds a month", dict(additive=False, base=820)),
    ]),
    ("education", "fiscal", [
        ("exclusions", "school exclusions", "exclusions", dict(level=110, trend=0.06, dims=["school-phase", "sex"])),
        ("permanent-exclusions", "permanent exclusions", "exclusions", dict(within="exclusions", frac=0.04)),
        ("school-applications", "school place applications", "applications",
         dict(level=400, trend=0.01, dims=["school-phase"])),
    ]),
    ("environment", "calendar", [
        ("fly-tipping", "fly-tipping incidents", "incidents", dict(level=230, trend=0.05, dims=["waste-type"])),
        ("pollution-alerts", "air pollution alerts", "alerts", dict(level=6, trend=-0.03, dims=[])),
        ("recycling-rate", "per cent of household waste recycled", "per cent of household waste",
         dict(additive=False, base=43)),
    ]),
]

REGION_NAMES = ["North Coast", "Western Isles", "Eastern Uplands", "Southern Plain", "Midvale",
                "Lakeland", "High Moor", "River Valley", "Capital District", "Borderlands",
                "Old Forest", "Harbour Coast"]
PREFIXES = ["Ash", "Bram", "Cal", "Dun", "Elm", "Fen", "Gal", "Har", "Ivy", "Kes", "Lan", "Mar",
            "Nor", "Oak", "Pen", "Quin", "Ros", "Sal", "Tor", "Ul", "Ven", "Wes", "Yar", "Zel"]
SUFFIXES = ["ford", "bury", "wick", "ton", "ham", "mere", "field", "moor", "stead", "dale", "worth",
            "combe", "leigh", "thorpe", "by"]
PUBLISHERS = ["Valley Gazette", "Morning Ledger", "Daily Courier", "The Northern Star", "Evening Post",
              "Weekly Chronicle", "Public Health Office", "Statistics Bureau", "Civic Monitor",
              "The Observer Desk", "Regional Herald", "Data Desk"]


class Measure:
    def __init__(self, idx, domain, calendar, mid, phrase, unit_name, opts):
        self.idx, self.domain, self.calendar = idx, domain, calendar
        self.id, self.phrase, self.unit = mid, phrase, unit_name
        self.additive = opts.get("additive", True)
        self.level = opts.get("level", 0)
        self.trend = opts.get("trend", 0.0)
        self.base = opts.get("base", 0)
        self.within_name = opts.get("within")
        self.within = None          # index of the measure it is within
        self.frac = opts.get("frac", 1.0)
        self.dims = [DIM_INDEX[d] for d in opts.get("dims", [])]
        self.aliases = opts.get("aliases", [])
        self.inner = []             # measures within this one
        self.root = idx


class Place:
    def __init__(self, idx, name, parent):
        self.idx, self.name, self.parent = idx, name, parent
        self.children = []
        self.depth = 0 if parent is None else None
        self.weight = 1.0


class World:
    """The vocabulary and the true values of every quantity."""

    def __init__(self, seed: int):
        self.seed = seed
        rng = random.Random(mix(seed, 1))
        self.measures: list[Measure] = []
        self.domains = []
        for d, (name, calendar, ms) in enumerate(DOMAINS):
            idxs = []
            for mid, phrase, unit_name, opts in ms:
                m = Measure(len(self.measures), d, calendar, mid, phrase, unit_name, opts)
                self.measures.append(m)
                idxs.append(m.idx)
            self.domains.append((name, calendar, idxs))
        by_id = {m.id: m for m in self.measures}
        for m in self.measures:
            if m.within_name:
                outer = by_id[m.within_name]
                m.within = outer.idx
                m.root = outer.idx
                m.dims = list(outer.dims)
                m.trend = outer.trend
                outer.inner.append(m.idx)
        # Places: a country, 12 regions, 10-20 districts each, wards under four districts.
        self.places: list[Place] = [Place(0, "Valdoria", None)]
        names = [p + s for p in PREFIXES for s in SUFFIXES]
        rng.shuffle(names)
        name_at = 0
        for region in REGION_NAMES:
            r = self._add_place(region, 0)
            for _ in range(rng.randint(10, 20)):
                self._add_place(names[name_at], r)
                name_at += 1
        districts = [p.idx for p in self.places if p.depth == 2]
        for d in rng.sample(districts, 4):
            base = self.places[d].name
            for ward in ["Central", "North", "South", "East", "West"]:
                self._add_place(f"{base} {ward}", d)
        for p in self.places:
            p.weight = math.exp(rng.gauss(0, 0.6))
        self.leaf_places = [p.idx for p in self.places if not p.children]
        # caches
        self._series = {}
        self._prefix = {}
        self._fracs = {}

    def _add_place(self, name, parent):
        p = Place(len(self.places), name, parent)
        p.depth = self.places[parent].depth + 1
        self.places.append(p)
        self.places[parent].children.append(p.idx)
        return p.idx

    # -- true monthly counts

    def _leaf_series(self, root: int, place: int, hidden: bool) -> list[int]:
        key = (root, place, hidden)
        s = self._series.get(key)
        if s is not None:
            return s
        m = self.measures[root]
        p = self.places[place]
        level = m.level * p.weight * (0.12 if hidden else 1.0)
        phase = unit(self.seed, root, place, 7) * 2 * math.pi
        g = m.trend + 0.03 * (unit(self.seed, root, place, 8) - 0.5)
        out = []
        for i in range(NM):
            seasonal = 1 + 0.12 * math.sin(2 * math.pi * (i % 12) / 12 + phase)
            noise = 0.85 + 0.3 * unit(self.seed, root, place, hidden, i)
            out.append(max(0, int(level * (1 + g) ** (i / 12) * seasonal * noise + 0.5)))
        self._series[key] = out
        return out

    def _fraction(self, root: int, place: int, hidden: bool, dim: int, value: int) -> int:
        """Per mille of the whole in a value of a dimension (exclusive values sum to < 1000)."""
        key = (root, place, hidden, dim)
        fr = self._fracs.get(key)
        if fr is None:
            values = DIMENSIONS[dim][2]
            raw = [0.3 + unit(self.seed, root, place, hidden, dim, v) for v in range(len(values))]
            if DIMENSIONS[dim][1]:
                total = sum(raw)
                keep = 0.9 + 0.09 * unit(self.seed, root, place, hidden, dim, 99)
                fr = [int(1000 * keep * r / total) for r in raw]
            else:
                fr = [int(1000 * (0.05 + 0.5 * unit(self.seed, root, place, hidden, dim, v, 3)))
                      for v in range(len(values))]
            self._fracs[key] = fr
        return fr[value]

    def _cell_prefix(self, m: Measure, place: int, hidden: bool, subset: tuple) -> array:
        x = list(self._leaf_series(m.root, place, hidden))
        for dim, value in subset:
            f = self._fraction(m.root, place, hidden, dim, value)
            x = [v * f // 1000 for v in x]
        if m.within is not None:
            base = int(1000 * m.frac)
            gs = [base + int(base * 0.2 * (unit(self.seed, m.idx, place, hidden, i) - 0.5)) for i in range(NM)]
            x = [v * g // 1000 for v, g in zip(x, gs)]
        pre = array("q", [0] * (NM + 1))
        acc = 0
        for i, v in enumerate(x):
            acc += v
            pre[i + 1] = acc
        return pre

    def prefix(self, m: int, place: int, subset: tuple) -> array:
        key = (m, place, subset)
        pre = self._prefix.get(key)
        if pre is not None:
            return pre
        meas = self.measures[m]
        p = self.places[place]
        if not p.children:
            pre = self._cell_prefix(meas, place, False, subset)
        else:
            pre = self._cell_prefix(meas, place, True, subset)  # the part no child accounts for
            for c in p.children:
                cp = self.prefix(m, c, subset)
                pre = array("q", [a + b for a, b in zip(pre, cp)])
        self._prefix[key] = pre
        return pre

    def count(self, key) -> int:
        m, place, a, b, subset = key
        pre = self.prefix(m, place, subset)
        return pre[b + 1] - pre[a]

    def real(self, key) -> Fraction:
        m, place, a, b, subset = key
        meas = self.measures[m]
        years = (a + b) / 24.0
        v = meas.base * (0.75 + 0.5 * unit(self.seed, m, place, 11)) * (1 + 0.02 * years)
        v *= 0.95 + 0.1 * unit(self.seed, m, place, a, b, *[x for s in subset for x in s])
        return Fraction(int(v * 100 + 0.5), 100)

    def value(self, key):
        return self.count(key) if self.measures[key[0]].additive else self.real(key)


# ---- periods

def period_text(a: int, b: int) -> str:
    n = b - a + 1
    y, mo = divmod(a, 12)
    y += Y0
    by, bm = divmod(b, 12)
    by += Y0
    if n == 1:
        return f"{y}-{mo + 1:02d}"
    if n == 3 and mo % 3 == 0:
        return f"{y}-Q{mo // 3 + 1}"
    if n == 12 and mo == 0:
        return f"{y}"
    if n == 12 and mo == 3:
        return f"{y}-{(y + 1) % 100:02d}"
    if n % 12 == 0 and mo == 0:
        return f"{y}..{by}"
    if n % 12 == 0 and mo == 3:
        return f"{y}-{(y + 1) % 100:02d}..{by - 1}-{by % 100:02d}"
    return f"{y}-{mo + 1:02d}..{by}-{bm + 1:02d}"


def period_phrase(a: int, b: int) -> str:
    n = b - a + 1
    y, mo = divmod(a, 12)
    y += Y0
    by, bm = divmod(b, 12)
    by += Y0
    if n == 1:
        return f"{MONTH_NAMES[mo]} {y}"
    if n == 3 and mo % 3 == 0:
        return f"the {ORDINALS[mo // 3]} quarter of {y}"
    if n == 12 and mo in (0, 3):
        return period_text(a, b)
    if n == 12 and mo == 6:
        return f"the year to June {by}"
    if n % 12 == 0 and mo == 0:
        return f"the years {y} to {by}"
    if n % 12 == 0 and mo == 3:
        return f"the years {y}-{(y + 1) % 100:02d} to {by - 1}-{by % 100:02d}"
    return f"{MONTH_NAMES[mo]} {y} to {MONTH_NAMES[bm]} {by}"


def period_slug(a: int, b: int) -> str:
    return period_text(a, b).lower().replace("..", "-to-")


def month_date(i: int) -> datetime.date:
    y, m = divmod(i, 12)
    return datetime.date(Y0 + y, m + 1, 1)


def days_in(a: int, b: int) -> int:
    return (month_date(b + 1) - month_date(a)).days


def year_starts(calendar: str) -> int:
    return 0 if calendar == "calendar" else 3


# ---- writing numbers as an honest writer would

def commas(n: int) -> str:
    return f"{n:,}"


def sig_round(n: int, sig: int) -> int:
    """n rounded to `sig` significant digits (half up)."""
    k = max(0, len(str(n)) - sig)
    u = 10 ** k
    return (n + u // 2) // u * u


def floor_round(n: int, sig: int) -> int:
    k = max(0, len(str(n)) - sig)
    u = 10 ** k
    return n // u * u


def ceil_round(n: int, sig: int) -> int:
    k = max(0, len(str(n)) - sig)
    u = 10 ** k
    return -(-n // u) * u


def fmt_decimal(x: Fraction, places: int) -> str:
    q = 10 ** places
    n = (x * q * 2 + 1) // 2  # half up
    s = str(n)
    if places == 0:
        return commas(int(s))
    s = s.rjust(places + 1, "0")
    whole, frac = s[:-places], s[-places:]
    return f"{commas(int(whole))}.{frac}"


def write_count(n: int, rng: random.Random, hedges: bool = True) -> tuple[str, str]:
    """(value as written, what kind of writing) for a true count n."""
    r = rng.random()
    if n <= 20 and r < 0.25:
        return UNIT_WORDS[n], "words"
    if n >= 2_000_000 and r < 0.35:
        tenth = (n + 50_000) // 100_000
        if tenth % 10:
            suffix = rng.choice([" million", "m", " million"])
            return f"{tenth // 10}.{tenth % 10}{suffix}", "scale"
    if n < 100 or r < 0.45:
        return (commas(n) if rng.random() < 0.9 else str(n)), "exact"
    if r < 0.75 or not hedges:
        return commas(sig_round(n, rng.choice([2, 3, 3]))), "rounded"
    h = rng.random()
    if h < 0.35:
        x = floor_round(n, 2)
        if x < n:
            return f"{rng.choice(['more than', 'over', 'above'])} {commas(x)}", "hedged"
    elif h < 0.55:
        x = ceil_round(n, 2)
        if x > n and n >= 0.91 * x:
            return f"{rng.choice(['almost', 'nearly'])} {commas(x)}", "hedged"
    elif h < 0.75:
        x = sig_round(n, 2)
        return f"{rng.choice(['around', 'about', 'some', 'roughly'])} {commas(x)}", "hedged"
    elif h < 0.85:
        x = ceil_round(n, 2)
        if x > n:
            return f"{rng.choice(['fewer than', 'under', 'less than'])} {commas(x)}", "hedged"
    else:
        x = floor_round(n, 2)
        if x <= n:
            return f"at least {commas(x)}", "hedged"
    return commas(n), "exact"


def write_real(x: Fraction, rng: random.Random, words: bool = False) -> tuple[str, str]:
    """A real-valued quantity (a rate, an average): rounded to its last written digit."""
    if words and x < Fraction(41, 2) and abs(x - round(x)) < Fraction(4, 10) and round(x) >= 1 and rng.random() < 0.5:
        return UNIT_WORDS[round(x)], "words"
    if x >= 100:
        return fmt_decimal(x, 0), "rounded"
    if x >= 10:
        return fmt_decimal(x, rng.choice([0, 1])), "rounded"
    return fmt_decimal(x, rng.choice([1, 2])), "rounded"


VAGUE = [(Fraction(1, 2), "half"), (Fraction(1, 3), "a third"), (Fraction(1, 4), "a quarter"),
         (Fraction(1, 5), "a fifth"), (Fraction(2, 3), "two thirds"), (Fraction(3, 4), "three quarters")]


def pct(p: Fraction, places: int) -> str:
    return fmt_decimal(p * 100, places)


def write_share(p: Fraction, rng: random.Random) -> tuple[str, str]:
    """A share part/whole (0 < p ≤ 1) as written."""
    r = rng.random()
    if r < 0.10 and Fraction(1, 12) <= p <= Fraction(2, 5):
        n = round(1 / p)
        if abs(1 / p - n) < Fraction(45, 100) and n >= 2:
            if n <= 20 and rng.random() < 0.3:
                return f"one in {UNIT_WORDS[n]}", "one-in"
            return f"1 in {n}", "one-in"
    if r < 0.25:
        for f, word in VAGUE:
            x = round(p * 100)
            if f * Fraction(9, 10) <= p < f and Fraction(2 * x + 1, 200) < f:
                return f"{rng.choice(['almost', 'nearly'])} {word} ({x}%)", "compound"
            if p > f and Fraction(2 * x - 1, 200) > f and p < f * Fraction(5, 4):
                return f"more than {word} ({x}%)", "compound"
    if r < 0.32:
        for f, word in VAGUE:
            if f * Fraction(93, 100) <= p <= f * Fraction(107, 100):
                return word, "vague"
    if r < 0.35 and p > Fraction(55, 100):
        return "a majority", "vague"
    places = 0 if rng.random() < 0.75 else 1
    suffix = "%" if rng.random() < 0.85 else " per cent"
    return pct(p, places) + suffix, "percent"


def write_change(c: Fraction, rng: random.Random) -> tuple[str, str, str]:
    """(value, direction, kind) for a change c = to/from - 1."""
    mult = c + 1
    if Fraction(192, 100) <= mult <= Fraction(208, 100) and rng.random() < 0.5:
        return rng.choice(["doubled", "double"]), "rise", "multiplier"
    if Fraction(48, 100) <= mult <= Fraction(52, 100) and rng.random() < 0.5:
        return "halved", "fall", "multiplier"
    direction = "rise" if c >= 0 else "fall"
    places = 0 if rng.random() < 0.7 else 1
    suffix = "%" if rng.random() < 0.85 else " per cent"
    return pct(abs(c), places) + suffix, direction, "percent"


def write_ratio(r: Fraction, rng: random.Random) -> tuple[str, str]:
    if Fraction(185, 100) <= r < Fraction(198, 100) and rng.random() < 0.3:
        return "almost double", "multiplier"
    places = 1 if r >= 2 else 2
    return fmt_decimal(r, places) + " times", "rounded"


# ---- the fact files

def yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def subset_flow(world: World, subset: tuple) -> str:
    return "{ " + ", ".join(f"{DIMENSIONS[d][0]}: {DIMENSIONS[d][2][v]}" for d, v in subset) + " }"


def subset_words(subset: tuple) -> str:
    return " and ".join(f"{DIMENSIONS[d][2][v]}" for d, v in subset)


class Fact:
    __slots__ = ("id", "quote", "value", "fields", "relation", "extra", "article_text", "planted", "key")

    def __init__(self, fid, quote, value):
        self.id, self.quote, self.value = fid, quote, value
        self.fields = []       # (name, yaml text) key fields
        self.relation = None   # (name, yaml flow text)
        self.extra = []        # (name, yaml text) lines after the relation
        self.article_text = None  # the article's sentence where it differs from the quote
        self.planted = None    # (rule, how)
        self.key = None


class SourceFile:
    def __init__(self, gen: "Generator", sid: str, title: str, publisher: str, published: datetime.date,
                 defaults: dict, has_article: bool):
        self.gen, self.id, self.title, self.publisher = gen, sid, title, publisher
        self.published = published
        self.defaults = defaults        # measure idx, place idx, period (a, b) or None
        self.has_article = has_article
        self.facts: list[Fact] = []
        self.by_key: dict = {}          # key -> fact id (honest figures)
        self.counter = 0

    def new_id(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def key_fields(self, key, own=None) -> list:
        """The YAML key fields of a figure with `key`, given the file's defaults."""
        w = self.gen.world
        m, place, a, b, subset = key
        out = []
        d = self.defaults
        if own is None:
            if m != d["measure"]:
                out.append(("measure", self.gen.measure_name(m)))
            if place != d["place"]:
                out.append(("where", w.places[place].name))
            if (a, b) != d.get("period"):
                out.append(("when", period_text(a, b)))
            if subset:
                out.append(("subset", subset_flow(w, subset)))
        return out

    def add_figure(self, key, value: str, quote: str, honest: bool = True, extra=None) -> Fact:
        m, place, a, b, subset = key
        stem = f"{self.gen.measure_slug[m]}-{period_slug(a, b)}"
        f = Fact(self.new_id(stem), quote, value)
        f.fields = self.key_fields(key)
        f.key = key
        if extra:
            f.extra.extend(extra)
        self.facts.append(f)
        if honest:
            self.by_key.setdefault(key, f.id)
        return f

    def add_claim(self, stem: str, value: str, quote: str, relation: tuple, fields=None) -> Fact:
        f = Fact(self.new_id(stem), quote, value)
        f.relation = relation
        if fields:
            f.fields = fields
        self.facts.append(f)
        return f

    def render(self) -> str:
        w = self.gen.world
        d = self.defaults
        lines = [f"# generated by bench/generate.py (seed {self.gen.seed}): synthetic, not real figures",
                 "source:", f"  id: {self.id}", f"  title: {yaml_quoted(self.title)}",
                 f"  publisher: {self.publisher}", f"  published: {self.published.isoformat()}"]
        if self.has_article:
            lines.append(f"  article: articles/{self.id}.txt")
        lines += ["", "defaults:", f"  measure: {self.gen.measure_name(d['measure'])}",
                  f"  where: {w.places[d['place']].name}"]
        if d.get("period"):
            lines.append(f"  when: {period_text(*d['period'])}")
        lines += ["", "facts:"]
        for f in self.facts:
            lines.append(f"  - id: {f.id}")
            lines.append(f"    quote: {yaml_quoted(f.quote)}")
            lines.append(f"    value: {f.value}")
            for name, text in f.fields:
                lines.append(f"    {name}: {text}")
            if f.relation:
                lines.append(f"    {f.relation[0]}: {f.relation[1]}")
            for name, text in f.extra:
                lines.append(f"    {name}: {text}")
        lines.append("")
        return "\n".join(lines)

    def article(self) -> str:
        rng = random.Random(mix(self.gen.seed, len(self.id), self.counter))
        fillers = ["The figures were published on Tuesday.", "Campaigners said the numbers were worrying.",
                   "A spokesperson declined to comment.", "The council said it was reviewing the data.",
                   "Officials said more detail would follow.", "The report covers every district."]
        out = [self.title, ""]
        para = []
        for f in self.facts:
            para.append((f.article_text or f.quote) + ".")
            if rng.random() < 0.3:
                para.append(rng.choice(fillers))
            if len(para) >= 6:
                out.append(" ".join(para))
                para = []
        if para:
            out.append(" ".join(para))
        return "\n\n".join(out) + "\n"


class Topic:
    """What one source is about: a domain, its measures, a place, what it could know."""

    def __init__(self, gen: "Generator", rng: random.Random, published_month: int):
        w = gen.world
        self.gen, self.rng = gen, rng
        name, calendar, measures = w.domains[rng.randrange(len(w.domains))]
        self.domain, self.calendar = name, calendar
        self.measures = measures
        self.additive = [m for m in measures if w.measures[m].additive]
        self.primary = rng.choice(self.additive)
        r = rng.random()
        if r < 0.2:
            self.place = 0
        elif r < 0.6:
            self.place = rng.choice(w.places[0].children)
        else:
            region = rng.choice(w.places[0].children)
            self.place = rng.choice(w.places[region].children)
        self.avail = min(NM - 1, published_month - 2)  # the last month whose data it has
        start = year_starts(calendar)
        self.years = [(a, a + 11) for a in range(start, NM - 11, 12) if a + 11 <= self.avail]
        self.focus = self.years[-1]

    # keys around the topic
    def pick_measure(self, additive=True):
        rng, w = self.rng, self.gen.world
        pool = self.additive if additive else self.measures
        if rng.random() < 0.55 and self.primary in pool:
            return self.primary
        return rng.choice(pool)

    def pick_place(self):
        rng, w = self.rng, self.gen.world
        p = w.places[self.place]
        r = rng.random()
        if r < 0.35 or (not p.children and r < 0.6):
            return self.place
        if r < 0.75 and p.children:
            c = rng.choice(p.children)
            if w.places[c].children and rng.random() < 0.25:
                return rng.choice(w.places[c].children)
            return c
        if r < 0.85 and p.parent is not None:
            return p.parent
        if p.parent is not None:
            return rng.choice(w.places[p.parent].children)
        return self.place

    def pick_year(self, recent=True):
        if recent and self.rng.random() < 0.5:
            return self.focus
        return self.rng.choice(self.years[-7:])

    def pick_period(self, m: int):
        rng = self.rng
        r = rng.random()
        if r < 0.45:
            return self.pick_year()
        a, b = self.pick_year()
        if r < 0.62:
            q = rng.randrange(4)
            return (a + 3 * q, a + 3 * q + 2)
        if r < 0.74:
            i = a + rng.randrange(12)
            return (i, i)
        if r < 0.90 and len(self.years) >= 2:
            k = rng.randint(2, min(6, len(self.years)))
            end = rng.randrange(k - 1, len(self.years))
            return (self.years[end - k + 1][0], self.years[end][1])
        if self.calendar == "calendar" and self.avail >= 17:
            a = rng.choice([x for x in range(6, self.avail - 10, 12)])
            return (a, a + 11)
        return self.focus

    def pick_subset(self, m: int):
        rng, w = self.rng, self.gen.world
        dims = w.measures[m].dims
        r = rng.random()
        if not dims or r < 0.6:
            return ()
        chosen = [rng.choice(dims)]
        if r > 0.9 and len(dims) >= 2:
            other = rng.choice(dims)
            if other != chosen[0]:
                chosen.append(other)
        return tuple(sorted((d, rng.randrange(len(DIMENSIONS[d][2]))) for d in chosen))

    def pick_key(self, additive=True):
        m = self.pick_measure(additive)
        return (m, self.pick_place(), *self.pick_period(m), self.pick_subset(m))


def record_candidates(a: int, b: int):
    """Every period of the same length as (a, b) that ends before it, of the shapes the
    generator writes: months, quarters, and the three kinds of 12-month years."""
    n = b - a + 1
    if n == 1:
        return [(i, i) for i in range(0, b)]
    if n == 3:
        return [(i, i + 2) for i in range(0, b - 2, 3) if i + 2 < b]
    if n == 12:
        return [(i, i + 11) for i in range(0, b - 11) if i % 12 in (0, 3, 6) and i + 11 < b]
    return None


class Generator:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed
        self.rng = random.Random(mix(args.seed, 2))
        self.world = World(args.seed)
        w = self.world
        self.measure_slug = []
        for m in w.measures:
            parts = m.id.split("-")
            self.measure_slug.append("".join(p[:3] for p in parts[:2]))
        self.registry = {}        # (m, place, subset) -> [(a, b, ref)] honest figures of earlier sources
        self.reservoir = []       # honest exact count figures: (key, ref)
        self.reservoir_seen = 0
        self.planted = []         # (ref, rule, how)
        self.plant_keys = set()   # keys a plant already contradicts (one plant a quantity)
        self.stats = {"kinds": {}, "forms": {}, "sources": 0, "facts": 0}
        self.source_ids = set()

    def measure_name(self, m: int) -> str:
        meas = self.world.measures[m]
        if meas.aliases and self.rng.random() < 0.1:
            return self.rng.choice(meas.aliases)
        return meas.id

    def count_form(self, kind: str, form: str):
        self.stats["kinds"][kind] = self.stats["kinds"].get(kind, 0) + 1
        self.stats["forms"][form] = self.stats["forms"].get(form, 0) + 1

    # ---- quotes

    def figure_quote(self, key, value: str) -> str:
        w = self.world
        m, place, a, b, subset = key
        meas = w.measures[m]
        sub = f" involving {subset_words(subset)}" if subset else ""
        where = w.places[place].name
        when = period_phrase(a, b)
        style = (m + place + a) % 4
        if style == 0:
            return f"{value} {meas.phrase}{sub} were recorded in {where} in {when}"
        if style == 1:
            return f"In {when}, {where} saw {value} {meas.phrase}{sub}"
        if style == 2:
            return f"there were {value} {meas.phrase}{sub} in {where} during {when}"
        return f"{where} reported {value} {meas.phrase}{sub} for {when}"

    # ---- honest facts: each template adds a few facts and returns how many

    def figure(self, src: SourceFile, topic: Topic, key=None, hedges=True, register=True) -> Fact | None:
        w, rng = self.world, self.rng
        if key is None:
            key = topic.pick_key(additive=rng.random() < 0.9)
        m = key[0]
        meas = w.measures[m]
        extra = []
        if meas.additive:
            n = w.count(key)
            value, form = write_count(n, rng, hedges)
            if form == "exact" and n % 10 == 0 and n > 0 and rng.random() < 0.5:
                extra.append(("exact", "true"))
            elif form == "rounded" and rng.random() < 0.05:
                value = commas(sig_round(n, 3))
                k = max(0, len(str(n)) - 3)
                if k >= 1:
                    extra.append(("precision", str(10 ** k)))
        else:
            value, form = write_real(w.real(key), rng)
        if rng.random() < 0.05:
            extra.append(("note", yaml_quoted(rng.choice(["provisional figures", "revised figures",
                                                            "data from 43 of 45 police forces",
                                                            "excludes one district that did not respond"]))))
        f = src.add_figure(key, value, self.figure_quote(key, value), extra=extra)
        self.count_form("figure", form)
        if register and meas.additive and form == "exact" and not extra:
            self.add_to_reservoir(key, f"{src.id}/{f.id}")
        return f

    def figure_id(self, src: SourceFile, topic: Topic, key) -> str:
        """The id of a figure with `key` in this file, stating it first if needed."""
        fid = src.by_key.get(key)
        if fid is None:
            fid = self.figure(src, topic, key).id
        return fid

    def add_to_reservoir(self, key, ref):
        self.reservoir_seen += 1
        if len(self.reservoir) < 20000:
            self.reservoir.append((key, ref))
        else:
            j = self.rng.randrange(self.reservoir_seen)
            if j < 20000:
                self.reservoir[j] = (key, ref)

    def t_figure(self, src, topic):
        self.figure(src, topic)
        return 1

    def t_change(self, src, topic):
        """A rise or fall since an earlier period: from a key pattern, an id or another source."""
        w, rng = self.world, self.rng
        m = topic.pick_measure(additive=rng.random() < 0.85)
        place = topic.pick_place()
        subset = topic.pick_subset(m) if rng.random() < 0.3 else ()
        to_period = topic.pick_year()
        years = [y for y in topic.years if y[1] < to_period[0]]
        if not years:
            return self.t_figure(src, topic)
        from_period = rng.choice(years[-6:])
        to_key = (m, place, *to_period, subset)
        from_key = (m, place, *from_period, subset)
        vf, vt = w.value(from_key), w.value(to_key)
        if vf == 0:
            return self.t_figure(src, topic)
        before = len(src.facts)
        to_id = self.figure_id(src, topic, to_key)
        value, direction, form = write_change(Fraction(vt) / Fraction(vf) - 1, rng)
        r = rng.random()
        other = self.registry.get((m, place, subset))
        cross = [e for e in other if (e[0], e[1]) == from_period] if other else []
        if r < 0.15 and cross:
            from_ref = rng.choice(cross)[2]
        elif r < 0.35:
            from_ref = self.figure_id(src, topic, from_key)
        else:
            from_ref = "{ when: " + period_text(*from_period) + " }"
        dir_text = ", direction: fall" if direction == "fall" else ""
        verb = "a rise of" if direction == "rise" else "a fall of"
        if form == "multiplier":
            quote = f"the number has {value} since {period_phrase(*from_period)}" if value != "double" else \
                f"the figure is double what it was in {period_phrase(*from_period)}"
        else:
            quote = f"{verb} {value} since {period_phrase(*from_period)}"
        src.add_claim(f"change-{period_slug(*to_period)}", value, quote,
                      ("change", "{ from: " + from_ref + ", to: " + to_id + dir_text + " }"))
        self.count_form("change", form)
        return len(src.facts) - before

    def t_share(self, src, topic):
        """A share of a whole: the part by subset, `within` measure or child place."""
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        meas = w.measures[m]
        place = topic.pick_place()
        period = topic.pick_period(m)
        whole = (m, place, *period, ())
        options = []
        if meas.dims:
            options.append("subset")
        if meas.inner:
            options.append("within")
        if w.places[place].children:
            options.append("place")
        if not options:
            return self.t_figure(src, topic)
        how = rng.choice(options)
        if how == "subset":
            d = rng.choice(meas.dims)
            v = rng.randrange(len(DIMENSIONS[d][2]))
            part = (m, place, *period, ((d, v),))
            pattern = "{ subset: { " + f"{DIMENSIONS[d][0]}: {DIMENSIONS[d][2][v]}" + " } }"
            words = f"{DIMENSIONS[d][2][v]}"
        elif how == "within":
            inner = rng.choice(meas.inner)
            part = (inner, place, *period, ())
            pattern = "{ measure: " + w.measures[inner].id + " }"
            words = w.measures[inner].phrase
        else:
            c = rng.choice(w.places[place].children)
            part = (m, c, *period, ())
            pattern = "{ where: " + w.places[c].name + " }"
            words = f"in {w.places[c].name}"
        vw, vp = w.count(whole), w.count(part)
        if vw == 0 or vp == 0:
            return self.t_figure(src, topic)
        before = len(src.facts)
        r = rng.random()
        other = self.registry.get((m, place, ()))
        cross = [e for e in other if (e[0], e[1]) == period] if other else []
        if r < 0.15 and cross:
            of_ref = rng.choice(cross)[2]
        else:
            of_ref = self.figure_id(src, topic, whole)
        if rng.random() < 0.15:
            part_ref = self.figure_id(src, topic, part)
        else:
            part_ref = pattern
        value, form = write_share(Fraction(vp, vw), rng)
        quote = f"{value} of them were {words}"
        src.add_claim(f"share-{period_slug(*period)}", value, quote,
                      ("share", "{ of: " + of_ref + ", part: " + part_ref + " }"))
        self.count_form("share", form)
        return len(src.facts) - before

    def t_ratio(self, src, topic):
        """One place's figure against another's (same measure and period)."""
        w, rng = self.world, self.rng
        m = topic.pick_measure(additive=rng.random() < 0.8)
        period = topic.pick_year()
        p1 = topic.pick_place()
        parent = w.places[p1].parent
        if parent is None:
            return self.t_figure(src, topic)
        p2 = rng.choice(w.places[parent].children)
        k1, k2 = (m, p1, *period, ()), (m, p2, *period, ())
        v1, v2 = w.value(k1), w.value(k2)
        if p1 == p2 or v1 == 0 or v2 == 0 or Fraction(v1) / Fraction(v2) < 1:
            return self.t_figure(src, topic)
        before = len(src.facts)
        to_id = self.figure_id(src, topic, k2)
        value, form = write_ratio(Fraction(v1) / Fraction(v2), rng)
        quote = f"{w.places[p1].name} had {value} the figure for {w.places[p2].name}"
        src.add_claim(f"ratio-{period_slug(*period)}", value, quote,
                      ("ratio", "{ of: { where: " + w.places[p1].name + " }, to: " + to_id + " }"))
        self.count_form("ratio", form)
        return len(src.facts) - before

    def t_rate(self, src, topic):
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        key = (m, topic.pick_place(), *topic.pick_year(), ())
        n = w.count(key)
        days = days_in(key[2], key[3])
        per = rng.choice(["day", "day", "week", "month"])
        length = {"day": Fraction(days), "week": Fraction(days, 7), "month": Fraction(key[3] - key[2] + 1)}[per]
        rate = Fraction(n) / length
        if rate == 0:
            return self.t_figure(src, topic)
        before = len(src.facts)
        fid = self.figure_id(src, topic, key)
        value, form = write_real(rate, rng, words=True)
        quote = f"that is {value} {w.measures[m].phrase} a {per}"
        src.add_claim(f"rate-{period_slug(key[2], key[3])}", value, quote,
                      ("rate", "{ of: " + fid + ", per: " + per + " }"))
        self.count_form("rate", form)
        return len(src.facts) - before

    def t_interval(self, src, topic):
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        key = (m, topic.pick_place(), *topic.pick_year(), ())
        n = w.count(key)
        if n == 0:
            return self.t_figure(src, topic)
        minutes = Fraction(days_in(key[2], key[3]) * 1440)
        every = minutes / n
        unit_name = "minute"
        if every > 600:
            every, unit_name = every / 60, "hour"
            if every > 240:
                every, unit_name = every / 24, "day"
        if every < 1:
            return self.t_figure(src, topic)
        before = len(src.facts)
        fid = self.figure_id(src, topic, key)
        value, form = write_real(every, rng, words=True)
        quote = f"one every {value} {unit_name}s"
        src.add_claim(f"interval-{period_slug(key[2], key[3])}", value, quote,
                      ("interval", "{ of: " + fid + ", unit: " + unit_name + " }"))
        self.count_form("interval", form)
        return len(src.facts) - before

    def t_total(self, src, topic):
        """A total over some children of a place: patterns and ids."""
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        period = topic.pick_period(m)
        place = topic.place if w.places[topic.place].children else w.places[topic.place].parent
        children = w.places[place].children
        k = rng.randint(2, min(5, len(children)))
        chosen = sorted(rng.sample(children, k))
        before = len(src.facts)
        refs = []
        total = 0
        for c in chosen:
            key = (m, c, *period, ())
            total += w.count(key)
            if rng.random() < 0.3:
                refs.append(self.figure_id(src, topic, key))
            else:
                refs.append("{ where: " + w.places[c].name + " }")
        fields = []
        if m != src.defaults["measure"]:
            fields.append(("measure", w.measures[m].id))
        if period != src.defaults.get("period"):
            fields.append(("when", period_text(*period)))
        value, form = write_count(total, rng)
        names = ", ".join(w.places[c].name for c in chosen)
        quote = f"together {names} recorded {value} {w.measures[m].phrase}"
        src.add_claim(f"total-{period_slug(*period)}", value, quote, ("total", "{ of: [" + ", ".join(refs) + "] }"),
                      fields)
        self.count_form("total", form)
        return len(src.facts) - before

    def t_record(self, src, topic):
        """A record high or low, where the truth says so among every earlier period of the
        same length the generator could write."""
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        place = topic.pick_place()
        subset = topic.pick_subset(m) if rng.random() < 0.3 else ()
        a, b = topic.focus
        r = rng.random()
        if r < 0.2:
            a = b - 2 - (b - 2) % 3
            if a + 2 > topic.avail:
                a -= 3
            b = a + 2
        elif r < 0.3:
            a = b = topic.avail
        key = (m, place, a, b, subset)
        n = w.count(key)
        earlier = [w.count((m, place, x, y, subset)) for x, y in record_candidates(a, b)]
        if not earlier:
            return self.t_figure(src, topic)
        if n > max(earlier):
            kind, extreme = "high", max(earlier)
        elif n < min(earlier):
            kind, extreme = "low", min(earlier)
        else:
            return self.t_figure(src, topic)
        if key in src.by_key:
            return self.t_figure(src, topic)
        value, form = write_count(n, rng)
        record = kind
        threshold = floor_round(n, 2)
        if kind == "high" and extreme <= threshold < n and rng.random() < 0.5:
            record = "{ high: true, first_time_above: " + str(threshold) + " }"
            value, form = f"more than {commas(threshold)}", "hedged"
        quote = f"a record {kind}: " + self.figure_quote(key, value)
        src.add_figure(key, value, quote, extra=[("record", record)])
        self.count_form("figure", form)
        self.stats["records"] = self.stats.get("records", 0) + 1
        return 1

    def t_nonadditive(self, src, topic):
        """An average or a rate of a non-additive measure, and its change."""
        w, rng = self.world, self.rng
        nonadd = [m for m in topic.measures if not w.measures[m].additive]
        if not nonadd:
            return self.t_figure(src, topic)
        m = rng.choice(nonadd)
        key = (m, topic.pick_place(), *topic.pick_year(), ())
        before = len(src.facts)
        fid = self.figure_id(src, topic, key)
        years = [y for y in topic.years if y[1] < key[2]]
        if years and rng.random() < 0.5:
            fp = rng.choice(years[-5:])
            vf = w.real((m, key[1], *fp, ()))
            value, direction, form = write_change(w.real(key) / vf - 1, rng)
            dir_text = ", direction: fall" if direction == "fall" else ""
            src.add_claim(f"change-{period_slug(key[2], key[3])}", value,
                          f"{'up' if direction == 'rise' else 'down'} {value} on {period_phrase(*fp)}",
                          ("change", "{ from: { when: " + period_text(*fp) + " }, to: " + fid + dir_text + " }"))
            self.count_form("change", form)
        return len(src.facts) - before

    TEMPLATES = [("t_figure", 50), ("t_change", 9), ("t_share", 10), ("t_ratio", 3), ("t_rate", 4),
                 ("t_interval", 2), ("t_total", 4), ("t_record", 3), ("t_nonadditive", 4)]

    # ---- planted contradictions: each returns the planted fact, or None to try again

    PLANT_RULES = ["conflict", "containment", "recompute", "implied", "record", "hedge", "units", "quote",
                   "stale-accept", "conflict-accepted"]

    def plant(self, rule: str, src: SourceFile, topic: Topic) -> bool:
        fn = getattr(self, "p_" + rule.replace("-", "_"))
        for _ in range(50):
            fact = fn(src, topic)
            if fact is not None:
                fact.planted = rule
                self.planted.append((f"{src.id}/{fact.id}", rule, fact.quote))
                return True
        return False

    def reservoir_pick(self, src, want=None):
        w = self.world
        for _ in range(200):
            if not self.reservoir:
                return None
            key, ref = self.reservoir[self.rng.randrange(len(self.reservoir))]
            if ref.split("/")[0] == src.id:
                continue  # another source's statement: the plant contradicts across sources
            if key in self.plant_keys:
                continue  # one plant a quantity: two plants that agree would outvote the truth
            if want is None or want(key):
                self.plant_keys.add(key)
                return key, ref
        return None

    def wrong_exact(self, n: int, up: bool) -> int:
        rng = self.rng
        delta = max(2, int(n * rng.uniform(0.06, 0.3)))
        v = n + delta if up else max(1, n - delta)
        if v % 10 == 0:
            v += 1
        if v == n:
            v = n + 3
        return v

    def p_conflict(self, src, topic, accepted=False):
        got = self.reservoir_pick(src, lambda k: self.world.count(k) >= 20)
        if not got:
            return None
        key, ref = got
        n = self.world.count(key)
        if self.rng.random() < 0.6:
            value = commas(self.wrong_exact(n, self.rng.random() < 0.5))
        else:
            value = f"more than {commas(ceil_round(int(n * 1.2) + 1, 2))}"
        extra = []
        if accepted:
            extra.append(("accept", "[{ rule: conflict, reason: " + yaml_quoted("the later figure was revised") + " }]"))
        f = src.add_figure(key, value, self.figure_quote(key, value), honest=False, extra=extra)
        f.fields = src.key_fields(key)
        return f

    def p_conflict_accepted(self, src, topic):
        return self.p_conflict(src, topic, accepted=True)

    def p_containment(self, src, topic):
        w, rng = self.world, self.rng
        got = self.reservoir_pick(src)
        if not got:
            return None
        key, ref = got
        m, place, a, b, subset = key
        meas = w.measures[m]
        options = []
        if w.places[place].children:
            options.append(("place", (m, rng.choice(w.places[place].children), a, b, subset)))
        if b > a:
            if b - a + 1 >= 12:
                i = a + 3 * rng.randrange((b - a + 1) // 3)
                options.append(("period", (m, place, i, i + 2, subset)))
            else:
                i = rng.randint(a, b)
                options.append(("period", (m, place, i, i, subset)))
        free = [d for d in meas.dims if d not in [s[0] for s in subset]]
        if free and len(subset) < 2:
            d = rng.choice(free)
            options.append(("subset", (m, place, a, b, tuple(sorted(subset + ((d, rng.randrange(len(DIMENSIONS[d][2]))),))))))
        if meas.inner:
            options.append(("within", (rng.choice(meas.inner), place, a, b, subset)))
        if not options:
            return None
        how, child = rng.choice(options)
        n = w.count(key)
        if rng.random() < 0.6:
            value = commas(self.wrong_exact(n, True))
        else:
            value = f"more than {commas(ceil_round(int(n * 1.15) + 1, 2))}"
        return src.add_figure(child, value, self.figure_quote(child, value), honest=False)

    def plant_pair(self, topic, same_length=True):
        """(m, place, subset, earlier period, later period) with both counts > 0."""
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        place = topic.pick_place()
        if len(topic.years) < 3:
            return None
        y1, y2 = sorted(rng.sample(topic.years[-6:], 2))
        return m, place, (), y1, y2

    def p_recompute(self, src, topic):
        w, rng = self.world, self.rng
        got = self.plant_pair(topic)
        if not got:
            return None
        m, place, subset, y1, y2 = got
        k1, k2 = (m, place, *y1, subset), (m, place, *y2, subset)
        v1, v2 = w.count(k1), w.count(k2)
        if v1 < 50 or v2 < 50:
            return None
        f1 = src.add_figure(k1, commas(v1), self.figure_quote(k1, commas(v1)), honest=False)
        f2 = src.add_figure(k2, commas(v2), self.figure_quote(k2, commas(v2)), honest=False)
        c = Fraction(v2, v1) - 1
        wrong = c + rng.choice([-1, 1]) * Fraction(rng.randint(8, 25), 100)
        direction = "rise" if wrong >= 0 else "fall"
        value = pct(abs(wrong), 0) + "%"
        dir_text = ", direction: fall" if direction == "fall" else ""
        return src.add_claim(f"change-{period_slug(*y2)}", value,
                             f"{'a rise' if direction == 'rise' else 'a fall'} of {value} since {period_phrase(*y1)}",
                             ("change", "{ from: " + f1.id + ", to: " + f2.id + dir_text + " }"))

    def p_implied(self, src, topic):
        w, rng = self.world, self.rng
        if len(topic.years) < 4:
            return None
        m = topic.pick_measure()
        place = topic.pick_place()
        y0, y1, y2 = sorted(rng.sample(topic.years[-7:], 3))
        k0, k1, k2 = (m, place, *y0, ()), (m, place, *y1, ()), (m, place, *y2, ())
        v0, v1, v2 = w.count(k0), w.count(k1), w.count(k2)
        if min(v0, v1, v2) < 100:
            return None
        f1 = src.add_figure(k1, commas(v1), self.figure_quote(k1, commas(v1)), honest=False)
        f2 = src.add_figure(k2, commas(v2), self.figure_quote(k2, commas(v2)), honest=False)
        base = "{ when: " + period_text(*y0) + " }"
        c1 = Fraction(v1, v0) - 1
        v, d, _ = write_change(c1, random.Random(0))
        if not v.endswith("%"):
            return None
        src.add_claim(f"change-{period_slug(*y1)}", v, f"{'a rise' if d == 'rise' else 'a fall'} of {v} since {period_phrase(*y0)}",
                      ("change", "{ from: " + base + ", to: " + f1.id + (", direction: fall" if d == "fall" else "") + " }"))
        c2 = Fraction(v2, v0) - 1
        wrong = c2 + rng.choice([-1, 1]) * Fraction(rng.randint(10, 25), 100)
        d2 = "rise" if wrong >= 0 else "fall"
        value = pct(abs(wrong), 0) + "%"
        return src.add_claim(f"change-{period_slug(*y2)}", value,
                             f"{'a rise' if d2 == 'rise' else 'a fall'} of {value} since {period_phrase(*y0)}",
                             ("change", "{ from: " + base + ", to: " + f2.id + (", direction: fall" if d2 == "fall" else "") + " }"))

    def p_record(self, src, topic):
        """A record claim that an earlier figure of the same length, stated here, refutes."""
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        place = topic.pick_place()
        a, b = topic.focus
        key = (m, place, a, b, ())
        n = w.count(key)
        cands = [(x, y) for x, y in record_candidates(a, b) if (x % 12) == (a % 12)]
        high = rng.random() < 0.7
        refuting = [(x, y) for x, y in cands if (w.count((m, place, x, y, ())) >= n if high
                                                   else w.count((m, place, x, y, ())) <= n)]
        if not refuting or n < 20:
            return None
        e = rng.choice(refuting)
        ek = (m, place, *e, ())
        src.add_figure(ek, commas(w.count(ek)), self.figure_quote(ek, commas(w.count(ek))), honest=False)
        value = commas(n)
        kind = "high" if high else "low"
        return src.add_figure(key, value, f"a record {kind}: " + self.figure_quote(key, value), honest=False,
                              extra=[("record", kind)])

    def p_hedge(self, src, topic):
        """"almost half (52%)": the words and the figure disagree; the figure is true."""
        w, rng = self.world, self.rng
        m = topic.pick_measure()
        meas = w.measures[m]
        if not meas.dims:
            return None
        place = topic.pick_place()
        period = topic.pick_year()
        d = rng.choice(meas.dims)
        v = rng.randrange(len(DIMENSIONS[d][2]))
        whole, part = (m, place, *period, ()), (m, place, *period, ((d, v),))
        vw, vp = w.count(whole), w.count(part)
        if vw < 100 or vp == 0:
            return None
        x = round(Fraction(vp, vw) * 100)
        if x < 2:
            return None
        # "almost half" is [45%, 50%): a figure wholly above 50% or below 45% clashes with it.
        if x >= 51 or x <= 44:
            value = f"almost half ({x}%)" if x >= 51 or rng.random() < 0.5 else f"more than half ({x}%)"
        else:
            value = f"almost a third ({x}%)"
        of_id = self.figure_id(src, topic, whole)
        return src.add_claim(f"share-{period_slug(*period)}", value, f"{value} of them were {DIMENSIONS[d][2][v]}",
                             ("share", "{ of: " + of_id + ", part: { subset: { " +
                              f"{DIMENSIONS[d][0]}: {DIMENSIONS[d][2][v]}" + " } } }"))

    def p_units(self, src, topic):
        """A share between measures of different units (arithmetically right). A ratio or a
        rate between different units is what it says and no finding (docs/rules/units.md)."""
        w, rng = self.world, self.rng
        adds = topic.additive
        pairs = [(x, y) for x in adds for y in adds if w.measures[x].unit != w.measures[y].unit]
        if not pairs:
            return None
        m1, m2 = rng.choice(pairs)
        place = topic.pick_place()
        period = topic.pick_year()
        k1, k2 = (m1, place, *period, ()), (m2, place, *period, ())
        v1, v2 = w.count(k1), w.count(k2)
        if v1 == 0 or v2 == 0 or v1 >= v2:
            return None
        id1 = self.figure_id(src, topic, k1)
        id2 = self.figure_id(src, topic, k2)
        value, _ = write_share(Fraction(v1, v2), rng)
        return src.add_claim(f"share-{period_slug(*period)}", value,
                             f"{value} of {w.measures[m2].phrase} were {w.measures[m1].phrase}",
                             ("share", "{ of: " + id2 + ", part: " + id1 + " }"))

    def p_quote(self, src, topic):
        """A quote not in the article, or a value not in its quote (the value is true)."""
        w, rng = self.world, self.rng
        if not src.has_article:
            return None
        key = topic.pick_key()
        n = w.count(key)
        if n < 100:
            return None
        if rng.random() < 0.5:
            value = commas(n)
            quote = "according to the annual report, " + self.figure_quote(key, value)
            f = src.add_figure(key, value, quote, honest=False)
            f.article_text = quote.replace(" were recorded ", " were logged ").replace(" saw ", " counted ") \
                .replace("there were ", "officials counted ").replace(" reported ", " logged ")
            return f
        rounded = ceil_round(n, 2)
        if rounded == n:
            return None
        quote = self.figure_quote(key, f"nearly {commas(rounded)}")
        return src.add_figure(key, commas(n), quote, honest=False)

    def p_stale_accept(self, src, topic):
        """An accept that excuses a finding that does not exist."""
        f1 = self.figure(src, topic, register=False)
        f2 = self.figure(src, topic, register=False)
        f1.extra.append(("accept", "[{ rule: conflict, with: " + f2.id + ", reason: " +
                         yaml_quoted("the two counts differ in coverage") + " }]"))
        return f1

    # ---- sources

    def make_source(self, index: int, size: int, published: datetime.date, plants: list[str]):
        rng = self.rng
        pub_month = (published.year - Y0) * 12 + published.month - 1
        topic = Topic(self, rng, pub_month)
        publisher = rng.choice(PUBLISHERS)
        slug = publisher.lower().replace(" ", "-").replace("the-", "")
        sid = f"{slug}-{published.isoformat()}"
        if sid in self.source_ids:
            sid = f"{sid}-{index}"
        self.source_ids.add(sid)
        w = self.world
        title = f"{w.measures[topic.primary].phrase.capitalize()} in {w.places[topic.place].name}: the figures for {period_text(*topic.focus)}"
        defaults = {"measure": topic.primary, "place": topic.place}
        if rng.random() < 0.5:
            defaults["period"] = topic.focus
        src = SourceFile(self, sid, title, publisher, published, defaults, rng.random() < self.args.articles)
        names = [t for t, _ in self.TEMPLATES]
        weights = [wt for _, wt in self.TEMPLATES]
        plant_at = sorted(rng.randint(0, max(0, size - 8)) for _ in plants)
        pi = 0
        while len(src.facts) < size:
            while pi < len(plants) and len(src.facts) >= plant_at[pi]:
                if len(src.facts) + 4 <= size:
                    self.plant(plants[pi], src, topic)
                pi += 1
            if len(src.facts) >= size:
                break
            room = size - len(src.facts)
            name = rng.choices(names, weights)[0] if room >= 6 else "t_figure"
            getattr(self, name)(src, topic)
        self.plants_dropped = getattr(self, "plants_dropped", 0) + (len(plants) - pi)
        for f in src.facts:
            if f.key is not None and f.planted is None and f.relation is None:
                m, place, a, b, subset = f.key
                lst = self.registry.setdefault((m, place, subset), [])
                if len(lst) < 40:
                    lst.append((a, b, f"{src.id}/{f.id}"))
        return src

    def run(self):
        args = self.args
        out = os.path.join(args.out, "facts")
        if os.path.exists(args.out):
            shutil.rmtree(args.out)
        os.makedirs(os.path.join(out, "articles"))
        with open(os.path.join(out, "vocabulary.yaml"), "w") as fh:
            fh.write(self.vocabulary_yaml())
        rng = self.rng
        # Source sizes: 100-1,000 facts each; the last takes what is left.
        sizes = []
        left = args.facts
        while left > 0:
            n = rng.randint(args.min_per_file, args.max_per_file)
            if left - n < args.min_per_file:
                n = left
            sizes.append(n)
            left -= n
        # Publication dates spread over mid-2013 .. mid-2025, in order.
        start, end = datetime.date(2013, 6, 1), datetime.date(2025, 6, 28)
        span = (end - start).days
        dates = sorted(start + datetime.timedelta(days=rng.randrange(span)) for _ in sizes)
        # Plants: spread over the sources after the first tenth, every rule in turn.
        plants = [[] for _ in sizes]
        first = max(1, len(sizes) // 10) if len(sizes) > 1 else 0
        for i in range(args.plant):
            s = rng.randrange(first, len(sizes)) if first < len(sizes) else 0
            plants[s].append(self.PLANT_RULES[i % len(self.PLANT_RULES)])
        total_bytes = 0
        facts = 0
        for i, size in enumerate(sizes):
            src = self.make_source(i, size, dates[i], plants[i])
            text = src.render()
            with open(os.path.join(out, f"{src.id}.yaml"), "w") as fh:
                fh.write(text)
            total_bytes += len(text.encode())
            if src.has_article:
                with open(os.path.join(out, "articles", f"{src.id}.txt"), "w") as fh:
                    fh.write(src.article())
            facts += len(src.facts)
            if args.verbose and i % 100 == 0:
                print(f"  {i}/{len(sizes)} sources, {facts} facts", file=sys.stderr)
        with open(os.path.join(args.out, "planted.tsv"), "w") as fh:
            fh.write("# ref\trule\tquote\n")
            for ref, rule, quote in self.planted:
                fh.write(f"{ref}\t{rule}\t{quote}\n")
        self.stats.update(sources=len(sizes), facts=facts, fact_file_bytes=total_bytes, planted=len(self.planted),
                          plants_dropped=self.plants_dropped, seed=args.seed, places=len(self.world.places),
                          measures=len(self.world.measures))
        with open(os.path.join(args.out, "stats.json"), "w") as fh:
            json.dump(self.stats, fh, indent=2, sort_keys=True)
            fh.write("\n")
        return facts

    def vocabulary_yaml(self) -> str:
        w = self.world
        lines = ["# generated by bench/generate.py: an invented country and six invented domains",
                 "tolerances: { vague: 0.10, warn: 0.01 }", "fiscal_year_start: 04-01", "", "measures:"]
        for m in w.measures:
            lines.append(f"  {m.id}:")
            lines.append(f"    name: {m.phrase}")
            lines.append(f"    unit: {m.unit}")
            if not m.additive:
                lines.append("    additive: false")
            if m.within is not None:
                lines.append(f"    within: {w.measures[m.within].id}")
            if m.aliases:
                lines.append(f"    aliases: [{', '.join(m.aliases)}]")
        lines += ["", "places:"]

        def place(p, indent):
            node = w.places[p]
            if node.children:
                lines.append(" " * indent + f"{node.name}:")
                for c in node.children:
                    place(c, indent + 2)
            else:
                lines.append(" " * indent + f"{node.name}:")
        place(0, 2)
        lines += ["", "dimensions:"]
        for name, exclusive, values in DIMENSIONS:
            lines.append(f"  {name}: {{ exclusive: {'true' if exclusive else 'false'}, values: [{', '.join(values)}] }}")
        lines.append("")
        return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--facts", type=int, default=10000, help="facts in all (10000, 100000, 1000000)")
    ap.add_argument("--plant", type=int, default=100, help="planted contradictions, spread over every rule")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="folder to write (replaced): OUT/facts, OUT/planted.tsv")
    ap.add_argument("--articles", type=float, default=1.0, help="fraction of sources with an article text")
    ap.add_argument("--min-per-file", type=int, default=100)
    ap.add_argument("--max-per-file", type=int, default=1000)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if args.facts < args.min_per_file:
        args.min_per_file = args.facts
    gen = Generator(args)
    facts = gen.run()
    print(f"{args.out}: {facts} facts in {gen.stats['sources']} sources, {len(gen.planted)} planted "
          f"({gen.plants_dropped} could not be placed), {gen.stats['fact_file_bytes'] / 1e6:.1f} MB of fact files",
          file=sys.stderr)


if __name__ == "__main__":
    main()
