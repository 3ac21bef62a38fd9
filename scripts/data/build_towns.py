#!/usr/bin/env python3
"""Build data/towns.csv: township-level units (镇, 乡, 街道, 苏木) and the county each lies in.

Usage: build_towns.py STREETS.csv OUT.csv

Source: GitHub modood/Administrative-divisions-of-China (licence WTFPL v2), commit 57a0aa9cef47, file dist/streets.csv
(code,name,areaCode,provinceCode,cityCode): the National Bureau of Statistics' 统计用区划代码 2023 at township level,
41,352 rows; areaCode is the county's GB/T 2260 code, or an NBS statistics-only zone's code (苏州工业园区 320571 …).

Kept: towns (镇), townships (乡, 民族乡), streets (街道, 街道办事处) and sumu (苏木) whose name has at least three
characters (a one-character stem, 新镇, 东乡, is a word inside many addresses). Left out: state farms, forest farms,
zones' management units, prisons and the like (农场, 林场, 开发区, 管委会, 监狱 …), which are not places an address is
written in, and 北京's 地区办事处 (XX地区 reads as a prefecture). Written: name, county_code (the source's areaCode,
kept also where it is a zone's code: such a town has no county in regions.csv, but its name still counts when the
service decides whether a name is unique within a city), sorted by county code, then name; one row per name and county.
"""
import csv, sys

SUFFIXES = ("街道办事处", "街道", "民族乡", "镇", "乡", "苏木")

src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
kept = set()
for r in rows:
    name = r["name"].strip()
    county = r["areaCode"].strip()
    if len(name) < 3 or not name.endswith(SUFFIXES) or len(county) != 6 or not county.isdigit():
        continue
    kept.add((county, name))
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["name", "county_code"])
    for county, name in sorted(kept):
        w.writerow([name, county])
print(f"{len(rows)} source rows, {len(kept)} written", file=sys.stderr)
