"""Segment mistakes of the classifier by class (issue #19, session 31, ADR 0365).

Usage (after a Release build of the CLI):

    python3 scripts/data/evaluation/segment_classes.py dev [path/to/ChainMap.Cli.dll]

The CLI defaults to src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll of this repository (give /work/wt/base/...
to measure another build). The script copies the labelled set (tests/ChainMap.Tests/Evaluation/labelled/<set>.csv) with
its `segments` column emptied into a temporary folder and runs `evaluate-classifier --labelled <that folder> --set <set>
--mistakes 100000` on it, so that every row is listed with every membership proposed and its evidence (a row labelled
none is a "mistake" as soon as anything is proposed). It then sorts every proposed and every labelled membership into
one class:

- right: the segment is labelled;
- extra beside the right one: a wrong segment of a chain in which a labelled segment was proposed too;
- parent or child of the labelled one: a wrong segment that is the labelled segment's parent or child;
- right chain, wrong segment: another segment of a labelled chain (the pairs proposed -> labelled are listed);
- wrong chain: a segment of a chain the row is not labelled in;
- missed, chain right: a labelled segment not proposed while another segment of its chain was;
- missed, chain missed: a labelled segment of a chain of which nothing was proposed.

Each class is split by chain (专汽 ZQ, 应急装备 YJ, the six others) and, for proposed memberships, by basis: "cell only"
(the industry cell alone supports it: its label guess or code, `独立依据: 行业` and nothing else) or "own words" (the name,
the products or the scope support it). Only for the sets one may tune on (dev, codes-dev, products-dev, registers-dev):
never run it on a holdout, fresh or registers set (tests/ChainMap.Tests/Evaluation/README.md).
"""
import collections
import csv
import os
import re
import subprocess
import sys
import tempfile

from label_files import EVAL, ROOT

NEVER_READ = {"holdout", "codes-holdout", "products-holdout", "fresh", "registers", "registers-random", "registers-shown", "codes", "products"}
LINE = re.compile(r"^(\S+) .* labelled (\S*) got ?(.*)$")
MEMBERSHIP = re.compile(r"([A-Z]+-[A-Z0-9-]+)\((\d\.\d\d): ([^)]*)\)")
GROUPS = ("ZQ", "YJ", "other")


def segments_table():
    with open(os.path.join(ROOT, "data", "chains", "segments.csv"), encoding="utf-8") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


def read_listing(path, ids):
    """{id: [(segment, evidence)]} of the rows the listing names."""
    got = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if m and m.group(1) in ids:
                got[m.group(1)] = [(s, e) for s, _, e in MEMBERSHIP.findall(m.group(3))]
    return got


def classify(rows, got, seg):
    chain = lambda s: seg[s]["chain"]
    classes = collections.defaultdict(collections.Counter)
    pairs = collections.Counter()
    for row_id, row in rows.items():
        truth = [s for s in row["segments"].split("|") if s]
        proposed = got.get(row_id, [])
        names = [s for s, _ in proposed]
        truth_chains = {chain(s) for s in truth}
        for s, evidence in proposed:
            c = chain(s)
            basis = "cell only" if re.search(r"独立依据: 行业 [0-9.]+$", evidence) else "own words"
            if s in truth:
                kind = "right"
            elif c not in truth_chains:
                kind = "wrong chain"
            elif any(x in truth and chain(x) == c for x in names):
                kind = "extra beside the right one"
            elif seg[s]["parent"] in truth or any(seg[t]["parent"] == s for t in truth):
                kind = "parent or child of the labelled one"
            else:
                kind = "right chain, wrong segment"
                pairs[(s, "/".join(t for t in truth if chain(t) == c))] += 1
            group = c if c in GROUPS else "other"
            classes[kind][group] += 1
            classes[kind][basis] += 1
        for t in truth:
            if t in names:
                continue
            kind = "missed, chain right" if any(chain(x) == chain(t) for x in names) else "missed, chain missed"
            classes[kind][chain(t) if chain(t) in GROUPS else "other"] += 1
    return classes, pairs


def listing_of_every_row(set_name, cli, folder):
    """Runs the classifier on the set with its labels emptied: the listing then names every membership it proposes."""
    with open(os.path.join(EVAL, "labelled", set_name + ".csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    blank = os.path.join(folder, set_name + ".csv")
    with open(blank, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        writer.writeheader()
        writer.writerows({**r, "segments": ""} for r in rows)
    listing = os.path.join(folder, "listing.txt")
    with open(listing, "w", encoding="utf-8") as out:
        subprocess.run(["dotnet", cli, "evaluate-classifier", "--labelled", folder, "--set", set_name, "--mistakes", "100000"],
                       stdout=out, check=True, cwd=ROOT)
    return listing


def main(set_name, cli):
    if set_name in NEVER_READ:
        sys.exit(f"{set_name} is never tuned on: read only its headline figures")
    with open(os.path.join(EVAL, "labelled", set_name + ".csv"), encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    seg = segments_table()
    with tempfile.TemporaryDirectory() as folder:
        got = read_listing(listing_of_every_row(set_name, cli, folder), rows)
    classes, pairs = classify(rows, got, seg)
    right = sum(classes["right"][g] for g in GROUPS)
    proposed = sum(classes[k][g] for k in classes if not k.startswith("missed") for g in GROUPS)
    labelled = right + sum(classes[k][g] for k in classes if k.startswith("missed") for g in GROUPS)
    print(f"{set_name}: segment precision {100 * right / max(proposed, 1):.1f} % ({right}/{proposed}), "
          f"recall {100 * right / max(labelled, 1):.1f} % ({right}/{labelled})")
    print(f"| class | all | ZQ | YJ | other | cell only | own words |")
    print(f"| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for kind in ("right", "right chain, wrong segment", "parent or child of the labelled one", "extra beside the right one",
                 "wrong chain", "missed, chain right", "missed, chain missed"):
        c = classes[kind]
        by_basis = "| |" if kind.startswith("missed") else f"| {c['cell only']} | {c['own words']} |"
        print(f"| {kind} | {sum(c[g] for g in GROUPS)} | {c['ZQ']} | {c['YJ']} | {c['other']} {by_basis}")
    print("right chain, wrong segment: proposed -> labelled (count)")
    for (a, b), n in pairs.most_common():
        print(f"  {a} -> {b} ({n})")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else os.path.join(ROOT, "src", "ChainMap.Cli", "bin", "Release", "net10.0", "ChainMap.Cli.dll"))
