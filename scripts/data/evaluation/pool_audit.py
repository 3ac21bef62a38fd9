#!/usr/bin/env python3
"""Draws and scores the pool audit of session 46 (issue #19, ADR 0710): how often a membership the classifier proposes is right on
register rows that no labelled set uses (tests/ChainMap.Tests/Evaluation/audits/README.md).

Usage:
  python3 pool_audit.py pool <folder> <pool.csv> <prefix> <year/province> ...
      every eligible row of the files (<folder>/<year>/<province>.csv, one `git show` each) in the labelled sets' columns with
      empty segments, id <prefix>-00001...: the row's 所在省份 is the file's province, its name is in no labelled set and not
      twice in the files (as select_registers.py). Session 46's second pool (/work/pool46b.csv, s46-audit2) was
      `pool <folder> pool46b.csv pool46b 2003/浙江 2003/江苏 2004/河北 2003/广东 2002/上海 2001/四川 2004/天津 2000/辽宁`. Session 47's
      stratified pool (s47-raudit, ADR 0750) was `pool <folder> fresh.csv rpool47 <every 1994–2000 file with 0 git-grep hits>
      2001/西藏 2002/西藏 2003/西藏 2004/西藏 1999/江苏 1999/广东 1999/上海 1999/浙江 1999/山东 1999/北京 1999/福建 1999/四川 1999/辽宁`
      (the 46 files: audits/README.md).
  python3 pool_audit.py codes <stock_industry.csv> <company_info.csv> <folder> <pool.csv> <prefix>
      listed companies of the codes set's kind that no labelled set uses (session 47, s47-caudit, ADR 0745): every company of
      the Tushare export (T) whose full name is the exact 企业名称 of a registration row (E, <folder>/<year>/<province>.csv, the
      first such row in file order, as select_codes.py) and which has a CSRC industry in baostock (B), whose stock code, short
      name and full name are in no labelled set (every csv under labelled/, the codes sets included), built as build_codes.py
      builds the codes set's listed rows (industry = B's CSRC industry, stock_code, E's name/province/city/address/scope), ids
      <prefix>-00001... in stock-code order. Session 47's pool (/work/cpool47dir/fresh.csv) was
      `codes stock_industry.csv company_info.csv <folder> fresh.csv cpool47`.
  python3 pool_audit.py products-pool <data.sql> <pool.csv> <prefix>
      every company of the products source P (data.sql inside SOVLOOKUP/ChainKnowledgeGraph-sql's data.zip at commit 9587d889669f)
      with a 申万 industry and at least one product whose stock code, short name and full name are in no labelled set (every
      labelled/*.csv, as select_products_blind.taken), in stock-code order, as rows in the products sets' columns (name = full name,
      province from D, industry, products as build_products.py writes them) with empty segments, id <prefix>-00001...
      Session 47's products pool (/work/ppool47dir/fresh.csv, s47-paudit) was `products-pool data.sql fresh.csv ppool47`.
  python3 pool_audit.py draw <pool.csv> <output.txt> [n] [seed]
      <output.txt> is `evaluate-classifier --labelled <dir holding pool.csv as fresh.csv> --set fresh --mistakes 100000` of the build
      audited: every row is labelled none, so every proposal is printed. A membership is one segment code, or one chain code (a
      chain-level membership, 环节待定), on a row's line. Draws n (default 150) with random.Random(seed) (default 46) and prints them as the audit
      file's rows with the judgement columns empty. The second audit (pool46b) drew 200 with seed 4646.
  python3 pool_audit.py draw-strata <pool.csv> <output.txt> <n per chain> <seed> [--chains ZQ=40,XNY=40,...] [--exclude <audit.csv>,...]
      the stratified draw of session 47 (s47-raudit, ADR 0750): the memberships are split by chain (the chain of the membership's
      code: ZQ, YJ, NC, SW, DZ, HG, XNY, FW, in that order) and n of each stratum are drawn with one random.Random(seed), stratum by
      stratum (`rng.sample` of the stratum in the output's order); prints the audit rows and, on stderr, each stratum's size (its
      memberships, and its segment memberships). rpool47 drew 25 per chain with seed 4750.
  python3 pool_audit.py strata <pool.csv> <output.txt>
      each stratum's size on a build's output, as `--strata` and `--seg-strata` want them.
  python3 pool_audit.py misses <pool.csv> <output.txt> [n] [seed]
      the other half (session 47, s47-miss, ADR 0760): the pool's rows on which the build audited proposes NO membership (rows of
      pool.csv with no line in <output.txt>, as for `draw`), n of them (default 150) drawn with random.Random(seed) (default 4760)
      from the unplaced rows in pool order, printed in pool order as the miss-audit file's rows (id, name, industry) with the
      judgement columns (chains, segments, 难判, reason) empty. Session 47's miss audit: `misses fresh.csv <base output> 150 4760`.
  python3 pool_audit.py placed <pool.csv> <output.txt> [n] [seed]
      the placed half (session 48, s48-pmiss, ADR 0785): n rows (default 50) that DO get a membership, drawn with
      random.Random(seed) (default 4785) from them in pool order, printed in pool order with the proposed codes and empty columns
      missed_chains, missed_segments, 难判, reason: does a placed row miss a second chain it plainly has (what missscore does not
      count)? Session 48's: `placed fresh.csv <base output> 50 4785`.
  python3 pool_audit.py missscore <misses.csv> <pool.csv> <output.txt> <audit.csv>
      the share of unplaced rows that belong to a chain (Wilson 95 %), chains per row and per-chain counts of the judged sample;
      then the pool's chain-recall estimate: right proposed chain memberships (proposed chains of <output.txt> × the chain
      precision of <audit.csv>) over those plus the estimated missed ones (unplaced rows × the sample's chains per unplaced row).
      Misses on rows that got some membership are not counted, so the estimate is an upper bound.
  python3 pool_audit.py score <audit.csv> [--strata ZQ=801,YJ=269,... --seg-strata ZQ=...,...] [--after-strata ... --after-seg-strata ...]
      chain- and segment-level precision of the judged sample with Wilson 95 % intervals, overall and per chain with >= 10; when
      the file has an `after` column (`kept`, or `dropped: <rule>` for a membership a later build no longer proposes), also of the
      kept memberships (an `after` of `now <code>, chain <y|n>, segment <y|n>` is a sampled membership a later build proposes under
      another code, judged again: counted with its new code). With --strata (the pool's memberships per chain; --seg-strata its segment memberships per chain) the sample is
      read as stratified: every chain is printed, and the overall figure is the strata's precisions weighted by their shares of the
      pool's memberships, sum(N_h/N * k_h/n_h), with a 95 % interval by the stratified normal approximation,
      +-1.96 * sqrt(sum((N_h/N)^2 * q_h(1-q_h)/(n_h+4) * (1 - n_h/N_h))), where q_h = (k_h+2)/(n_h+4) (Agresti-Coull, so a stratum
      judged all right still adds its uncertainty). The after figures weight by --after-strata / --after-seg-strata when given.
"""
import csv
import math
import os
import random
import re
import sys

