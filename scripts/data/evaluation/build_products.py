#!/usr/bin/env python3
"""Builds tests/ChainMap.Tests/Evaluation/labelled/products.csv and its two halves products-dev.csv and
products-holdout.csv (issue #19, round 4: a labelled set with main products and an industry label) from the
产业链知识图谱 dump and scripts/data/evaluation/products-labels.txt.

Usage: python3 scripts/data/evaluation/build_products.py data.sql
       (data.sql is the one file inside data.zip of SOVLOOKUP/ChainKnowledgeGraph-sql at commit 9587d889669f)
Checks: every code exists in the source with the same full name, every segment code is defined in
data/chains/segments.csv, at most three segments, no code twice.

Columns: name = full company name; province = Tushare area of the stock code from real-lists/a-shares-2026-01.csv
(empty when the code is not there); industry = the source's 申万 (2021) level-3 industry name as written;
products = the source's main products, highest revenue weight first, at most eight, joined with 、.
Split: rows are grouped by the chain of their first segment (none = its own group), ordered by stock code within
a group, and alternate: the 1st, 3rd, 5th ... row of each group go to products-dev.csv, the others to
products-holdout.csv.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from products_source import ROOT, load_companies  # noqa: E402

SOURCE = "SOVLOOKUP/ChainKnowledgeGraph-sql:data.zip/data.sql@9587d889669f"
HEADER = "id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(",")
MAX_PRODUCTS = 8
EVAL = os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation")


def main(path):
    companies = {c["code"]: c for c in load_companies(path)}
    with open(os.path.join(ROOT, "data", "chains", "segments.csv"), encoding="utf-8", newline="") as f:
        chain_of = {row["code"]: row["chain"] for row in csv.DictReader(f)}
    with open(os.path.join(EVAL, "real-lists", "a-shares-2026-01.csv"), encoding="utf-8", newline="") as f:
        province = {row["股票代码"]: row["省份"] for row in csv.DictReader(f)}
    rows, seen = [], set()
    with open(os.path.join(ROOT, "scripts", "data", "evaluation", "products-labels.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            stratum, code, name, segments, note = line.rstrip("\n").split("|")
            c = companies.get(code)
            if c is None or c["fullname"] != name:
                sys.exit(f"{code} {name}: not in the source or the name differs")
            if code in seen:
                sys.exit(f"{code}: twice")
            seen.add(code)
            segs = [s for s in segments.split(";") if s]
            unknown = [s for s in segs if s not in chain_of]
            if unknown or len(segs) > 3:
                sys.exit(f"{code} {name}: unknown segment {unknown} or more than three")
            products = "、".join(p for p, _ in c["products"][:MAX_PRODUCTS])
            rows.append([f"prod-{len(rows) + 1:04d}", name, province.get(code, ""), "", "", "", c["industry"], products,
                         "", code, SOURCE, "|".join(segs), f"{stratum}; {note}"])
    write("products.csv", rows)
    groups = {}
    for row in sorted(rows, key=lambda r: r[9]):
        first = row[11].split("|")[0]
        groups.setdefault(chain_of[first] if first else "", []).append(row)
    dev, holdout = [], []
    for group in groups.values():
        for i, row in enumerate(group):
            (dev if i % 2 == 0 else holdout).append(row)
    write("products-dev.csv", sorted(dev, key=lambda r: r[0]))
    write("products-holdout.csv", sorted(holdout, key=lambda r: r[0]))


def write(name, rows):
    target = os.path.join(EVAL, "labelled", name)
    with open(target, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    print(f"{len(rows)} rows -> {target}")


if __name__ == "__main__":
    main(sys.argv[1])
