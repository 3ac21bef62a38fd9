#!/usr/bin/env python3
"""Chooses the companies of tests/ChainMap.Tests/Evaluation/labelled/codes.csv (issue #19, session 26). Prints one line a
company: stratum|key|name, for labelling by hand (the key is `<stock code>@<year>/<province>` for a listed company,
`<统一社会信用代码>@<year>/<province>` for a registration).

Usage: python3 scripts/data/evaluation/select_codes.py stock_industry.csv company_info.csv <elevencats csv folder> > chosen.txt

Listed companies: every company of the Tushare export (T) whose full name is the exact 企业名称 of a registration row
(E, 1978-2004) and which has a CSRC industry (B), not already in another labelled set (by code or name). From that
pool, random.Random(26): 35 from the companies named or labelled 汽车/专用车/底盘/发动机/制动/轮胎… or of CSRC C36 (ZQ),
45 whose name, Tushare label or first 400 characters of scope name 消防/救援/应急/防护/防爆/监控/发电机组/北斗… (YJ),
22 of each chain's CSRC industries (NC A0x/C13-15, SW C27, DZ C39/I65, HG C26/C28/C29, XNY C38/D44,
FW G5x/G6x/I6x/J6x/L7x/M7x), 118 from the rest (random). Registrations (no industry code; 2000-2004, every file but
2002/湖北, 2003/湖北 and 2004/江苏 used by the other sets), random.Random(2026): 45 named 消防/劳保/防护用品/救援/应急/防爆/
发电机… (YJ-reg), 22 named 专用汽车/挂车/特种车/汽车零部件… (ZQ-reg), 12 named 太阳能/光伏/风电/锂电/新能源/电池 (XNY-reg).
No classifier is involved: strata are chosen by topic words and by the source's own industry.
"""
import csv
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from codes_source import load_basic, load_csrc, read_registrations, registration_files  # noqa: E402
from label_files import EVAL  # noqa: E402

USED_FILES = {"2002/湖北", "2003/湖北", "2004/江苏"}
ZQ = re.compile("汽车|专用车|挂车|底盘|发动机|柴油机|制动|轮胎|车桥|变速器|液压|齿轮|车辆|罐车|环卫")
YJ = re.compile("消防|救援|应急|防护|防爆|安全监测|监控|气体检测|报警|发电机组|无人机|北斗|劳保|劳动保护|阻燃|芳纶|帐篷|灭火|探测|矿用|安全生产")
CHAINS = {"NC": ("A0", "C13", "C14", "C15"), "SW": ("C27",), "DZ": ("C39", "I65"), "HG": ("C26", "C28", "C29"),
          "XNY": ("C38", "D44"), "FW": ("G5", "G6", "I6", "J6", "L7", "M7")}
REG = [("YJ-reg", 45, re.compile("消防|劳保|劳动保护|防护用品|安全防护|救援|应急|防爆|气体检测|报警设备|安全设备|发电设备|发电机")),
       ("ZQ-reg", 22, re.compile("专用汽车|专用车|改装车|汽车改装|挂车|罐车|特种车|汽车制造|车桥|汽车零部件|汽车配件制造|汽车部件")),
       ("XNY-reg", 12, re.compile("太阳能|光伏|风电|风力发电|锂电|新能源|蓄电池|电池"))]


def used():
    codes, names = set(), set()
    for name in os.listdir(os.path.join(EVAL, "labelled")):
        if name.startswith("codes"):
            continue
        with open(os.path.join(EVAL, "labelled", name), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                codes.add(row["stock_code"])
                names.add(row["name"])
    return codes, names


def main(csrc_path, basic_path, folder):
    csrc, basic = load_csrc(csrc_path), load_basic(basic_path)
    used_codes, used_names = used()
    pool, seen, reg = [], set(), {s: [] for s, _, _ in REG}
    for key, path in registration_files(folder):
        for row in read_registrations(path):
            name = row["企业名称"]
            b = basic.get(name)
            if b and name not in seen:
                seen.add(name)
                code = b["symbol"]
                if code not in used_codes and name not in used_names and b["name"] not in used_names and csrc.get(code):
                    pool.append(dict(code=code, name=name, short=b["name"], ind=csrc[code], ts=b["industry"], file=key,
                                     scope=row["经营范围"]))
            if key.split("/")[0] >= "2000" and key not in USED_FILES and row["经营范围"].strip():
                for stratum, _, pattern in REG:
                    if pattern.search(name):
                        reg[stratum].append((key, row))
                        break
    pool.sort(key=lambda p: p["code"])
    rnd, chosen, taken = random.Random(26), [], set()

    def take(candidates, n, stratum):
        candidates = [p for p in candidates if p["code"] not in taken]
        for p in (rnd.sample(candidates, n) if n < len(candidates) else candidates):
            taken.add(p["code"])
            chosen.append((stratum, f"{p['code']}@{p['file']}", p["name"]))

    take([p for p in pool if ZQ.search(p["name"] + p["short"] + p["ts"]) or p["ind"].startswith("C36")], 45, "ZQ")
    take([p for p in pool if YJ.search(p["name"] + p["short"] + p["scope"][:400] + p["ts"])], 45, "YJ")
    for stratum, prefixes in CHAINS.items():
        take([p for p in pool if p["ind"].startswith(prefixes)], 22, stratum)
    take(pool, 118, "random")
    rnd = random.Random(2026)
    for stratum, n, _ in REG:
        candidates = sorted(reg[stratum], key=lambda x: (x[0], x[1]["统一社会信用代码"]))
        for key, row in rnd.sample(candidates, n):
            chosen.append((stratum, f"{row['统一社会信用代码']}@{key}", row["企业名称"]))
    for line in chosen:
        print("|".join(line))


if __name__ == "__main__":
    main(*sys.argv[1:4])
