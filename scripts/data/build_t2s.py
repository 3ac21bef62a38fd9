#!/usr/bin/env python3
"""Build data/text/t2s.tsv (traditional<TAB>simplified, one char per side) from
the dictionary data shipped in the npm package opencc-js (dist/esm-lib/dict/*.js,
each `export default "src dst|src dst|..."`).

Usage: build_t2s.py PATH/TO/node_modules/opencc-js OUT.tsv

  1. TSCharacters (OpenCC traditional -> simplified chars; first candidate).
  2. Variant forms, reversed to OpenCC standard traditional then simplified via
     step 1: TWVariantsRev, HKVariantsRev (e.g. 衞->卫, 枱->台) and
     CJK_Compatibility_Ideographs (U+F900.. -> unified, e.g. 更 (F901) -> 更).
     Step 1 wins on conflicts. A variant source char that is itself a standard
     simplified char (encodable in GB 2312, or a simplified char in OpenCC) is
     skipped, so the table leaves simplified text unchanged (e.g. 著 stays 著).
Identity pairs and multi-char entries are dropped; chains are resolved so the
table is idempotent. Sorted by code point of the traditional char.
"""
import json, os, re, sys

pkg, out = sys.argv[1], sys.argv[2]
ddir = os.path.join(pkg, "dist", "esm-lib", "dict")

def load(name):
    text = open(os.path.join(ddir, name + ".js"), encoding="utf-8").read()
    m = re.search(r'export default\s*("(?:[^"\\]|\\.)*")', text)
    pairs = []
    for item in json.loads(m.group(1)).split("|"):
        parts = item.split(" ")
        if len(parts) >= 2:
            pairs.append((parts[0], parts[1]))  # first candidate only
    return pairs

def single(s):
    return len(s) == 1  # one code point (astral chars included)

ts = load("TSCharacters")
st = load("STCharacters")
simplified = {d for _, d in ts} | {s for s, _ in st}

def is_simplified_std(c):
    if c in simplified:
        return True
    try:
        c.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False

table = {}
for s, d in ts:
    if single(s) and single(d) and s != d:
        table[s] = d
added = {}
for dname in ("TWVariantsRev", "HKVariantsRev", "CJK_Compatibility_Ideographs"):
    n = 0
    for v, std in load(dname):
        if not (single(v) and single(std)) or v in table:
            continue
        d = table.get(std, std)
        if d == v or is_simplified_std(v):
            continue
        table[v] = d
        n += 1
    added[dname] = n

# resolve chains a->b->c so applying the table once is enough
for k in list(table):
    seen = {k}
    while table[k] in table and table[k] not in seen:
        seen.add(table[k])
        table[k] = table[table[k]]
table = {k: v for k, v in table.items() if k != v}

with open(out, "w", encoding="utf-8", newline="") as f:
    for k in sorted(table):
        f.write(f"{k}\t{table[k]}\n")
print("t2s:", len(table), "rows; TSCharacters", sum(1 for s, d in ts if s != d),
      "variants added", added, file=sys.stderr)
