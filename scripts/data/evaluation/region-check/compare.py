# Compares where ChainMap placed each company (store) with the region digits of its USCC (truth, not given to the import).
import os, csv, sqlite3, sys, collections
regions = {}
def load_regions(db):
    for code, name, level, parent in sqlite3.connect(db).execute("select code,name,level,parent_code from region"):
        regions[code] = (name, level, parent)
def name(c): return regions.get(c, ("?",))[0] if c else "-"
# HISTORY=<region-history.csv>: judge a retired truth code by its successor (a code retired twice with two successors: not).
history = {}
if os.environ.get("HISTORY"):
    succ = collections.defaultdict(set)
    for h in csv.DictReader(open(os.environ["HISTORY"], encoding="utf-8")): succ[h["code"]].add(h["successor_code"])
    history = {c: next(iter(s)) for c, s in succ.items() if len(s) == 1}
tot = collections.Counter(); examples = collections.defaultdict(list)
for p in sys.argv[1:]:
    db = "st-%s-%s/chainmap.db" % (os.environ.get("TAG", "v"), p); load_regions(db)
    placed = {n: (pc, cc, kc) for n, pc, cc, kc in sqlite3.connect(db).execute("select name,province_code,city_code,county_code from company")}
    for t in csv.DictReader(open(f"truth-{p}.csv", encoding="utf-8")):
        u = t["uscc_region"]; got = placed.get(t["name"])
        tot["rows"] += 1
        if got is None: tot["not imported"] += 1; examples["not imported"].append((p, t)); continue
        pc, cc, kc = got
        if u[:2] != (pc or "")[:2]: tot["province wrong"] += 1; examples["province wrong"].append((p, t, got)); continue
        tot["province right"] += 1
        if u[2:4] == "00": continue
        if u[4:6] != "00" and u not in regions and u in history:
            # A retired code's truth is the division its territory is in now (HISTORY=data/region-history.csv).
            tot["truth code retired, successor judged"] += 1; u = history[u]
        tc = u[:4] + "00"
        if u[4:6] != "00" and u not in regions: tot["truth code retired"] += 1; continue
        if tc not in regions: tot["truth city unknown"] += 1; continue
        tot["city judged"] += 1
        if cc == tc: tot["city right"] += 1
        elif cc is None: tot["city missing"] += 1; examples["city missing"].append((p, t, got))
        else: tot["city wrong"] += 1; examples["city wrong"].append((p, t, got))
        if u[4:6] == "00": continue
        if u not in regions or regions[u][1] != "county": tot["truth county not a county now"] += 1; continue
        tot["county judged"] += 1
        if kc == u: tot["county right"] += 1
        elif kc is None: tot["county missing"] += 1; examples["county missing"].append((p, t, got))
        else: tot["county wrong"] += 1; examples["county wrong"].append((p, t, got))
for k, v in tot.items(): print(f"{k:32} {v}")
def pct(a, b): return f"{100*tot[a]/max(1,tot[b]):.1f} %"
print("city right / judged", pct("city right", "city judged"), " county right / judged", pct("county right", "county judged"))
k = sys.stdin.isatty()
import random
for cls in ["not imported", "province wrong", "city wrong", "city missing", "county wrong", "county missing"]:
    ex = examples[cls]; random.Random(1).shuffle(ex)
    print(f"\n== {cls} ({len(ex)})")
    for e in ex[:int(__import__('os').environ.get('N', '12'))]:
        p, t = e[0], e[1]; got = e[2] if len(e) > 2 else None
        print(" ", p, t["uscc_region"], name(t["uscc_region"]), "|", t["area"], "|", t["address"][:40], "| got:", got and "/".join(name(c) for c in got), "|", t["name"][:24])
