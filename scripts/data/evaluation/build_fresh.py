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

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SOURCE = "catseyess/elevencats:Enterprise-Registration-Data/csv/2004/江苏.csv@b3d9025beefd"
HEADER = "id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(",")


def main(path):
    with open(path, encoding="utf-8", newline="") as f:
        source = {row["统一社会信用代码"]: row for row in csv.DictReader(f)}
    with open(os.path.join(ROOT, "data", "chains", "segments.csv"), encoding="utf-8", newline="") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    seen = set()
    out_rows = []
    with open(os.path.join(ROOT, "scripts", "data", "evaluation", "fresh-labels.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            stratum, key, name, segments, note = line.rstrip("\n").split("|", 4) if line.count("|") == 4 else _split(line)
            row = source.get(key)
            if row is None or row["企业名称"] != name:
                sys.exit(f"{key} {name}: not in the source or the name differs")
            if key in seen:
                sys.exit(f"{key}: twice")
            seen.add(key)
            segs = [s for s in segments.split(";") if s] if ";" in segments else [s for s in segments.split(",") if s]
            unknown = [s for s in segs if s not in codes]
            if unknown:
                sys.exit(f"{key} {name}: unknown segment {unknown}")
            out_rows.append([f"fresh-{len(out_rows) + 1:04d}", name, row["所在省份"], row["地区"], "", row["注册地址"], "", "",
                             row["经营范围"], "", SOURCE, "|".join(segs), f"{stratum}; {note}"])
    target = os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation", "labelled", "fresh.csv")
    with open(target, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(out_rows)
    print(f"{len(out_rows)} rows -> {target}")


def _split(line):
    # stratum|key|name|seg1|seg2...|note: segments are the fields between the name and the note
    parts = line.rstrip("\n").split("|")
    return parts[0], parts[1], parts[2], ";".join(parts[3:-1]), parts[-1]


if __name__ == "__main__":
    main(sys.argv[1])
