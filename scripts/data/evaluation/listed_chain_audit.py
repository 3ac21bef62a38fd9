#!/usr/bin/env python3
"""The audit of one chain on the two listed pools (session 48, s48-lxny, issue #19, ADR 0790;
tests/ChainMap.Tests/Evaluation/audits/README.md, "listed48-xny.csv").

Usage:
  python3 listed_chain_audit.py members <chain> <n> <seed> <exclude.csv>[,<exclude.csv>] <pool.csv>:<output.txt> ...
      every membership (segment or chain level) of <chain> (its code is <chain> or starts with <chain>-) that the build's
      `evaluate-classifier --labelled <dir> --set fresh --mistakes 100000` output proposes on each pool, pools in the order given,
      less those whose (id, membership) is in an exclude file; when more than n, n are drawn with random.Random(seed).sample of the
      list. Prints them as audit rows (pool_audit.py's columns plus after and pool) with the judgement columns empty.
  python3 listed_chain_audit.py word-misses <chain> <n> <seed> <words> <pool.csv>:<output.txt> ...
      the rows of each pool whose name, industry, products or scope holds one of <words> (comma-separated, fixed before looking)
      and which get no membership of <chain>; n of them drawn with random.Random(seed).sample when more, sorted by id. Prints the
      miss file's rows (id, name, industry, pool, words) with the judgement columns (xny, segments, 难判, reason, after) empty.
      Targeted by word: it measures how the classifier reads those words, not the chain's recall.
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pool_audit import memberships  # noqa: E402


def pools(args):
    for arg in args:
        pool_path, output_path = arg.split(":", 1)
        yield os.path.basename(pool_path), {r["id"]: r for r in csv.DictReader(open(pool_path, encoding="utf-8"))}, output_path


def of_chain(code, chain):
    return code == chain or code.startswith(chain + "-")


def members(chain, n, seed, exclude, args):
    seen = {(r["id"], r["membership"]) for path in exclude.split(",") if path
            for r in csv.DictReader(open(path, encoding="utf-8")) if "membership" in r}
    found = []
    for _, rows, output_path in pools(args):
        for m in memberships(output_path):
            if m[0] in rows and of_chain(m[2], chain) and (m[0], m[2]) not in seen:
                found.append(m)
    print(f"{len(found)} memberships of {chain} not judged before", file=sys.stderr)
    if len(found) > n:
        found = random.Random(seed).sample(found, n)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "name", "membership", "confidence", "chain_right", "segment_right", "reason", "after", "pool"])
    for row_id, name, code, conf in found:
        w.writerow([row_id, name, code, conf, "", "", "", "", row_id.split("-")[0]])


def word_misses(chain, n, seed, words, args):
    words = words.split(",")
    found = []
    for _, rows, output_path in pools(args):
        placed = {m[0] for m in memberships(output_path) if of_chain(m[2], chain)}
        for r in rows.values():
            text = " ".join(r[k] for k in ("name", "industry", "products", "scope"))
            hits = [x for x in words if x in text]
            if hits and r["id"] not in placed:
                found.append((r, hits))
    print(f"{len(found)} rows carry a word and get no {chain} membership", file=sys.stderr)
    if len(found) > n:
        found = random.Random(seed).sample(found, n)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["id", "name", "industry", "pool", "words", chain.lower(), "segments", "难判", "reason", "after"])
    for r, hits in sorted(found, key=lambda f: f[0]["id"]):
        w.writerow([r["id"], r["name"], r["industry"], r["id"].split("-")[0], "|".join(hits), "", "", "", "", ""])


if __name__ == "__main__":
    if sys.argv[1] == "members":
        members(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6:])
    elif sys.argv[1] == "word-misses":
        word_misses(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6:])
    else:
        sys.exit(__doc__)
