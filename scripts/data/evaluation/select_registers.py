#!/usr/bin/env python3
"""Draws the rows of tests/ChainMap.Tests/Evaluation/labelled/registers.csv (issue #19, session 29): register rows of
four province/year files of catseyess/elevencats (Enterprise-Registration-Data/csv, branch csv, commit b3d9025beefd)
that no labelled set had used.

Usage:
  python3 select_registers.py pool <folder> <pool.csv>
      every eligible row, in the labelled sets' columns with empty segments and id = key, for the classifier run
      that part B needs (evaluate-classifier --labelled <dir of pool.csv renamed fresh.csv> --set fresh --mistakes N).
  python3 select_registers.py select <folder> <shown-keys.txt>
      prints `part|key|name` for part A (random) and part B (random among the keys of shown-keys.txt, i.e. the rows the
      classifier of main 20f26fa gives at least one confirmed membership, not already in A). Those keys are kept in
      scripts/data/evaluation/registers-shown-pool.txt.

<folder> holds <year>/<province>.csv of the four FILES below (one `git show` each). Eligible: the row's 所在省份 is the
file's province (31 rows of 2002/湖南 are GBK bytes shifted by two columns in the source: left out), its name is not in
another labelled set (dev, holdout, fresh, products, codes) and not twice in the four files.
Key: `<统一社会信用代码>@<year>/<province>`.
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_files import EVAL  # noqa: E402

FILES = ["2001/安徽", "2002/湖南", "2003/黑龙江", "2004/陕西"]
SOURCE = "catseyess/elevencats:Enterprise-Registration-Data/csv/{}.csv@b3d9025beefd"
SEED = 29
PER_FILE_A = 50
PER_FILE_B = 25


def other_names():
    names = set()
    for s in ["dev", "holdout", "fresh", "products", "codes"]:
        with open(os.path.join(EVAL, "labelled", s + ".csv"), encoding="utf-8", newline="") as f:
            names.update(row["name"] for row in csv.DictReader(f))
    return names


def eligible(folder):
    """{file: [(key, row)]} in file order."""
    taken = other_names()
    seen, out = set(), {}
    for file in FILES:
        province = file.split("/")[1]
        rows = []
        with open(os.path.join(folder, file + ".csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                name = row["企业名称"].strip()
                if row["所在省份"] != province or not name or name in taken or name in seen:
                    continue
                seen.add(name)
                rows.append((f"{row['统一社会信用代码']}@{file}", row))
        out[file] = rows
    return out


def labelled_row(id_, file, row, segments="", note=""):
    return [id_, row["企业名称"].strip(), row["所在省份"], row["地区"], "", row["注册地址"], "", "", row["经营范围"], "",
            SOURCE.format(file), segments, note]


def main(command, folder, path):
    rows = eligible(folder)
    if command == "pool":
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow("id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(","))
            for file, file_rows in rows.items():
                for key, row in file_rows:
                    w.writerow(labelled_row(key, file, row))
        print(f"{sum(len(r) for r in rows.values())} eligible rows -> {path}", file=sys.stderr)
        return
    with open(path, encoding="utf-8") as f:
        shown = {line.strip() for line in f if line.strip()}
    # Two generators, so that part A does not depend on the classifier's output (part B's pool).
    rng_a, rng_b = random.Random(SEED), random.Random(SEED + 1)
    part_a = {file: rng_a.sample(rows[file], PER_FILE_A) for file in FILES}
    a_keys = {key for picked in part_a.values() for key, _ in picked}
    for file in FILES:
        pool_b = [(key, row) for key, row in rows[file] if key in shown and key not in a_keys]
        part_b = rng_b.sample(pool_b, min(PER_FILE_B, len(pool_b)))
        for part, picked in (("A", part_a[file]), ("B", part_b)):
            for key, row in picked:
                print(f"{part}|{key}|{row['企业名称'].strip()}")

if __name__ == "__main__":
    main(*sys.argv[1:4])
