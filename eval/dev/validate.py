#!/usr/bin/env python3
"""Check eval/dev/articles.gold.jsonl (or another gold JSONL given as argv[1]).

- every line is a JSON object with doc_id, published, gold, optional, forbidden
- every doc_id exists in the corpus, lines sorted by doc_id, no duplicates
- every actors_all pattern compiles with Python re
- every item has a label; gold items use only keys score.py knows (+ label, geonames, evidence)
- evidence offsets are inside the article text
- dates are ISO strings; place/near/km well formed
Then runs score.py events against /dev/null (expects 0 recall, no crash).
Standard library only.
"""
import json, re, subprocess, sys

GOLD = sys.argv[1] if len(sys.argv) > 1 else "eval/dev/articles.gold.jsonl"
CORPUS = "/work/shared/data/news/ant-2018-conflict.jsonl"
SCORE = "/work/shared/eval/score.py"
ITEM_KEYS = {"label", "event_type", "event_type_in", "sub_event_type", "plover_event", "actors_all",
             "place", "date", "fatalities", "scope", "geonames", "evidence"}
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")

texts = {}
for line in open(CORPUS, encoding="utf-8"):
    r = json.loads(line)
    texts.setdefault(r["id"], r["text"])

errors = []
def err(msg):
    errors.append(msg)

def check_item(doc_id, kind, it):
    where = f"{doc_id} {kind} {it.get('label', '?')[:50]!r}"
    if not it.get("label"):
        err(f"{where}: no label")
    extra = set(it) - ITEM_KEYS
    if extra:
        err(f"{where}: unknown keys {sorted(extra)}")
    for p in it.get("actors_all", []):
        try:
            re.compile(p)
        except re.error as e:
            err(f"{where}: bad regex {p!r}: {e}")
    pl = it.get("place", {})
    if "near" in pl and (len(pl["near"]) != 2 or not all(isinstance(x, (int, float)) for x in pl["near"])):
        err(f"{where}: bad near")
    for k in ("lat_range", "lon_range"):
        if k in pl and not (len(pl[k]) == 2 and pl[k][0] <= pl[k][1]):
            err(f"{where}: bad {k}")
    d = it.get("date", {})
    for k in ("start", "end"):
        if k in d and not ISO.match(d[k]):
            err(f"{where}: bad date {k}")
    for k in ("start_between", "end_between"):
        if k in d and not (len(d[k]) == 2 and all(ISO.match(x) for x in d[k]) and d[k][0] <= d[k][1]):
            err(f"{where}: bad {k}")
    f = it.get("fatalities", "absent")
    if f not in ("absent", None, "null_or_vague") and not (isinstance(f, dict) and "min" in f):
        err(f"{where}: bad fatalities {f!r}")
    if "scope" in it and it["scope"] not in ("event", "cumulative"):
        err(f"{where}: bad scope")
    ev = it.get("evidence")
    if ev is not None:
        t = texts.get(doc_id, "")
        if not (len(ev) == 2 and 0 <= ev[0] < ev[1] <= len(t)):
            err(f"{where}: evidence {ev} outside text ({len(t)})")

ids = []
for n, line in enumerate(open(GOLD, encoding="utf-8"), 1):
    if not line.strip():
        continue
    try:
        g = json.loads(line)
    except json.JSONDecodeError as e:
        err(f"line {n}: not JSON: {e}")
        continue
    for k in ("doc_id", "published", "gold", "optional", "forbidden"):
        if k not in g:
            err(f"line {n}: missing {k}")
    doc_id = g.get("doc_id")
    ids.append(doc_id)
    if doc_id not in texts:
        err(f"line {n}: doc_id {doc_id} not in corpus")
    if not ISO.match(g.get("published", "")):
        err(f"line {n}: bad published")
    for kind in ("gold", "optional", "forbidden"):
        for it in g.get(kind, []):
            check_item(doc_id, kind, it)
if ids != sorted(ids):
    err("lines not sorted by doc_id")
if len(ids) != len(set(ids)):
    err("duplicate doc_id")

p = subprocess.run([sys.executable, SCORE, "events", GOLD, "/dev/null"], capture_output=True, text=True)
if p.returncode != 0:
    err(f"score.py failed: {p.stderr.strip()}")
last = (p.stdout.strip().splitlines() or ["(no output)"])[-1]

for e in errors:
    print("ERROR", e)
print(f"{len(ids)} documents checked; score.py vs /dev/null: {last}")
sys.exit(1 if errors else 0)
