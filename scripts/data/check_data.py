#!/usr/bin/env python3
"""Sanity checks for data/regions.csv, data/zones.csv, data/text/t2s.tsv, data/region-groups.csv.
Usage: check_data.py DATA_DIR"""
import csv, os, sys

data = sys.argv[1]
def raw(p):
    b = open(os.path.join(data, p), "rb").read()
    assert not b.startswith(b"\xef\xbb\xbf"), p + ": BOM"
    assert b"\r" not in b, p + ": CR"
    return b.decode("utf-8")

# regions
text = raw("regions.csv")
rows = list(csv.DictReader(text.splitlines()))
assert text.splitlines()[0] == "code,name,level,parent_code"
codes = [r["code"] for r in rows]
assert codes == sorted(codes) and len(set(codes)) == len(codes)
R = {r["code"]: r for r in rows}
for r in rows:
    assert r["level"] in ("province", "city", "county"), r
    assert (r["parent_code"] == "") == (r["level"] == "province"), r
    if r["parent_code"]:
        assert r["parent_code"] in R, r
assert R["421300"]["name"] == "随州市" and R["421300"]["level"] == "city"
for c, n in (("421303", "曾都区"), ("421321", "随县"), ("421381", "广水市")):
    assert R[c]["name"] == n and R[c]["parent_code"] == "421300", c
assert R["420000"]["name"] == "湖北省"

# zones: not divisions; city_code a city, host_code empty or a county of that city
text = raw("zones.csv")
assert text.splitlines()[0] == "code,name,city_code,host_code"
for z in csv.DictReader(text.splitlines()):
    assert z["code"] not in R, z
    assert R[z["city_code"]]["level"] == "city", z
    assert z["host_code"] == "" or R[z["host_code"]]["parent_code"] == z["city_code"], z

# t2s
m = {}
for line in raw("text/t2s.tsv").split("\n")[:-1]:
    t, s = line.split("\t")
    assert len(t) == 1 and len(s) == 1 and t != s and t not in m, line
    m[t] = s
assert not any(s in m for s in m.values()), "not idempotent"
for t, s in zip("專汽隨鄉電業醫藥會區縣廣長東門灣雞", "专汽随乡电业医药会区县广长东门湾鸡"):
    assert m.get(t, t) == s, (t, m.get(t))

# groups
text = raw("region-groups.csv")
assert text.splitlines()[0] == "group,alias,member_code,member_name"
aliases = {}
for g in csv.DictReader(text.splitlines()):
    assert g["member_code"] in R and R[g["member_code"]]["name"] == g["member_name"], g
    assert aliases.setdefault(g["group"], g["alias"]) == g["alias"], g
print("data checks passed", file=sys.stderr)
