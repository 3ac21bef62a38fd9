#!/usr/bin/env python3
"""Builds tests/ChainMap.Tests/Evaluation/labelled/codes.csv (issue #19, session 26: a set shaped like vendor/register
exports — full registered name, region and address, CSRC industry code and name, long 经营范围 — never tuned on) from
scripts/data/evaluation/codes-labels.txt and three sources (see codes_source.py and the README of the labelled sets).

Usage: python3 scripts/data/evaluation/build_codes.py stock_industry.csv company_info.csv <elevencats csv folder>
Checks: every key exists in its source with the same name (a listed company: the stock code's full name in the Tushare
export, its registration row in the named file, a CSRC industry in baostock), every segment code is defined in
data/chains/segments.csv, at most three segments, no key twice. Also writes the halves codes-dev.csv (may be tuned on)
and codes-holdout.csv (never tuned on), split as the products set is (label_files.alternate_split).
Also writes tests/ChainMap.Tests/Evaluation/real-lists/codes-list.csv: the same companies as the sources write them
(registration columns but 法人代表, the stock code and the CSRC industry), unlabelled, for the import test.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from codes_source import load_basic, load_csrc, read_registrations  # noqa: E402
from label_files import EVAL, alternate_split, chain_of_segment, check_segments, read_labels, write_labelled  # noqa: E402

E = "catseyess/elevencats:Enterprise-Registration-Data/csv/{}.csv@b3d9025beefd"
B = "mmzzl/datastore:case/apps/api/data/stock_industry.csv@2b2f89cdf7a6"
T = "dllss/quantification_transaction:company_info.csv@ca8afd947423"


def main(csrc_path, basic_path, folder):
    csrc = load_csrc(csrc_path)
    by_code = {row["symbol"]: row for row in load_basic(basic_path).values()}
    chain_of, files, rows = chain_of_segment(), {}, []
    raw = [["企业名称", "统一社会信用代码", "股票代码", "注册日期", "企业类型", "注册资金", "所在省份", "地区", "注册地址", "所属行业", "经营范围"]]
    for stratum, key, name, segs, note in read_labels("codes-labels.txt"):
        ident, file_key = key.split("@")
        if file_key not in files:
            files[file_key] = read_registrations(os.path.join(folder, file_key + ".csv"))
        listed = not stratum.endswith("-reg")
        if listed:
            basic = by_code.get(ident)
            if basic is None or basic["fullname"] != name or not csrc.get(ident):
                sys.exit(f"{key} {name}: not in the Tushare export under this name, or no CSRC industry")
            match = [r for r in files[file_key] if r["企业名称"] == name]
        else:
            match = [r for r in files[file_key] if r["统一社会信用代码"] == ident and r["企业名称"] == name]
        if not match:
            sys.exit(f"{key} {name}: no registration row with this name in {file_key}")
        if error := check_segments(key, name, segs, chain_of):
            sys.exit(error)
        reg = match[0]
        source = f"{E.format(file_key)} + {B} + {T}" if listed else E.format(file_key)
        rows.append([f"codes-{len(rows) + 1:04d}", name, reg["所在省份"], reg["地区"], "", reg["注册地址"],
                     csrc[ident] if listed else "", "", reg["经营范围"], ident if listed else "", source, "|".join(segs),
                     f"{stratum}; {note}"])
        raw.append([name, reg["统一社会信用代码"], ident if listed else "", reg["注册日期"], reg["企业类型"], reg["注册资金"],
                    reg["所在省份"], reg["地区"], reg["注册地址"], csrc[ident] if listed else "", reg["经营范围"]])
    write_labelled("codes.csv", rows)
    # Halves, as for the products set: codes-dev may be tuned on, codes-holdout never (split from session 26 on).
    dev, holdout = alternate_split(rows, chain_of)
    write_labelled("codes-dev.csv", dev)
    write_labelled("codes-holdout.csv", holdout)
    with open(os.path.join(EVAL, "real-lists", "codes-list.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(raw)


if __name__ == "__main__":
    main(*sys.argv[1:4])
