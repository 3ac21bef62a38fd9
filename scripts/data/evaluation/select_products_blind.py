#!/usr/bin/env python3
"""Draws the rows of tests/ChainMap.Tests/Evaluation/labelled/products-blind.csv (issue #19, session 37): 120 listed companies
of the 产业链知识图谱 data (SOVLOOKUP/ChainKnowledgeGraph-sql data.zip -> data.sql, as select_products.py) with an industry and
main products, at random among those in no other labelled set. Prints `code|short name|full name` a line, for labelling by
hand. No classifier is involved.

Usage: python3 scripts/data/evaluation/select_products_blind.py data.sql > drawn.txt

Eligible: a 申万 industry and at least one product; the stock code, the short name and the full name in no labelled set
(every labelled/*.csv: its `stock_code` and `name`). Deterministic: `random.Random(37)`, companies in stock-code order.
"""
import csv
import glob
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_files import EVAL  # noqa: E402
from products_source import load_companies  # noqa: E402

SIZE = 120


def taken(own="products-blind.csv"):
    """The stock codes and names of every labelled set but `own` (the set being drawn)."""
    codes, names = set(), set()
    for path in glob.glob(os.path.join(EVAL, "labelled", "*.csv")):
        if os.path.basename(path) == own:
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                codes.add(row["stock_code"].strip()[:6])
                names.add(row["name"].strip())
    return codes, names


def main(path):
    codes, names = taken()
    pool = sorted((c for c in load_companies(path)
                   if c["industry"] and c["products"] and c["code"] not in codes
                   and c["name"] not in names and c["fullname"] not in names), key=lambda c: c["code"])
    for c in random.Random(37).sample(pool, SIZE):
        print(f"{c['code']}|{c['name']}|{c['fullname']}")
    print(f"{len(pool)} eligible", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
