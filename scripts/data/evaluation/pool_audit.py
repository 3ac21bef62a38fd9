#!/usr/bin/env python3
"""Draws and scores the pool audit of session 46 (issue #19, ADR 0710): how often a membership the classifier proposes is right on
register rows that no labelled set uses (tests/ChainMap.Tests/Evaluation/audits/README.md).

Usage:
  python3 pool_audit.py draw <pool.csv> <output.txt> [n]
      <output.txt> is `evaluate-classifier --labelled <dir holding pool.csv as fresh.csv> --set fresh --mistakes 100000` of the build
      audited: every row is labelled none, so every proposal is printed. A membership is one segment code, or one chain code (a
      chain-level membership, 环节待定), on a row's line. Draws n (default 150) with random.Random(46) and prints them as the audit
      file's rows with the judgement columns empty.
  python3 pool_audit.py score <audit.csv>
      chain- and segment-level precision of the judged sample with Wilson 95 % intervals, overall and per chain with >= 10; when
      the file has an `after` column (`kept`, or `dropped: <rule>` for a membership a later build no longer proposes), also of the
      kept memberships.
"""
import csv
import math
import random
import re
import sys

LINE = re.compile(r"^(pool46-\d+) (.*?) \[\] labelled none got (.*)$")
MEMBERSHIP = re.compile(r"(?:^| )([A-Z]+(?:-[A-Z]+)*)\((\d\.\d\d):")
COLUMNS = ["id", "name", "membership", "confidence", "chain_right", "segment_right", "reason"]


def memberships(output_path):
    found = []
    with open(output_path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if not m:
                continue
            row_id, name, got = m.groups()
            # a membership is `CODE(0.nn: evidence)`; the evidence names no code in that shape (3,027 on the base build, as its report)
            for code, conf in MEMBERSHIP.findall(got):
                found.append((row_id, name, code, conf))
    return found


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)


def draw(pool_path, output_path, n):
    rows = {r["id"]: r for r in csv.DictReader(open(pool_path, encoding="utf-8"))}
    found = [m for m in memberships(output_path) if m[0] in rows]
    sample = sorted(random.Random(46).sample(found, n), key=lambda m: (m[0], m[2]))
    print(f"{len(found)} memberships on {len({m[0] for m in found})} rows; drawn {n}", file=sys.stderr)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(COLUMNS)
    for row_id, name, code, conf in sample:
        w.writerow([row_id, name, code, conf, "", "", ""])


def line(label, k, n):
    lo, hi = wilson(k, n)
    return f"{label:<10} {k:>4}/{n:<4} {100 * k / n:5.1f} %  [{100 * lo:4.1f}, {100 * hi:4.1f}]"


def score(audit_path):
    rows = list(csv.DictReader(open(audit_path, encoding="utf-8")))
    print("== as drawn (the build audited) ==")
    score_rows(rows)
    if rows and "after" in rows[0]:
        kept = [r for r in rows if r["after"] == "kept"]
        print(f"== after (the sampled memberships a later build still proposes: {len(kept)} of {len(rows)}) ==")
        score_rows(kept)


def score_rows(rows):
    chain = [r for r in rows]
    seg = [r for r in rows if r["segment_right"] in ("y", "n")]
    print("chain level (every membership):")
    print(line("all", sum(r["chain_right"] == "y" for r in chain), len(chain)))
    for c in sorted({r["membership"].split("-")[0] for r in chain}):
        part = [r for r in chain if r["membership"].split("-")[0] == c]
        if len(part) >= 10:
            print(line(c, sum(r["chain_right"] == "y" for r in part), len(part)))
    print("segment level (segment memberships; chain-level ones are neither right nor wrong):")
    print(line("all", sum(r["segment_right"] == "y" for r in seg), len(seg)))
    for c in sorted({r["membership"].split("-")[0] for r in seg}):
        part = [r for r in seg if r["membership"].split("-")[0] == c]
        if len(part) >= 10:
            print(line(c, sum(r["segment_right"] == "y" for r in part), len(part)))


if __name__ == "__main__":
    if sys.argv[1] == "draw":
        draw(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 150)
    elif sys.argv[1] == "score":
        score(sys.argv[2])
    else:
        sys.exit(__doc__)
