#!/usr/bin/env python3
"""Rebuild the sentence documents of a sentences-*.csv GSR from the news corpus.

  python3 eval/dev/make_sentences.py eval/dev/sentences-assault.csv \
      ../shared/data/news/ant-2018-conflict.jsonl > /tmp/sent.jsonl

The CSV (columns id,label,doc_id,start,end,published) holds only offsets: the
articles belong to their outlets and are not shipped. `start`/`end` are Unicode
code-point offsets into the article's `text` field (end exclusive), so
text[start:end] in Python is the sentence. Writes one JSON object per line,
{"id": <id>, "text": <sentence>, "published": <YYYY-MM-DD>}, in the CSV's order,
ready for `rasd extract`; then score with
`score.py detect eval/dev/sentences-assault.csv EVENTS.jsonl --event ASSAULT`.

A row whose article is missing or whose offsets do not fit is reported on
stderr and skipped; the exit status is then 1. Standard library only.
"""
import csv
import json
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    csv_path, corpus_path = argv[1], argv[2]
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    wanted = {r["doc_id"] for r in rows}
    texts = {}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            if d.get("id") in wanted:
                texts[d["id"]] = d.get("text") or ""
    bad = 0
    out = sys.stdout
    for n, r in enumerate(rows, 2):
        doc, start, end = r["doc_id"], int(r["start"]), int(r["end"])
        if r["id"] != f"{doc}#{start}-{end}":
            print(f"{csv_path}:{n}: id {r['id']!r} does not match doc_id/start/end", file=sys.stderr)
            bad += 1
            continue
        text = texts.get(doc)
        if text is None:
            print(f"{csv_path}:{n}: article {doc} not in {corpus_path}", file=sys.stderr)
            bad += 1
            continue
        if not (0 <= start < end <= len(text)):
            print(f"{csv_path}:{n}: offsets {start}-{end} outside article {doc} ({len(text)} chars)",
                  file=sys.stderr)
            bad += 1
            continue
        rec = {"id": r["id"], "text": text[start:end], "published": r["published"]}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
