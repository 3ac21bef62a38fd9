#!/usr/bin/env python3
"""Build data/region-history.csv: retired GB/T 2260 divisions and the current division each now lies in.

Usage: build_region_history.py AREACODES_RESULT.csv REGIONS.csv OUT.csv

Source: GitHub yescallop/areacodes (CC0 1.0), file result.csv: every county- and prefecture-level code since 1981
with its name, status (在用 in use, 弃用 retired, 变更 changed: the code lives on), years in use and 新代码, the codes the
division's territory went to ("c[YYYY]" = a part that went in that year, while the division went on; without a year:
where it went when it ended). A retired record's successors are its 新代码 without a year (for 变更 with none of them:
its own code, the next record of that code), followed through later records until a code of REGIONS.csv (NBS 2023)
that is in use there with the same name. Exactly one current successor: that division. Several: the one city
they all lie in, or nothing. A record whose successor is not in REGIONS.csv (changed after mid-2023) is left out.

Written: code (the retired code), name, parent_name (the city or prefecture it was under, or 直辖), in_use (first year),
retired (year), successor_code, successor_name. Names that are current divisions are kept; the service never lets a
retired name override a current one (docs/import.md "Region").
"""
import csv, re, sys

src, regions_csv, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(regions_csv, encoding="utf-8", newline="") as f:
    regions = {r["code"]: r for r in csv.DictReader(f)}
with open(src, encoding="utf-8-sig", newline="") as f:
    records = list(csv.DictReader(f))
by_code = {}
for r in records:
    r["start"] = int(r["启用时间"]); r["end"] = int(r["变更/弃用时间"]) if r["变更/弃用时间"] else 9999
    by_code.setdefault(r["代码"], []).append(r)


def record_at(code, year):
    """The record of `code` in use at the end of `year` (codes are reused: 320211 was 郊区, then 滨湖区)."""
    rows = by_code.get(code, [])
    hits = [r for r in rows if r["start"] <= year < r["end"]]
    if not hits:
        hits = sorted((r for r in rows if r["start"] >= year), key=lambda r: r["start"])[:1]
    return hits[0] if hits else None


def current(rec, depth=0):
    """The set of current (regions.csv) codes the record's territory is in now; None when unknown."""
    if depth > 20:
        return None
    if rec["end"] == 9999:
        live = regions.get(rec["代码"])
        return {rec["代码"]} if live and live["name"] == rec["名称"] else None
    parts = [p for p in rec["新代码"].split(";") if p]
    plain = [p for p in parts if "[" not in p]
    if not plain and rec["状态"] == "变更":
        plain = [rec["代码"]]
    if not plain:
        return None
    result = set()
    for code in plain:
        nxt = record_at(code, rec["end"])
        if nxt is None or nxt is rec:
            return None
        got = current(nxt, depth + 1)
        if got is None:
            return None
        result |= got
    return result


def city_of(code):
    r = regions[code]
    return code if r["level"] in ("city", "province") else r["parent_code"]


rows = []
for r in records:
    if r["end"] == 9999 or r["级别"] not in ("县级", "地级"):
        continue
    succ = current(r)
    if not succ:
        continue
    if len(succ) == 1:
        (s,) = succ
    else:
        cities = {city_of(c) for c in succ}
        if len(cities) != 1:
            continue
        (s,) = cities
        if regions[s]["level"] != "city" or regions[s]["name"] in ("市辖区", "县"):
            continue
    if s == r["代码"] and regions[s]["name"] == r["名称"]:
        continue
    rows.append((r["代码"], r["名称"], r["二级行政区"], r["start"], r["end"], s, regions[s]["name"]))

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "parent_name", "in_use", "retired", "successor_code", "successor_name"])
    for row in sorted(set(rows)):
        w.writerow(row)
print("retired divisions with a current successor:", len(set(rows)), "of", sum(1 for r in records if r["end"] != 9999), file=sys.stderr)
