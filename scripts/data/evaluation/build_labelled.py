#!/usr/bin/env python3
"""Builds tests/ChainMap.Tests/Evaluation/labelled/{dev,holdout}.csv from the hand labels in labels.txt
and the two pinned source lists (see tests/ChainMap.Tests/Evaluation/README.md).

labels.txt: one company a line, `SPLIT SYMBOL NAME SEGMENTS [NOTE]`; SPLIT is D (dev) or H (holdout),
SEGMENTS is `|`-separated segment codes or `-` for none. NAME is only a check that SYMBOL is the company meant.

Usage: python3 scripts/data/evaluation/build_labelled.py <dev-source.csv> <holdout-source.csv>
(the source files as brought from git: see the README for repository, path and commit)."""
import csv
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SEGMENTS = os.path.join(ROOT, "data", "chains", "segments.csv")
LABELS = os.path.join(os.path.dirname(__file__), "labels.txt")
OUT = os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation", "labelled")
HEADER = ["id", "name", "province", "city", "county", "address", "industry", "products", "scope",
          "stock_code", "source", "segments", "note"]
SOURCES = {
    "D": ("dev", "henrylin99/stock_web_app:data/stock_basic.csv@cdda5fa0b18b"),
    "H": ("holdout", "AFAN-LIFE/macropage:data/stock_basic.csv@9ef6144e2c82"),
    "R": ("dev", "catseyess/elevencats:Enterprise-Registration-Data/csv/2002/湖北.csv@b3d9025beefd"),
    "S": ("holdout", "catseyess/elevencats:Enterprise-Registration-Data/csv/2003/湖北.csv@b3d9025beefd"),
}
SPLITS = {"dev": ("D", "R"), "holdout": ("H", "S")}


def read_listed(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["symbol"]: row for row in csv.DictReader(f)}


def read_registrations(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["统一社会信用代码"]: row for row in csv.DictReader(f)}


def listed_row(source):
    return {"name": source["name"], "province": source["area"], "city": "", "county": "", "address": "",
            "industry": source["industry"], "products": "", "scope": "", "stock_code": source["symbol"]}


def registration_row(source):
    # The legal representative, capital, type and registration date are not taken.
    return {"name": source["企业名称"], "province": source["所在省份"], "city": source["地区"], "county": "",
            "address": source["注册地址"], "industry": "", "products": "", "scope": source["经营范围"],
            "stock_code": ""}


def main(d_source, h_source, r_source, s_source):
    codes = {row["code"] for row in csv.DictReader(open(SEGMENTS, encoding="utf-8"))}
    lists = {"D": read_listed(d_source), "H": read_listed(h_source),
             "R": read_registrations(r_source), "S": read_registrations(s_source)}
    rows = {key: [] for key in SOURCES}
    seen = {}
    errors = []
    for number, line in enumerate(open(LABELS, encoding="utf-8"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(maxsplit=4)
        split, symbol, name, segments = parts[:4]
        note = parts[4] if len(parts) > 4 else ""
        if symbol in seen:
            errors.append(f"line {number}: {symbol} already on line {seen[symbol]}")
        seen[symbol] = number
        source = lists[split].get(symbol)
        if source is None:
            errors.append(f"line {number}: {symbol} not in the {SOURCES[split][0]} source list")
            continue
        row = listed_row(source) if split in "DH" else registration_row(source)
        if row["name"] != name:
            errors.append(f"line {number}: {symbol} is {row['name']} in the source, not {name}")
        labels = [] if segments == "-" else segments.split("|")
        for code in labels:
            if code not in codes:
                errors.append(f"line {number}: unknown segment {code}")
        if len(labels) != len(set(labels)):
            errors.append(f"line {number}: a segment is repeated")
        rows[split].append({**row, "source": SOURCES[split][1], "segments": "|".join(labels), "note": note})
    if errors:
        sys.exit("\n".join(errors))
    os.makedirs(OUT, exist_ok=True)
    for name, splits in SPLITS.items():
        prefix = "dev" if name == "dev" else "hold"
        combined = [row for split in splits for row in rows[split]]
        with open(os.path.join(OUT, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
            writer.writeheader()
            for i, row in enumerate(combined, 1):
                writer.writerow({"id": f"{prefix}-{i:04d}", **row})
        print(f"{name}: {len(combined)} rows ({', '.join(f'{s}: {len(rows[s])}' for s in splits)})")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
