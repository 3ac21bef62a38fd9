"""What build_fresh.py and build_products.py share (issue #19): reading a hand-label file, checking its segment codes,
writing a labelled set, and the alternating dev/holdout split. One place, so the sets are read and split alike.

Label file lines: `stratum|key|name|segments|note`, segments `;`-separated (most important first, empty = none).
fresh-labels.txt also has a few older lines with the segments as separate `|` fields (`stratum|key|name|seg1|seg2|note`)
or `,`-separated; both are read as the same list.
"""
import csv
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
EVAL = os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation")
HEADER = "id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(",")


def parse_label_line(line):
    """(stratum, key, name, [segments], note) of one label line, or None for a comment or an empty line."""
    if line.startswith("#") or not line.strip():
        return None
    parts = line.rstrip("\n").split("|")
    if len(parts) < 5:
        raise ValueError(f"not stratum|key|name|segments|note: {line!r}")
    stratum, key, name, note = parts[0], parts[1], parts[2], parts[-1]
    segments = ";".join(parts[3:-1])
    separator = ";" if ";" in segments else ","
    return stratum, key, name, [s for s in segments.split(separator) if s], note


def read_labels(file_name):
    """Every label line of scripts/data/evaluation/<file_name>, parsed; a key twice is an error."""
    rows, seen = [], set()
    with open(os.path.join(ROOT, "scripts", "data", "evaluation", file_name), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            parsed = parse_label_line(line)
            if parsed is None:
                continue
            if parsed[1] in seen:
                raise ValueError(f"{file_name}:{number}: {parsed[1]} twice")
            seen.add(parsed[1])
            rows.append(parsed)
    return rows


def chain_of_segment():
    """Segment code -> chain code, from data/chains/segments.csv."""
    with open(os.path.join(ROOT, "data", "chains", "segments.csv"), encoding="utf-8", newline="") as f:
        return {row["code"]: row["chain"] for row in csv.DictReader(f)}


def check_segments(key, name, segments, chain_of, most=3):
    """An error message when a segment code is unknown or there are more than `most`, else None."""
    unknown = [s for s in segments if s not in chain_of]
    if unknown or len(segments) > most:
        return f"{key} {name}: unknown segment {unknown} or more than {most}"
    return None


def write_labelled(file_name, rows):
    """Writes tests/ChainMap.Tests/Evaluation/labelled/<file_name> (UTF-8, LF) with the labelled sets' header."""
    target = os.path.join(EVAL, "labelled", file_name)
    with open(target, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(rows)
    print(f"{len(rows)} rows -> {target}")


def alternate_split(rows, chain_of):
    """Rows grouped by the chain of their first segment (none = a group of its own), ordered by stock code within a
    group; the 1st, 3rd, 5th ... of each group go to dev, the others to holdout. Returns (dev, holdout), each by id."""
    groups = {}
    for row in sorted(rows, key=lambda r: r[9]):
        first = row[11].split("|")[0]
        groups.setdefault(chain_of[first] if first else "", []).append(row)
    dev, holdout = [], []
    for group in groups.values():
        for i, row in enumerate(group):
            (dev if i % 2 == 0 else holdout).append(row)
    return sorted(dev, key=lambda r: r[0]), sorted(holdout, key=lambda r: r[0])
