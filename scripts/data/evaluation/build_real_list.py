#!/usr/bin/env python3
"""Converts a Tushare stock_basic CSV (ts_code,symbol,name,area,industry,...) into the raw real list used by
the import end-to-end tests: UTF-8 without BOM, Chinese headers, values exactly as the source writes them.

Usage: python3 scripts/data/evaluation/build_real_list.py <stock_basic.csv> <out.csv>
Then: iconv -f UTF-8 -t GB18030 <out.csv> > <out.gb18030.csv>"""
import csv
import sys

COLUMNS = [("企业名称", "name"), ("股票代码", "symbol"), ("省份", "area"), ("所属行业", "industry")]


def main(source, target):
    with open(source, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(target, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([header for header, _ in COLUMNS])
        for row in rows:
            writer.writerow([row[field] for _, field in COLUMNS])
    print(f"{target}: {len(rows)} rows")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