# a row's line: `<id> <name> [<industry>] labelled none got ...`; the industry is empty for a register row (pool46, pool46b, rpool47),
# `C36汽车制造业` for a listed company of the codes pool (ids cpool47-...), a 申万 name for one of the products pool (ppool47-...)
LINE = re.compile(r"^([cpr]?pool\w*-\d+) (.*?) \[[^\]]*\] labelled none got (.*)$")
CHAINS = ["ZQ", "YJ", "NC", "SW", "DZ", "HG", "XNY", "FW"]
# a segment code may hold digits (XNY-H2, XNY-H2SRC, ZQ-NEV3E): before session 48 (s48-lxny, ADR 0790) the pattern was
# `[A-Z]+(?:-[A-Z]+)*`, which skipped those memberships, so the draws of sessions 46-47 never held one of them
MEMBERSHIP = re.compile(r"(?:^| )([A-Z]+(?:-[A-Z0-9]+)*)\((\d\.\d\d):")
COLUMNS = ["id", "name", "membership", "confidence", "chain_right", "segment_right", "reason"]


def memberships(output_path):
    found = []
    with open(output_path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if not m:
                continue
            row_id, name, got = m.groups()
            # a membership is `CODE(0.nn: evidence)`; the evidence names no code in that shape (3,027 on the base build, as its report)
            for code, conf in MEMBERSHIP.findall(got):
                found.append((row_id, name, code, conf))
    return found


def wilson(k, n, z=1.96):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)


