#!/usr/bin/env python3
"""Build data/region-groups.csv from the group definitions below, resolving each
member name to its code in data/regions.csv (fails if a name is missing or
ambiguous). The CSV is the artefact the service reads; edit it directly or edit
GROUPS here and re-run.

Usage: build_region_groups.py data/regions.csv data/region-groups.csv
"""
import csv, sys

# (group, alias, [(province name, [member names within it] or None = whole province)])
GROUPS = [
    ("长三角", "Yangtze River Delta",
     [("上海市", None), ("江苏省", None), ("浙江省", None), ("安徽省", None)]),
    ("珠三角", "Pearl River Delta",
     [("广东省", ["广州市", "深圳市", "珠海市", "佛山市", "惠州市", "东莞市", "中山市", "江门市", "肇庆市"])]),
    ("京津冀", "Beijing-Tianjin-Hebei",
     [("北京市", None), ("天津市", None), ("河北省", None)]),
    ("成渝", "Chengdu-Chongqing",
     [("重庆市", None),
      ("四川省", ["成都市", "自贡市", "泸州市", "德阳市", "绵阳市", "遂宁市", "内江市", "乐山市",
                 "南充市", "眉山市", "宜宾市", "广安市", "达州市", "雅安市", "资阳市"])]),
    # 仙桃/潜江/天门 are province-administered county-level cities (parent 429000)
    ("武汉都市圈", "Wuhan Metropolitan Area",
     [("湖北省", ["武汉市", "黄石市", "鄂州市", "黄冈市", "孝感市", "咸宁市", "仙桃市", "天门市", "潜江市"])]),
    # 粤港澳大湾区 omitted: regions.csv has no Hong Kong / Macau codes.
]

regions_path, out = sys.argv[1], sys.argv[2]
with open(regions_path, encoding="utf-8", newline="") as f:
    regions = list(csv.DictReader(f))
by_code = {r["code"]: r for r in regions}

def province_of(r):
    while r["parent_code"]:
        r = by_code[r["parent_code"]]
    return r

rows = []
for group, alias, parts in GROUPS:
    for prov_name, members in parts:
        provs = [r for r in regions if r["level"] == "province" and r["name"] == prov_name]
        assert len(provs) == 1, prov_name
        if members is None:
            rows.append((group, alias, provs[0]["code"], prov_name))
            continue
        for name in members:
            hits = [r for r in regions if r["name"] == name and r["level"] in ("city", "county")
                    and province_of(r)["code"] == provs[0]["code"]]
            if len(hits) > 1:  # prefer prefecture level
                hits = [r for r in hits if r["level"] == "city"] or hits
            assert len(hits) == 1, (group, name, hits)
            rows.append((group, alias, hits[0]["code"], name))

with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["group", "alias", "member_code", "member_name"])
    w.writerows(rows)
print("region groups:", len({r[0] for r in rows}), "groups,", len(rows), "members", file=sys.stderr)
