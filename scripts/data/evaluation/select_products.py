#!/usr/bin/env python3
"""Chooses the companies of tests/ChainMap.Tests/Evaluation/labelled/products.csv (issue #19, round 4) from the
产业链知识图谱 data (SOVLOOKUP/ChainKnowledgeGraph-sql data.zip -> data.sql, a SurrealDB dump of
liuhuanyong/ChainKnowledgeGraph). Prints one line a company: stratum|code|name, for labelling by hand.

Usage: python3 scripts/data/evaluation/select_products.py data.sql > chosen.txt

Deterministic (random.Random(19)); no classifier is involved: strata are chosen by topic words in the source's own
main-products list and by the source's 申万 industry. See the README of tests/ChainMap.Tests/Evaluation.
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from products_source import ROOT, load_companies  # noqa: E402

ZQ_WORDS = ["专用车", "专用汽车", "改装车", "挂车", "环卫车", "垃圾车", "洒水车", "消防车", "罐车", "冷藏车", "随车", "车桥",
            "自卸", "重卡", "载货车", "商用车", "卡车", "底盘", "柴油机", "发动机", "车厢", "厢式", "罐体", "搅拌车", "制动",
            "刹车", "转向器", "变速器", "变速箱", "离合器", "传动轴", "钢板弹簧", "悬架", "轮胎", "车轮", "轮毂", "液压缸",
            "油缸", "液压泵", "多路阀", "尾气", "后处理", "散热器", "增压器", "客车", "半挂", "清障车", "房车"]
YJ_WORDS = ["消防", "救援", "应急", "防护", "防爆", "气体检测", "安全监测", "安全监控", "劳保", "呼吸器", "灭火", "火灾",
            "救生", "防毒", "防化", "矿用", "逃生", "报警", "避险", "抢险", "防汛", "帐篷", "安全帽", "防弹", "警用", "阻燃"]
# Second pass (after the random draws, so it does not change them): every remaining company naming one of these.
ZQ_NARROW = ["专用车", "专用汽车", "挂车", "环卫", "罐车", "冷藏车", "车桥", "重卡", "商用车", "载货车", "柴油机", "改装车",
             "随车", "自卸", "搅拌车", "消防车"]
YJ_NARROW = ["发电机组", "芳纶", "超高分子量聚乙烯", "碳纤维", "红外热", "热像", "北斗", "卫星通信", "无人机", "应急照明",
             "备用照明", "气体检测", "除颤", "担架", "救护车", "方舱", "帐篷", "破拆", "消防泵", "全地形", "两栖", "履带",
             "巡检机器人", "特种机器人", "排爆", "防弹", "雨量", "水位", "地震", "地质灾害", "危化品", "防汛", "消防", "救援",
             "应急", "灭火", "火灾", "劳保", "防护服", "呼吸器", "救生", "安全监控", "安全监测", "灾害"]
# Companies already in dev/holdout/fresh are re-used only for 应急装备, which the source has too few other companies of.
YJ_OVERLAP = ["消防", "救援", "应急", "灭火", "火灾", "安全监控", "安全监测", "气体检测", "帐篷", "发电机组", "无人机",
              "探测器"]
OTHER_INDUSTRIES = {
    "NC": {"农林牧渔", "食品饮料"},
    "SW": {"医药生物"},
    "DZ": {"电子"},
    "HG": {"基础化工"},
    "XNY": {"电力设备"},
    "FW": {"交通运输/物流", "计算机/IT服务Ⅱ", "计算机/软件开发", "社会服务/专业服务", "非银金融/多元金融"},
}


def text_of(c, top=8):
    """Full name and the first `top` main products (0: all of them)."""
    products = c["products"][:top] if top else c["products"]
    return c["fullname"] + " " + " ".join(p for p, _ in products)


def main(path):
    rng = random.Random(19)
    excluded = set()
    for name in ("dev", "holdout", "fresh"):
        with open(os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation", "labelled", name + ".csv"), encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["stock_code"]:
                    excluded.add(row["stock_code"])
                excluded.add(row["name"])
    complete = sorted((c for c in load_companies(path) if c["industry"] and c["products"]), key=lambda c: c["code"])
    pool = [c for c in complete if c["code"] not in excluded and c["name"] not in excluded]
    overlap = [c for c in complete if c["code"] in excluded or c["name"] in excluded]
    chosen = {}

    def take(stratum, candidates, n):
        candidates = [c for c in candidates if c["code"] not in chosen]
        for c in rng.sample(candidates, min(n, len(candidates))):
            chosen[c["code"]] = (stratum, c)

    take("ZQ", [c for c in pool if any(w in text_of(c) for w in ZQ_WORDS)], 48)
    take("YJ", [c for c in pool if any(w in text_of(c) for w in YJ_WORDS)], 48)
    for chain, industries in OTHER_INDUSTRIES.items():
        take(chain, [c for c in pool if c["l1"] in industries or c["l1"] + "/" + c["l2"] in industries], 15)
    take("random", pool, 130)
    for stratum, candidates, words in (("ZQ+", pool, ZQ_NARROW), ("YJ+", pool, YJ_NARROW),
                                       ("YJ-overlap", overlap, YJ_OVERLAP)):
        for c in candidates:
            if c["code"] not in chosen and any(w in text_of(c, 0) for w in words):
                chosen[c["code"]] = (stratum, c)
    for code, (stratum, c) in sorted(chosen.items(), key=lambda kv: (kv[1][0], kv[0])):
        print(f"{stratum}|{code}|{c['fullname']}")


if __name__ == "__main__":
    main(sys.argv[1])
