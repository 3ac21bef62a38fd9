#!/usr/bin/env python3
"""Usage: name-only-places.py WORKTREE LIST.csv...  (absolute paths; ADR 0690)

Imports each list twice into fresh stores: with its name and region columns (企业名称, 所在省份/地区/注册地址 or 省份/城市/区县,
股票代码 where present), and with 企业名称 alone; for the rows the name alone placed, by the 集团/公司 rule (group) or the
name-start rule (prefix), counts those whose place contains the place the full row gives (right) and those outside it (wrong).
"""
import csv, sys, os, subprocess, sqlite3, re, collections
wt = sys.argv[1]
files = sys.argv[2:]
cli = f"{wt}/src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll"
regions = {r["code"]: r for r in csv.DictReader(open(f"{wt}/data/regions.csv", encoding="utf-8"))}
def lineage(c):
    out = []
    while c and c in regions:
        out.append(c); c = regions[c]["parent_code"]
    return out
def run(path, store):
    subprocess.run(["rm", "-rf", store])
    env = dict(os.environ, Storage__SeedDemoData="false")
    subprocess.run(["dotnet", cli, "import", "companies", path, "--store", store, "--report", store + ".report.csv"], cwd=wt, env=env, capture_output=True)
    return store + ".report.csv"
tot = collections.Counter()
for f in files:
    rows = list(csv.DictReader(open(f, encoding="utf-8")))
    base = os.path.splitext(f)[0]
    cols = [c for c in ["企业名称", "所在省份", "地区", "注册地址", "省份", "城市", "区县", "股票代码"] if c in rows[0]]
    with open(base + ".truth.csv", "w", encoding="utf-8", newline="") as o:
        w = csv.writer(o); w.writerow(cols); [w.writerow([r[c] for c in cols]) for r in rows]
    with open(base + ".names.csv", "w", encoding="utf-8", newline="") as o:
        w = csv.writer(o); w.writerow(["企业名称"]); [w.writerow([r["企业名称"]]) for r in rows]
    run(base + ".truth.csv", base + ".truth")
    rep = run(base + ".names.csv", base + ".names")
    truth = {}
    for name, code in sqlite3.connect(base + ".truth/chainmap.db").execute("select name, region_code from company"):
        truth.setdefault(name, set()).add(code)
    named = dict(sqlite3.connect(base + ".names/chainmap.db").execute("select name, region_code from company"))
    group = [p for p in csv.DictReader(open(rep, encoding="utf-8-sig")) if "a group's branch" in p["reason"]]
    prefix = [p for p in csv.DictReader(open(rep, encoding="utf-8-sig")) if "the place its name starts with" in p["reason"]]
    for kind, probs in (("group", group), ("prefix", prefix)):
        right = wrong = unknown = 0
        for p in probs:
            n = p["value"]; placed = named.get(n); t = truth.get(n)
            if not t or not placed or len(t) > 1:
                unknown += 1; continue
            t = next(iter(t))
            if placed in lineage(t): right += 1
            else:
                wrong += 1
                if kind == "group": print("  WRONG", n, "rule:", regions[placed]["name"], "columns:", " ".join(regions[c]["name"] for c in reversed(lineage(t))))
            if kind == "group" and placed in lineage(t): print("  right", n, "->", regions[placed]["name"])
        print(f"{os.path.basename(f)} {kind}: rows {len(rows)}, fired {len(probs)}, right {right}, wrong {wrong}, unknown {unknown}")
        tot[(kind, "fired")] += len(probs); tot[(kind, "right")] += right; tot[(kind, "wrong")] += wrong; tot[(kind, "unknown")] += unknown
print(dict(tot))
