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
}


def read_source(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {row["symbol"]: row for row in csv.DictReader(f)}


def main(dev_source, holdout_source):
    codes = {row["code"] for row in csv.DictReader(open(SEGMENTS, encoding="utf-8"))}
    lists = {"D": read_source(dev_source), "H": read_source(holdout_source)}
    rows = {"D": [], "H": []}
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
        if source["name"] != name:
            errors.append(f"line {number}: {symbol} is {source['name']} in the source, not {name}")
        labels = [] if segments == "-" else segments.split("|")
        for code in labels:
            if code not in codes:
                errors.append(f"line {number}: unknown segment {code}")
        if len(labels) != len(set(labels)):
            errors.append(f"line {number}: a segment is repeated")
        rows[split].append({
            "name": source["name"], "province": source["area"], "city": "", "county": "", "address": "",
            "industry": source["industry"], "products": "", "scope": "", "stock_code": source["symbol"],
            "source": SOURCES[split][1], "segments": "|".join(labels), "note": note,
        })
    if errors:
        sys.exit("\n".join(errors))
    os.makedirs(OUT, exist_ok=True)
    for split, (name, _) in SOURCES.items():
        prefix = "dev" if split == "D" else "hold"
        with open(os.path.join(OUT, name + ".csv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=HEADER, lineterminator="\n")
            writer.writeheader()
            for i, row in enumerate(rows[split], 1):
                writer.writerow({"id": f"{prefix}-{i:04d}", **row})
        print(f"{name}: {len(rows[split])} rows")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
