#!/usr/bin/env python3
"""Builds tests/ChainMap.Tests/Evaluation/labelled/products.csv and its two halves products-dev.csv and
products-holdout.csv (issue #19, round 4: a labelled set with main products and an industry label) from the
产业链知识图谱 dump and scripts/data/evaluation/products-labels.txt.

Usage: python3 scripts/data/evaluation/build_products.py [--blind | --zq] data.sql
       (data.sql is the one file inside data.zip of SOVLOOKUP/ChainKnowledgeGraph-sql at commit 9587d889669f)
With --blind it builds labelled/products-blind.csv (session 37: 120 random companies, select_products_blind.py, labelled
before any classifier ran on them) from products-blind-labels.txt, ids `prodb-NNNN`, not split.
With --zq it builds labelled/products-zq.csv (session 46: 80 companies of the 专汽 industries and 40 others,
select_products_zq.py, labelled before any classifier ran on them) from products-zq-labels.txt, ids `prodzq-NNNN`, not split.
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
from label_files import EVAL, alternate_split, chain_of_segment, check_segments, read_labels, write_labelled  # noqa: E402
from products_source import load_companies  # noqa: E402

SOURCE = "SOVLOOKUP/ChainKnowledgeGraph-sql:data.zip/data.sql@9587d889669f"
MAX_PRODUCTS = 8


SETS = {"blind": ("products-blind-labels.txt", "prodb", "products-blind.csv"),
        "zq": ("products-zq-labels.txt", "prodzq", "products-zq.csv")}


def main(path, blind=None):
    companies = {c["code"]: c for c in load_companies(path)}
    chain_of = chain_of_segment()
    with open(os.path.join(EVAL, "real-lists", "a-shares-2026-01.csv"), encoding="utf-8", newline="") as f:
        province = {row["股票代码"]: row["省份"] for row in csv.DictReader(f)}
    rows = []
    for stratum, code, name, segs, note in read_labels(SETS[blind][0] if blind else "products-labels.txt"):
        c = companies.get(code)
        if c is None or c["fullname"] != name:
            sys.exit(f"{code} {name}: not in the source or the name differs")
        if error := check_segments(code, name, segs, chain_of):
            sys.exit(error)
        products = "、".join(p for p, _ in c["products"][:MAX_PRODUCTS])
        rows.append([f"{SETS[blind][1] if blind else 'prod'}-{len(rows) + 1:04d}", name, province.get(code, ""), "", "", "", c["industry"], products,
                     "", code, SOURCE, "|".join(segs), f"{stratum}; {note}"])
    if blind:
        write_labelled(SETS[blind][2], rows)
        return
    write_labelled("products.csv", rows)
    dev, holdout = alternate_split(rows, chain_of)
    write_labelled("products-dev.csv", dev)
    write_labelled("products-holdout.csv", holdout)


if __name__ == "__main__":
    if sys.argv[1:2] in (["--blind"], ["--zq"]):
        main(sys.argv[2], blind=sys.argv[1][2:])
    else:
        main(sys.argv[1])
