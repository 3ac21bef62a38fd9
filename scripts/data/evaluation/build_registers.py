#!/usr/bin/env python3
"""Builds tests/ChainMap.Tests/Evaluation/labelled/registers.csv and its parts registers-random.csv (part A) and
registers-shown.csv (part B) (issue #19, session 29) from the four register files of catseyess/elevencats and
scripts/data/evaluation/registers-labels.txt.

Usage: python3 scripts/data/evaluation/build_registers.py [--set registers-dev] <folder>
<folder> holds <year>/<province>.csv of the set's files (select_registers.SETS) at commit b3d9025beefd. With
`--set registers-dev` it builds labelled/registers-dev.csv (session 30's tuning set, part A only) from
registers-dev-labels.txt; with `--set registers-dev2`, labelled/registers-dev2.csv (session 31's) from
registers-dev2-labels.txt; with `--set registers-dev3`, labelled/registers-dev3.csv (session 32's) from
registers-dev3-labels.txt; with `--set registers-dev4`, labelled/registers-dev4.csv (session 33's) from
registers-dev4-labels.txt; with `--set registers-dev5`, labelled/registers-dev5.csv (session 36's) from
registers-dev5-labels.txt; with `--set registers-dev6`, labelled/registers-dev6.csv (session 37's) from
registers-dev6-labels.txt; with `--set registers-dev7`, labelled/registers-dev7.csv (session 39's) from
registers-dev7-labels.txt; with `--set registers-dev8`, labelled/registers-dev8.csv (session 40's) from
registers-dev8-labels.txt; with `--set registers-dev9`, labelled/registers-dev9.csv (session 41's) from
registers-dev9-labels.txt; with `--set registers-dev10`, labelled/registers-dev10.csv (session 42's) from
registers-dev10-labels.txt; with `--set registers-habits`, labelled/registers-habits.csv (session 42's rows with a
licence habit, ADR 0615) from registers-habits-labels.txt; with `--set registers-dev11`, labelled/registers-dev11.csv
(session 43's) from registers-dev11-labels.txt; with `--set registers-dev12`, labelled/registers-dev12.csv (session 44's) from registers-dev12-labels.txt; with `--set registers-dev13`,
labelled/registers-dev13.csv (session 45's) from registers-dev13-labels.txt; with `--set registers-dev14`,
labelled/registers-dev14.csv (session 46's) from registers-dev14-labels.txt; with `--set registers-dev15`,
labelled/registers-dev15.csv (session 47's) from registers-dev15-labels.txt; with `--set registers-dev16`,
labelled/registers-dev16.csv (session 48's) from registers-dev16-labels.txt. Checks: every key exists in its
file with the same name, every segment code is defined in data/chains/segments.csv, no key twice. The sampling is
select_registers.py; the README (Evaluation/README.md, "The registers set") says how the rows were drawn and labelled.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_files import chain_of_segment, check_segments, read_labels, write_labelled  # noqa: E402
from select_registers import SOURCE, labelled_row, set_arguments  # noqa: E402


def main(spec, folder):
    source = {}
    for file in spec["files"]:
        with open(os.path.join(folder, file + ".csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                source[f"{row['统一社会信用代码']}@{file}"] = (file, row)
    chain_of = chain_of_segment()
    rows = {"A": [], "B": []}
    every = []
    # the tuning sets (part A only) are one file each, named after their labels file; registers has its two parts
    tuning = spec["labels"].removesuffix("-labels.txt") if spec["per_file_b"] == 0 else None
    prefix = {"registers-dev": "regdev", "registers-dev2": "regdev2", "registers-dev3": "regdev3",
              "registers-dev4": "regdev4", "registers-dev5": "regdev5",
              "registers-dev6": "regdev6", "registers-dev7": "regdev7",
              "registers-dev8": "regdev8", "registers-dev9": "regdev9", "registers-dev10": "regdev10", "registers-habits": "reghab", "registers-dev11": "regdev11", "registers-dev12": "regdev12", "registers-dev13": "regdev13", "registers-dev14": "regdev14", "registers-dev15": "regdev15", "registers-dev16": "regdev16"}.get(tuning, "reg")
    for part, key, name, segs, note in read_labels(spec["labels"]):
        file, row = source.get(key, (None, None))
        if row is None or row["企业名称"].strip() != name:
            sys.exit(f"{key} {name}: not in the source or the name differs")
        if error := check_segments(key, name, segs, chain_of):
            sys.exit(error)
        out = labelled_row(f"{prefix}-{len(every) + 1:04d}", file, row, "|".join(segs), f"{part}; {note}")
        every.append(out)
        rows[part].append(out)
    if tuning:
        write_labelled(tuning + ".csv", every)
        return
    write_labelled("registers.csv", every)
    write_labelled("registers-random.csv", rows["A"])
    write_labelled("registers-shown.csv", rows["B"])


if __name__ == "__main__":
    spec, arguments = set_arguments(sys.argv[1:])
    main(spec, *arguments)
