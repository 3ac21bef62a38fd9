#!/usr/bin/env python3
"""Build data/listed-seats.csv: where each A-share listed company has its seat, by its stock code (ADR 0690).

Usage: build_listed_seats.py A_SHARES.csv REGIONS.csv OUT.csv

A_SHARES.csv is tests/ChainMap.Tests/Evaluation/real-lists/a-shares-2026-01.csv (企业名称,股票代码,省份,所属行业: the
Tushare stock_basic list of henrylin99/stock_web_app, MIT; provenance in tests/ChainMap.Tests/Evaluation/README.md).
Its 省份 is Tushare's `area`: a province's short name (浙江, 内蒙), or 深圳 for the companies of 深圳 (Tushare keeps them
apart from 广东). Each code gets the division that name is: the province, or 深圳市. Columns: code,region_code,area.
"""
import csv, sys

src, regions_csv, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(regions_csv, encoding="utf-8", newline="") as f:
    regions = list(csv.DictReader(f))
SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"]


def short(name):
    for s in SUFFIXES:
        if name.endswith(s):
            return name[: -len(s)]
    return name


by_area = {short(r["name"]): r["code"] for r in regions if r["level"] == "province"}
by_area["内蒙"] = by_area["内蒙古"]
by_area["深圳"] = next(r["code"] for r in regions if r["name"] == "深圳市" and r["level"] == "city")
rows = []
with open(src, encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        code, area = r["股票代码"].strip(), r["省份"].strip()
        assert len(code) == 6 and code.isdigit(), code
        rows.append((code, by_area[area], area))
assert len({c for c, _, _ in rows}) == len(rows), "a code twice"
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "region_code", "area"])
    w.writerows(sorted(rows))
print("listed seats:", len(rows), file=sys.stderr)
