#!/usr/bin/env python3
"""Builds real-lists/registers-2004-regions.csv: register rows as the registers write their place, with the place their
credit code gives, to check where the import puts them (issue #19, "Regions as real files write them"; session 38).

Usage: select_region_rows.py ELEVENCATS_CSV_FOLDER OUT.csv
  ELEVENCATS_CSV_FOLDER: Enterprise-Registration-Data/csv of catseyess/elevencats, branch csv, commit b3d9025beefd.

From each 2004 file of the 20 provinces below, 25 rows drawn with random.Random(38): rows whose name is once in the
file and whose 统一社会信用代码 has 18 characters with six digits at 3-8. Written: 企业名称, 所在省份, 地区, 注册地址 as the
file writes them, and 信用代码区划 = the code's digits 3-8 (the division of the authority that registered the company).
The import never sees that column (the test drops it): it is the answer.
"""
import csv, collections, os, random, sys

PROVINCES = ["江苏", "浙江", "上海", "四川", "陕西", "辽宁", "广西", "湖南", "河南", "湖北",
             "福建", "安徽", "云南", "黑龙江", "山西", "江西", "贵州", "甘肃", "重庆", "吉林"]
folder, out = sys.argv[1], sys.argv[2]
rng = random.Random(38)
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["企业名称", "所在省份", "地区", "注册地址", "信用代码区划"])
    for province in PROVINCES:
        with open(os.path.join(folder, "2004", province + ".csv"), encoding="utf-8", newline="") as g:
            rows = list(csv.DictReader(g))
        names = collections.Counter(r["企业名称"].strip() for r in rows)
        eligible = [r for r in rows if names[r["企业名称"].strip()] == 1 and len(r["统一社会信用代码"].strip()) == 18
                    and r["统一社会信用代码"].strip()[2:8].isdigit()]
        for r in rng.sample(eligible, 25):
            w.writerow([r["企业名称"].strip(), r["所在省份"], r["地区"], r["注册地址"], r["统一社会信用代码"].strip()[2:8]])
