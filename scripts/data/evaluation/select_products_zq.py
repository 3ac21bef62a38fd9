#!/usr/bin/env python3
"""Draws the rows of tests/ChainMap.Tests/Evaluation/labelled/products-zq.csv (issue #19, session 46): 120 listed companies
of the 产业链知识图谱 data (SOVLOOKUP/ChainKnowledgeGraph-sql data.zip -> data.sql, as select_products.py) with an industry and
main products, in no other labelled set: 80 from the 申万 industries where 专汽 (ZQ) companies and their look-alikes sit
(stratum `zq-ind`), 40 from all other eligible companies (stratum `other`). Prints `stratum|code|short name|full name|industry`
a line, for labelling by hand. No classifier is involved.

Usage: python3 scripts/data/evaluation/select_products_zq.py data.sql > drawn.txt

Eligible: a 申万 industry and at least one product; the stock code, the short name and the full name in no labelled set
(every labelled/*.csv but products-zq.csv: its `stock_code` and `name`). Deterministic: `random.Random(46)`, companies in
stock-code order; the 80 are drawn first, then the 40 from the eligible companies outside ZQ_INDUSTRIES.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from products_source import load_companies  # noqa: E402
from select_products_blind import taken  # noqa: E402

ZQ_SIZE, OTHER_SIZE = 80, 40

# 申万 2021 level-1 names taken whole, and level-3 names taken one by one.
ZQ_LEVEL1 = {"汽车"}  # 乘用车, 商用车, 摩托车及其他, 汽车服务, 汽车零部件 (all their level-3 industries)
ZQ_LEVEL3 = {
    "其他专用设备", "能源及重型设备", "农用机械",  # 机械设备 / 专用设备
    "工程机械整机", "工程机械器件",  # 机械设备 / 工程机械
    "其他通用设备",  # 机械设备 / 通用设备
    "轨交设备Ⅲ",  # 机械设备 / 轨交设备Ⅱ
    "环保设备Ⅲ",  # 环保 / 环保设备Ⅱ (环卫车 makers sit here)
    "其他橡胶制品",  # 基础化工 / 橡胶
    "地面兵装Ⅲ", "航空装备Ⅲ",  # 国防军工
}


def is_zq_industry(c):
    return c["l1"] in ZQ_LEVEL1 or c["industry"] in ZQ_LEVEL3


def main(path):
    codes, names = taken("products-zq.csv")
    pool = sorted((c for c in load_companies(path)
                   if c["industry"] and c["products"] and c["code"] not in codes
                   and c["name"] not in names and c["fullname"] not in names), key=lambda c: c["code"])
    zq = [c for c in pool if is_zq_industry(c)]
    other = [c for c in pool if not is_zq_industry(c)]
    rng = random.Random(46)
    drawn = [("zq-ind", c) for c in rng.sample(zq, ZQ_SIZE)] + [("other", c) for c in rng.sample(other, OTHER_SIZE)]
    for stratum, c in drawn:
        print(f"{stratum}|{c['code']}|{c['name']}|{c['fullname']}|{c['industry']}")
    print(f"{len(pool)} eligible: {len(zq)} in the 专汽 industries, {len(other)} others", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
