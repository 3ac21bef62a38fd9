#!/usr/bin/env python3
"""Builds tests/ChainMap.Tests/Evaluation/labelled/fresh.csv (the third, independent labelled set of issue #19)
from catseyess/elevencats Enterprise-Registration-Data/csv/2004/江苏.csv and scripts/data/evaluation/fresh-labels.txt.

Usage: python3 scripts/data/evaluation/build_fresh.py J.csv
Checks: every key exists in the source with the same name, every segment code is defined in data/chains/segments.csv,
no key twice. The sampling that chose the rows is documented in tests/ChainMap.Tests/Evaluation/README.md.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_files import chain_of_segment, check_segments, read_labels, write_labelled  # noqa: E402

SOURCE = "catseyess/elevencats:Enterprise-Registration-Data/csv/2004/江苏.csv@b3d9025beefd"


def main(path):
    with open(path, encoding="utf-8", newline="") as f:
        source = {row["统一社会信用代码"]: row for row in csv.DictReader(f)}
    chain_of = chain_of_segment()
    out_rows = []
    for stratum, key, name, segs, note in read_labels("fresh-labels.txt"):
        row = source.get(key)
        if row is None or row["企业名称"] != name:
            sys.exit(f"{key} {name}: not in the source or the name differs")
        if error := check_segments(key, name, segs, chain_of):
            sys.exit(error)
        out_rows.append([f"fresh-{len(out_rows) + 1:04d}", name, row["所在省份"], row["地区"], "", row["注册地址"], "", "",
                         row["经营范围"], "", SOURCE, "|".join(segs), f"{stratum}; {note}"])
    write_labelled("fresh.csv", out_rows)


if __name__ == "__main__":
    main(sys.argv[1])