def pool(folder, out_path, prefix, files):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from select_registers import SOURCE, labelled_row  # noqa: E402
    from label_files import EVAL  # noqa: E402
    taken = set()
    for name in sorted(os.listdir(os.path.join(EVAL, "labelled"))):
        with open(os.path.join(EVAL, "labelled", name), encoding="utf-8", newline="") as f:
            taken.update(row["name"] for row in csv.DictReader(f))
    seen, n = set(), 0
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow("id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(","))
        for file in files:
            with open(os.path.join(folder, file + ".csv"), encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    name = row["企业名称"].strip()
                    if row["所在省份"] != file.split("/")[1] or not name or name in taken or name in seen:
                        continue
                    seen.add(name)
                    n += 1
                    w.writerow(labelled_row(f"{prefix}-{n:05d}", file, row))
    print(f"{n} rows -> {out_path}", file=sys.stderr)


def codes_pool(csrc_path, basic_path, folder, out_path, prefix):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from codes_source import load_basic, load_csrc, read_registrations, registration_files  # noqa: E402
    from build_codes import B, E, T  # noqa: E402
    from select_products_blind import taken  # noqa: E402
    csrc, basic = load_csrc(csrc_path), load_basic(basic_path)
    codes, names = taken(own=None)
    found, seen = [], set()
    for key, path in registration_files(folder):
        for row in read_registrations(path):
            name = row["企业名称"]
            b = basic.get(name)
            if not b or name in seen:
                continue
            seen.add(name)
            code = b["symbol"]
            if code not in codes and name not in names and b["name"] not in names and csrc.get(code):
                found.append((code, key, row))
    found.sort(key=lambda f: f[0])
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow("id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(","))
        for n, (code, key, row) in enumerate(found, 1):
            w.writerow([f"{prefix}-{n:05d}", row["企业名称"], row["所在省份"], row["地区"], "", row["注册地址"], csrc[code], "",
                        row["经营范围"], code, f"{E.format(key)} + {B} + {T}", "", ""])
    print(f"{len(found)} companies -> {out_path}", file=sys.stderr)

def products_pool(data_sql, out_path, prefix):
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from build_products import MAX_PRODUCTS, SOURCE  # noqa: E402
    from label_files import EVAL  # noqa: E402
    from products_source import load_companies  # noqa: E402
    from select_products_blind import taken  # noqa: E402
    codes, names = taken(own=None)
    with open(os.path.join(EVAL, "real-lists", "a-shares-2026-01.csv"), encoding="utf-8", newline="") as f:
        province = {row["股票代码"]: row["省份"] for row in csv.DictReader(f)}
    eligible = sorted((c for c in load_companies(data_sql)
                       if c["industry"] and c["products"] and c["code"] not in codes
                       and c["name"] not in names and c["fullname"] not in names), key=lambda c: c["code"])
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow("id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(","))
        for n, c in enumerate(eligible, 1):
            w.writerow([f"{prefix}-{n:05d}", c["fullname"], province.get(c["code"], ""), "", "", "", c["industry"],
                        "、".join(p for p, _ in c["products"][:MAX_PRODUCTS]), "", c["code"], SOURCE, "", ""])
    print(f"{len(eligible)} rows -> {out_path}", file=sys.stderr)


def draw(pool_path, output_path, n, seed=46):
    rows = {r["id"]: r for r in csv.DictReader(open(pool_path, encoding="utf-8"))}
    found = [m for m in memberships(output_path) if m[0] in rows]
    sample = sorted(random.Random(seed).sample(found, n), key=lambda m: (m[0], m[2]))
    print(f"{len(found)} memberships on {len({m[0] for m in found})} rows; drawn {n}", file=sys.stderr)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(COLUMNS)
    for row_id, name, code, conf in sample:
        w.writerow([row_id, name, code, conf, "", "", ""])


def draw_strata(pool_path, output_path, n, seed, chains=None, exclude=()):
    """chains: [(chain, n)] to draw, in that order (default every chain, n each); exclude: audit csvs whose (id, membership) pairs are
    left out of the draw (memberships an earlier audit of the pool judged)."""
    rows = {r["id"]: r for r in csv.DictReader(open(pool_path, encoding="utf-8"))}
    seen = {(r["id"], r["membership"]) for path in exclude for r in csv.DictReader(open(path, encoding="utf-8"))}
    found = [m for m in memberships(output_path) if m[0] in rows]
    left = [m for m in found if (m[0], m[2]) not in seen]
    if seen:
        print(f"{len(found) - len(left)} memberships left out as judged before ({len(seen)} listed)", file=sys.stderr)
    found = left
    rng = random.Random(seed)
    sample = []
    for chain, n in chains or [(c, n) for c in CHAINS]:
        stratum = [m for m in found if m[2].split("-")[0] == chain]
        seg = sum("-" in m[2] for m in stratum)
        print(f"{chain}: {len(stratum)} memberships ({seg} segment) on {len({m[0] for m in stratum})} rows", file=sys.stderr)
        sample += rng.sample(stratum, min(n, len(stratum)))
    print(f"{len(found)} memberships on {len({m[0] for m in found})} rows; drawn {len(sample)}", file=sys.stderr)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(COLUMNS)
    for row_id, name, code, conf in sorted(sample, key=lambda m: (m[0], m[2])):
        w.writerow([row_id, name, code, conf, "", "", ""])


def strata(pool_path, output_path):
    rows = {r["id"]: r for r in csv.DictReader(open(pool_path, encoding="utf-8"))}
    found = [m for m in memberships(output_path) if m[0] in rows]
    chain = {c: sum(m[2].split("-")[0] == c for m in found) for c in CHAINS}
    seg = {c: sum(m[2].split("-")[0] == c and "-" in m[2] for m in found) for c in CHAINS}
    print(f"{len(found)} memberships ({sum(seg.values())} segment) on {len({m[0] for m in found})} rows")
    print("--strata " + ",".join(f"{c}={chain[c]}" for c in CHAINS))
    print("--seg-strata " + ",".join(f"{c}={seg[c]}" for c in CHAINS))


def weighted(parts, sizes):
    """parts: chain -> (k, n) judged; sizes: chain -> N_h in the pool. Strata with no judged membership are left out (and said)."""
    used = [c for c in sizes if sizes[c] > 0 and parts.get(c, (0, 0))[1] > 0]
    total = sum(sizes[c] for c in used)
    p = sum(sizes[c] / total * parts[c][0] / parts[c][1] for c in used)
    var = 0.0
    for c in used:
        k, n = parts[c]
        q = (k + 2) / (n + 4)
        var += (sizes[c] / total) ** 2 * q * (1 - q) / (n + 4) * max(0.0, 1 - n / sizes[c])
    h = 1.96 * math.sqrt(var)
    left = [c for c in sizes if sizes[c] > 0 and c not in used]
    return p, max(0.0, p - h), min(1.0, p + h), total, left

MISS_COLUMNS = ["id", "name", "industry", "chains", "segments", "难判", "reason"]


def unplaced(pool_path, output_path):
    rows = list(csv.DictReader(open(pool_path, encoding="utf-8")))
    placed = {m[0] for m in memberships(output_path)}
    return rows, [r for r in rows if r["id"] not in placed]


def drawn_in_pool_order(rows, eligible, n, seed):
    """n of the eligible rows drawn with random.Random(seed), in the pool's order."""
    order = {r["id"]: i for i, r in enumerate(rows)}
    return sorted(random.Random(seed).sample(eligible, n), key=lambda r: order[r["id"]])


def misses(pool_path, output_path, n, seed=4760):
    rows, left = unplaced(pool_path, output_path)
    sample = drawn_in_pool_order(rows, left, n, seed)
    print(f"{len(rows)} rows, {len(left)} with no membership; drawn {n}", file=sys.stderr)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(MISS_COLUMNS)
    for r in sample:
        w.writerow([r["id"], r["name"], r["industry"], "", "", "", ""])


PLACED_COLUMNS = ["id", "name", "industry", "proposed", "missed_chains", "missed_segments", "难判", "reason"]


def placed(pool_path, output_path, n, seed=4785):
    """The placed half (session 48, s48-pmiss, ADR 0785): n of the rows that got some membership, drawn with random.Random(seed)
    from them in pool order, printed in pool order with the proposed codes (distinct, in the output's order); the judge fills
    missed_chains / missed_segments with a chain the row plainly has and the build does not propose (empty = none missed)."""
    rows = list(csv.DictReader(open(pool_path, encoding="utf-8")))
    codes = {}
    for row_id, _, code, _ in memberships(output_path):
        codes.setdefault(row_id, [])
        if code not in codes[row_id]:
            codes[row_id].append(code)
    got = [r for r in rows if r["id"] in codes]
    sample = drawn_in_pool_order(rows, got, n, seed)
    print(f"{len(rows)} rows, {len(got)} with a membership; drawn {n}", file=sys.stderr)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(PLACED_COLUMNS)
    for r in sample:
        w.writerow([r["id"], r["name"], r["industry"], "|".join(codes[r["id"]]), "", "", "", ""])


def chain_memberships(output_path):
    # proposed chain memberships: distinct chains on a row (a segment code counts for its chain, as the audit's chain level)
    return {(m[0], m[2].split("-")[0]) for m in memberships(output_path)}


def missscore(misses_path, pool_path, output_path, audit_path):
    judged = list(csv.DictReader(open(misses_path, encoding="utf-8")))
    rows, left = unplaced(pool_path, output_path)
    n = len(judged)
    member = [r for r in judged if r["chains"].strip()]
    chains = [c for r in judged for c in r["chains"].split("|") if c]
    print(f"unplaced rows: {len(left)} of {len(rows)}; judged {n}")
    print(line("in chain", len(member), n))
    print(line("难判", sum(r["难判"] == "y" for r in judged), n))
    print(f"chains per unplaced row {len(chains) / n:.3f} ({len(chains)} chain memberships on {len(member)} rows)")
    for c in sorted(set(chains)):
        k = chains.count(c)
        print(line(c, k, n) + f"  -> ~{len(left) * k / n:.0f} unplaced rows of the pool")
    audit = list(csv.DictReader(open(audit_path, encoding="utf-8")))
    # chain precision of the audit's memberships (a row's two memberships of one chain are two draws, as the audit scores them)
    prec = sum(r["chain_right"] == "y" for r in audit) / len(audit)
    proposed = len(chain_memberships(output_path))
    right = proposed * prec
    missed = len(left) * len(chains) / n
    lo, hi = wilson(len(member), n)
    print(f"proposed chain memberships {proposed} x audit chain precision {100 * prec:.1f} % = {right:.0f} right")
    print(f"missed on unplaced rows ~{missed:.0f} ({len(left)} x {len(chains) / n:.3f})")
    print(f"chain recall <= {100 * right / (right + missed):.1f} % (misses on placed rows not counted: an upper bound)")
    # the same with the Wilson ends of the in-chain share (chains per member row held)
    per = len(chains) / max(1, len(member))
    for label, share in (("low", hi), ("high", lo)):
        m = len(left) * share * per
        print(f"  with the in-chain share at its Wilson {'upper' if label == 'low' else 'lower'} end {100 * share:.1f} %:"
              f" recall {100 * right / (right + m):.1f} %")


def line(label, k, n):
    lo, hi = wilson(k, n)
    return f"{label:<10} {k:>4}/{n:<4} {100 * k / n:5.1f} %  [{100 * lo:4.1f}, {100 * hi:4.1f}]"


def sizes_arg(args, flag):
    if flag not in args:
        return None
    return {c: int(v) for c, v in (kv.split("=") for kv in args[args.index(flag) + 1].split(","))}


def score(audit_path, args=()):
    rows = list(csv.DictReader(open(audit_path, encoding="utf-8")))
    print("== as drawn (the build audited) ==")
    score_rows(rows, sizes_arg(args, "--strata"), sizes_arg(args, "--seg-strata"))
    if rows and "after" in rows[0]:
        kept = [r for r in rows if r["after"] == "kept"] + [moved(r) for r in rows if r["after"].startswith("now ")]
        print(f"== after (the sampled memberships a later build still proposes: {len(kept)} of {len(rows)}, "
              f"{sum(r['after'].startswith('now ') for r in rows)} of them under a new code, judged again) ==")
        score_rows(kept, sizes_arg(args, "--after-strata") or sizes_arg(args, "--strata"),
                   sizes_arg(args, "--after-seg-strata") or sizes_arg(args, "--seg-strata"))


def moved(row):
    """A sampled membership a later build proposes under another code of the same row (`now SW-DIST, chain y, segment y`, rpool47):
    the new code with its judgement."""
    code, chain, segment = (part.split()[-1] for part in row["after"][len("now "):].split(", "))
    return dict(row, membership=code, chain_right=chain, segment_right=segment if "-" in code else "–")


def score_rows(rows, strata_sizes=None, seg_sizes=None):
    least = 1 if strata_sizes else 10
    chain = [r for r in rows]
    seg = [r for r in rows if r["segment_right"] in ("y", "n")]
    for label, part_rows, key, sizes in (("chain level (every membership):", chain, "chain_right", strata_sizes),
                                         ("segment level (segment memberships; chain-level ones are neither right nor wrong):",
                                          seg, "segment_right", seg_sizes)):
        print(label)
        print(line("sample", sum(r[key] == "y" for r in part_rows), len(part_rows)))
        parts = {}
        for c in sorted({r["membership"].split("-")[0] for r in part_rows}, key=lambda c: CHAINS.index(c) if c in CHAINS else 99):
            part = [r for r in part_rows if r["membership"].split("-")[0] == c]
            parts[c] = (sum(r[key] == "y" for r in part), len(part))
            if len(part) >= least:
                print(line(c, *parts[c]))
        if sizes:
            p, lo, hi, total, left = weighted(parts, sizes)
            note = f" (strata left out, none judged: {', '.join(left)})" if left else ""
            print(f"{'weighted':<10} {total:>9} in pool {100 * p:5.1f} %  [{100 * lo:4.1f}, {100 * hi:4.1f}]{note}")


if __name__ == "__main__":
    if sys.argv[1] == "pool":
        pool(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif sys.argv[1] == "codes":
        codes_pool(*sys.argv[2:7])
    elif sys.argv[1] == "products-pool":
        products_pool(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "draw":
        draw(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 150,
             int(sys.argv[5]) if len(sys.argv) > 5 else 46)
    elif sys.argv[1] == "draw-strata":
        # optional: --chains ZQ=40,XNY=40,SW=40,YJ=30 (the strata and their sizes, in draw order) --exclude <audit.csv>[,<audit.csv>]
        opts = dict(zip(sys.argv[6::2], sys.argv[7::2]))
        chains = [(c, int(k)) for c, k in (p.split("=") for p in opts["--chains"].split(","))] if "--chains" in opts else None
        exclude = opts["--exclude"].split(",") if "--exclude" in opts else ()
        draw_strata(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), chains, exclude)
    elif sys.argv[1] == "strata":
        strata(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "misses":
        misses(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 150,
               int(sys.argv[5]) if len(sys.argv) > 5 else 4760)
    elif sys.argv[1] == "placed":
        placed(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 50,
               int(sys.argv[5]) if len(sys.argv) > 5 else 4785)
    elif sys.argv[1] == "missscore":
        missscore(*sys.argv[2:6])
    elif sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
