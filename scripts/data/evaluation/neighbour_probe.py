#!/usr/bin/env python3
"""ADR 0680's probe: would the labelled companies themselves, as nearest neighbours, add right chains to the rule classifier?

Runs `evaluate-classifier --set S --mistakes 100000` for every labelled set (the rows not listed as mistakes got exactly their
labels), represents every labelled row by TF-IDF weighted character bigrams of its name (company-form words removed), industry
cell and products + the first 300 characters of its scope, and for every row finds its nearest rows in the OTHER sets (never its
own set, never a row of the same name). A chain is added to the rules' chains when the neighbours holding it carry at least
`theta` of the neighbours' similarity and the nearest neighbour is at least `smin` similar; a veto removes a rules' chain that
near neighbours (all at least `vmin` similar) do not hold. Prints chain precision / recall over the sets one may tune on and over
the never-tuned sets, and registers-dev13 apart (labelled after the settings were chosen), for the rules alone and for each setting.

Usage (from the repository root, after `dotnet build -c Release ChainMap.sln`):
  python3 scripts/data/evaluation/neighbour_probe.py
"""
import collections
import csv
import math
import os
import re
import subprocess

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
LABELLED = os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation", "labelled")
CLI = os.path.join(ROOT, "src", "ChainMap.Cli", "bin", "Release", "net10.0", "ChainMap.Cli.dll")
# Every set once (codes, products and registers are unions of the sets listed here).
TUNE = ("dev codes-dev products-dev modern-dev registers-dev registers-dev2 registers-dev3 registers-dev4 registers-dev5 "
        "registers-dev6 registers-dev7 registers-dev8 registers-dev9 registers-dev10 registers-dev11 registers-dev12 "
        "registers-habits").split()
NEVER = "holdout fresh codes-holdout products-holdout products-blind modern-holdout modern-blind registers-random registers-shown".split()
# Labelled after the probe's settings were chosen (session 45): a blind check of them, reported apart.
BLIND = ["registers-dev13"]
FORM = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团|分公司|公司|厂|股份|中国)")
PREDICTED = re.compile(r" ([A-Z]{2,3}(?:-[A-Z0-9]+)*)\([01]\.\d\d:")


def read_rows():
    chain_of = {r["code"]: r["chain"] for r in csv.DictReader(open(os.path.join(ROOT, "data", "chains", "segments.csv"), encoding="utf-8"))}
    rows = []
    for name in TUNE + NEVER + BLIND:
        out = subprocess.run(["dotnet", CLI, "evaluate-classifier", "--set", name, "--mistakes", "100000"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
        predicted = {}
        for line in out.splitlines():
            m = re.match(r"^(\S+) .* labelled (\S+) got(.*)$", line)
            if m:
                predicted[m.group(1)] = {chain_of.get(c, c) for c in PREDICTED.findall(m.group(3))}
        for r in csv.DictReader(open(os.path.join(LABELLED, name + ".csv"), encoding="utf-8")):
            truth = {chain_of[s] for s in r["segments"].split("|") if s}
            rows.append(dict(set=name, name=r["name"], row=r, truth=truth, rules=predicted.get(r["id"], truth)))
    return rows


def bigrams(row):
    f = collections.Counter()
    for weight, prefix, text in ((2.0, "n", FORM.sub(" ", row["name"])), (1.0, "i", row["industry"] or ""),
                                 (1.0, "t", (row["products"] or "") + " " + (row["scope"] or "")[:300])):
        for part in re.sub(r"[^\u4e00-\u9fff]+", " ", text).split():
            for i in range(len(part) - 1):
                f[prefix + part[i:i + 2]] += weight
    return f


def attach_neighbours(rows, k=10):
    counts = [bigrams(r["row"]) for r in rows]
    df = collections.Counter(key for c in counts for key in c)
    vectors = []
    for c in counts:
        v = {key: n * math.log(len(rows) / df[key]) for key, n in c.items() if df[key] > 1}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({key: x / norm for key, x in v.items()})
    postings = collections.defaultdict(list)
    for i, v in enumerate(vectors):
        for key, x in v.items():
            postings[key].append((i, x))
    for i, r in enumerate(rows):
        scores = collections.Counter()
        for key, x in vectors[i].items():
            for j, y in postings[key]:
                scores[j] += x * y
        r["near"] = [(s, rows[j]) for j, s in scores.most_common()
                     if rows[j]["set"] != r["set"] and rows[j]["name"] != r["name"]][:k]


def measure(rows, k=0, theta=None, smin=0.0, veto_k=0, vmin=0.0):
    totals = {"tune": [0, 0, 0], "never": [0, 0, 0], "dev13": [0, 0, 0]}
    added = [0, 0]
    for r in rows:
        chains = set(r["rules"])
        near = r["near"][:k]
        if theta is not None and near and near[0][0] >= smin:
            kept = [(s, o) for s, o in near if s >= smin / 2]
            weight = sum(s for s, _ in kept) or 1.0
            share = collections.Counter()
            for s, o in kept:
                for c in o["truth"]:
                    share[c] += s / weight
            new = {c for c, v in share.items() if v >= theta} - chains
            added[0] += len(new & r["truth"])
            added[1] += len(new)
            chains |= new
        if veto_k:
            near = r["near"][:veto_k]
            if near and min(s for s, _ in near) >= vmin:
                chains = {c for c in chains if any(c in o["truth"] for _, o in near)}
        t = totals["dev13" if r["set"] in BLIND else "tune" if r["set"] in TUNE else "never"]
        t[0] += len(chains & r["truth"])
        t[1] += len(chains)
        t[2] += len(r["truth"])
    return totals, added


def line(label, result):
    totals, added = result
    pr = "  ".join(f"{g}: P {100 * a / max(1, p):.1f} R {100 * a / max(1, t):.1f}" for g, (a, p, t) in totals.items())
    return f"{label:<34} {pr}" + (f"  added {added[0]}/{added[1]} right" if added[1] else "")


def main():
    rows = read_rows()
    attach_neighbours(rows)
    print(f"{len(rows)} labelled rows; chain level")
    print(line("rules", measure(rows)))
    for k, theta, smin in ((10, 0.8, 0.5), (5, 0.6, 0.5), (10, 0.6, 0.4), (10, 0.5, 0.3), (10, 0.5, 0.2)):
        print(line(f"rules + neighbours k={k} θ={theta} s≥{smin}", measure(rows, k, theta, smin)))
    for veto_k, vmin in ((3, 0.3), (3, 0.5), (5, 0.4)):
        print(line(f"rules − veto k={veto_k} s≥{vmin}", measure(rows, veto_k=veto_k, vmin=vmin)))


if __name__ == "__main__":
    main()
