#!/usr/bin/env python3
"""Validate the default industrial-chain definitions in data/chains/.

Checks chains.csv, segments.csv and flows.csv against the rules of the
chain-definition format:

  * files: UTF-8 without BOM, LF line endings, RFC 4180 CSV, exact headers (segments.csv may add exclude_keywords);
  * chains: unique codes, allowed categories, non-empty Chinese description;
  * segments: globally unique codes shaped <CHAIN>-<UPPER ASCII>, valid tier,
    parent (if any) defined earlier in the same chain, sub-segment code
    prefixed by its parent's code, '|'-lists of Simplified Chinese terms,
    at least 3 keywords, no over-generic or heavily shared keywords (keywords
    contained in another segment's keyword are warned about),
    GB/T 4754-2017 industry codes (division, group or class: 2-4 digits) that data/industry/gbt4754-2017.csv holds;
  * flows: both ends exist in the flow's chain, no self loops or duplicates,
    no flow between a segment and its ancestor/descendant, acyclic per chain;
  * counts: leading chains >= 18 segments, >= 4 sub-segments, >= 4 segments
    per tier and >= 15 flows; other chains >= 10 segments covering all tiers;
    every top-level segment takes part in at least one flow.

Usage: validate_chains.py [DATA_DIR] [--strict]
Exit status is 1 when errors are found (or warnings, with --strict).
"""

import csv
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "chains"

CHAIN_HEADER = ["code", "name", "category", "description"]
SEGMENT_HEADER = ["chain", "code", "name", "tier", "parent", "aliases",
                  "products", "keywords", "industry_codes"]
# The optional last column of segments.csv (docs/import.md "Chain definitions", ADR 0125).
SEGMENT_OPTIONAL = "exclude_keywords"
FLOW_HEADER = ["chain", "from", "to", "description"]

CATEGORIES = {"leading", "high-value-add", "other"}
TIERS = ("upstream", "midstream", "downstream")
TIER_RANK = {t: i for i, t in enumerate(TIERS)}

# The default chains this data set must provide: code -> (name, category).
EXPECTED_CHAINS = {
    "ZQ": ("专汽", "leading"),
    "YJ": ("应急装备", "leading"),
    "NC": ("农产品加工", "leading"),
    "SW": ("生物医药", "high-value-add"),
    "DZ": ("电子信息", "high-value-add"),
    "HG": ("绿色化工", "high-value-add"),
    "XNY": ("新能源", "high-value-add"),
    "FW": ("现代服务业", "high-value-add"),
}

LEADING_MIN_SEGMENTS = 18
LEADING_MIN_SUBSEGMENTS = 4
LEADING_MIN_PER_TIER = 4
LEADING_MIN_FLOWS = 15
OTHER_MIN_SEGMENTS = 10
# At least this many keywords. No ceiling: the classifier reads an industry's own vocabulary (the register forms of its
# licences, ADRs 0480-0605), and a segment's list grew past the 10 the first format allowed.
KEYWORDS_MIN = 3
# A keyword shared by this many segments of one chain cannot discriminate.
KEYWORD_SHARED_ERROR = 3

# Keywords so generic they would match companies of every segment.
GENERIC_KEYWORDS = {
    "汽车", "专用车", "专用汽车", "改装车", "车辆", "设备", "装备", "机械", "制造",
    "生产", "加工", "销售", "服务", "产品", "技术", "技术服务", "技术开发",
    "研发", "开发", "咨询", "贸易", "批发", "零售", "进出口", "货物进出口",
    "农产品", "农业", "食品", "医药", "药品", "电子", "电子产品", "化工",
    "化工产品", "化学品", "新能源", "能源", "材料", "新材料", "物流", "应急",
    "安全", "信息", "软件", "零部件", "配件",
}

# Traditional-only characters that commonly slip into Chinese text.
TRADITIONAL_CHARS = set(
    "車機電藥產業專農醫裝備輸運銷製鋼鐵網飼體發動續構廠類進貿與實驗據測"
    "無線環衛潔資務數聯開關陽儲兩壓變換熱氣層單處應設計護區據種養殼點")

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
CHAIN_CODE_RE = re.compile(r"^[A-Z]{2,4}$")
SEGMENT_SUFFIX_RE = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
INDUSTRY_CODE_RE = re.compile(r"^\d{2,4}$")



def gbt_codes(data_dir):
    """The GB/T 4754-2017 codes (divisions, groups, classes) of data/industry/gbt4754-2017.csv beside the chains folder
    (the table the service reads; its source is in data/README.md), or None when the folder has no such table."""
    path = Path(data_dir).parent / "industry" / "gbt4754-2017.csv"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as f:
        return {row["code"] for row in csv.DictReader(f) if row["code"].isdigit()}


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")


def read_csv(path, header, rep, optional=None):
    """Read a CSV file, checking encoding, line endings and header (`optional`: a last column the file may add)."""
    name = path.name
    if not path.is_file():
        rep.error(name, "file not found")
        return []
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        rep.error(name, "starts with a UTF-8 BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.error(name, f"not valid UTF-8 ({exc})")
        return []
    if "\r" in text:
        rep.error(name, "contains CR characters (line endings must be LF)")
    if text and not text.endswith("\n"):
        rep.error(name, "does not end with a newline")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        rep.error(name, f"CSV syntax error: {exc}")
        return []
    if not rows:
        rep.error(name, "empty file")
        return []
    if optional and rows[0] == header + [optional]:
        header = header + [optional]
    if rows[0] != header:
        rep.error(name, f"header is {rows[0]!r}, expected {header!r}" + (f" (with or without {optional!r} last)" if optional else ""))
        return []
    records = []
    for lineno, row in enumerate(rows[1:], start=2):
        where = f"{name}:{lineno}"
        if not row or row == [""]:
            rep.error(where, "blank line")
            continue
        if len(row) != len(header):
            rep.error(where, f"{len(row)} fields, expected {len(header)}")
            continue
        rec = dict(zip(header, row))
        for key, val in rec.items():
            if val != val.strip():
                rep.error(where, f"field '{key}' has leading/trailing whitespace")
            if "\n" in val:
                rep.error(where, f"field '{key}' contains a line break")
        rec["_where"] = where
        records.append(rec)
    return records


def check_text(where, field, text, rep):
    trad = sorted(set(text) & TRADITIONAL_CHARS)
    if trad:
        rep.error(where, f"{field} has traditional characters {''.join(trad)}; use Simplified Chinese")


def check_term(where, field, term, rep):
    if not term:
        rep.error(where, f"{field}: empty term (stray or doubled '|')")
        return
    if term != term.strip():
        rep.error(where, f"{field}: term {term!r} has surrounding whitespace")
    if not CJK_RE.search(term):
        rep.error(where, f"{field}: term {term!r} contains no Chinese character")
    trad = sorted(set(term) & TRADITIONAL_CHARS)
    if trad:
        rep.error(where, f"{field}: term {term!r} has traditional characters {''.join(trad)}")
    if any(c in term for c in ",，;；/、"):
        rep.error(where, f"{field}: term {term!r} contains a separator; use '|'")


def split_list(where, field, value, rep):
    if value == "":
        return []
    terms = value.split("|")
    for term in terms:
        check_term(where, field, term, rep)
    dups = [t for t, n in Counter(terms).items() if n > 1 and t]
    if dups:
        rep.error(where, f"{field}: duplicate terms {dups}")
    return [t for t in terms if t]


def find_cycle(succ):
    """Return one cycle (as a closed node path) of a directed graph, or []."""
    state = {}  # node -> 1 while on the DFS stack, 2 when finished
    for root in sorted(succ):
        if state.get(root):
            continue
        stack, path = [(root, iter(succ[root]))], [root]
        state[root] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(succ.get(nxt, []))))
                path.append(nxt)
    return []


def validate(data_dir):
    rep = Report()
    chains = read_csv(data_dir / "chains.csv", CHAIN_HEADER, rep)
    segments = read_csv(data_dir / "segments.csv", SEGMENT_HEADER, rep, optional=SEGMENT_OPTIONAL)
    known = gbt_codes(data_dir)
    flows = read_csv(data_dir / "flows.csv", FLOW_HEADER, rep)

    # ---- chains ---------------------------------------------------------
    chain_by_code = {}
    for c in chains:
        w = c["_where"]
        if not CHAIN_CODE_RE.match(c["code"]):
            rep.error(w, f"chain code {c['code']!r} must be 2-4 upper-case letters")
        if c["code"] in chain_by_code:
            rep.error(w, f"duplicate chain code {c['code']}")
            continue
        check_text(w, "name", c["name"], rep)
        check_text(w, "description", c["description"], rep)
        if c["category"] not in CATEGORIES:
            rep.error(w, f"category {c['category']!r} not in {sorted(CATEGORIES)}")
        if not c["name"] or not CJK_RE.search(c["name"]):
            rep.error(w, "chain name must be Chinese")
        if not CJK_RE.search(c["description"]):
            rep.error(w, "description must be one or two Chinese sentences")
        elif c["description"].count("。") > 2:
            rep.warn(w, "description has more than two sentences")
        chain_by_code[c["code"]] = c
    for code, (name, category) in EXPECTED_CHAINS.items():
        c = chain_by_code.get(code)
        if c is None:
            rep.error("chains.csv", f"missing default chain {code} {name}")
            continue
        if c["name"] != name:
            rep.error(c["_where"], f"chain {code} name is {c['name']!r}, expected {name!r}")
        if c["category"] != category:
            rep.error(c["_where"], f"chain {code} category is {c['category']!r}, expected {category!r}")

    # ---- segments -------------------------------------------------------
    seg_by_code = {}
    names_by_chain = defaultdict(set)
    keyword_owners = defaultdict(lambda: defaultdict(list))  # chain -> kw -> codes
    for s in segments:
        w = f"{s['_where']} ({s['code']})"
        chain, code = s["chain"], s["code"]
        if chain not in chain_by_code:
            rep.error(w, f"unknown chain {chain!r}")
            continue
        prefix = chain + "-"
        if not code.startswith(prefix) or not SEGMENT_SUFFIX_RE.match(code[len(prefix):]):
            rep.error(w, f"segment code must be '{prefix}' + upper-case ASCII (A-Z, 0-9, '-')")
        if code in seg_by_code:
            rep.error(w, f"duplicate segment code (first at {seg_by_code[code]['_where']})")
            continue
        check_text(w, "name", s["name"], rep)
        if not s["name"] or not CJK_RE.search(s["name"]):
            rep.error(w, "segment name must be Chinese")
        elif s["name"] in names_by_chain[chain]:
            rep.error(w, f"duplicate segment name {s['name']!r} in chain {chain}")
        names_by_chain[chain].add(s["name"])
        if s["tier"] not in TIERS:
            rep.error(w, f"tier {s['tier']!r} not in {list(TIERS)}")
        parent = s["parent"]
        if parent:
            p = seg_by_code.get(parent)
            later = next((x for x in segments if x["code"] == parent), None)
            if p is None and later is not None and later["chain"] != chain:
                rep.error(w, f"parent {parent} belongs to chain {later['chain']}, not {chain}")
            elif p is None:
                rep.error(w, f"parent {parent} " + ("must appear earlier in the file" if later else "does not exist"))
            elif p["chain"] != chain:
                rep.error(w, f"parent {parent} belongs to chain {p['chain']}, not {chain}")
            else:
                if not code.startswith(parent + "-"):
                    rep.error(w, f"sub-segment code should start with its parent code '{parent}-'")
                if p["tier"] != s["tier"]:
                    rep.warn(w, f"tier {s['tier']} differs from parent {parent} tier {p['tier']}")
                if p["parent"]:
                    rep.warn(w, "sub-segment nested more than one level deep")
        if parent == code:
            rep.error(w, "segment is its own parent")
        split_list(w, "aliases", s["aliases"], rep)
        products = split_list(w, "products", s["products"], rep)
        keywords = split_list(w, "keywords", s["keywords"], rep)
        if not products:
            rep.warn(w, "no products listed")
        if len(keywords) < KEYWORDS_MIN:
            rep.error(w, f"{len(keywords)} keywords, expected at least {KEYWORDS_MIN}")
        chain_name = chain_by_code[chain]["name"]
        for kw in keywords:
            if kw in GENERIC_KEYWORDS or kw == chain_name:
                rep.error(w, f"keyword {kw!r} is too generic to identify a segment")
            elif len(kw) < 2:
                rep.error(w, f"keyword {kw!r} is too short")
            keyword_owners[chain][kw].append(code)
        if s["industry_codes"]:
            codes = s["industry_codes"].split("|")
            for ic in codes:
                if not INDUSTRY_CODE_RE.match(ic):
                    rep.error(w, f"industry code {ic!r} is not a GB/T 4754-2017 code (2-4 digits)")
                elif known is None:
                    rep.warn(w, f"industry code {ic} not checked: no data/industry/gbt4754-2017.csv beside the chains folder")
                elif ic not in known:
                    rep.error(w, f"industry code {ic} is not in data/industry/gbt4754-2017.csv")
            if len(set(codes)) != len(codes):
                rep.error(w, "duplicate industry codes")
        s["_keywords"] = keywords
        seg_by_code[code] = s

    for chain, owners in keyword_owners.items():
        for kw, codes in sorted(owners.items()):
            if len(codes) >= KEYWORD_SHARED_ERROR:
                rep.error(f"segments.csv [{chain}]", f"keyword {kw!r} shared by {len(codes)} segments {codes}")
            elif len(codes) == 2:
                rep.warn(f"segments.csv [{chain}]", f"keyword {kw!r} shared by {codes}")

    # Keyword matching is by substring: a keyword contained in another
    # segment's keyword makes every match of the longer one ambiguous.
    for chain, owners in keyword_owners.items():
        for short in owners:
            for long_ in owners:
                if short == long_ or short not in long_:
                    continue
                for a in owners[short]:
                    for b in owners[long_]:
                        if a == b:
                            continue
                        if seg_by_code[a]["parent"] == b or seg_by_code[b]["parent"] == a:
                            continue
                        rep.warn(f"segments.csv [{chain}]",
                                 f"keyword {short!r} ({a}) is a substring of {long_!r} ({b})")

    def ancestors(code):
        seen = []
        cur = seg_by_code.get(code, {}).get("parent")
        while cur and cur in seg_by_code and cur not in seen:
            seen.append(cur)
            cur = seg_by_code[cur]["parent"]
        return seen

    # ---- flows ----------------------------------------------------------
    edges = defaultdict(list)  # chain -> [(from, to)]
    seen_edges = set()
    for f in flows:
        w = f"{f['_where']} ({f['from']} -> {f['to']})"
        chain = f["chain"]
        if chain not in chain_by_code:
            rep.error(w, f"unknown chain {chain!r}")
            continue
        ok = True
        for end in ("from", "to"):
            s = seg_by_code.get(f[end])
            if s is None:
                rep.error(w, f"'{end}' segment {f[end]!r} does not exist")
                ok = False
            elif s["chain"] != chain:
                rep.error(w, f"'{end}' segment {f[end]} belongs to chain {s['chain']}, not {chain}")
                ok = False
        check_text(w, "description", f["description"], rep)
        if not f["description"] or not CJK_RE.search(f["description"]):
            rep.error(w, "flow description must be Chinese text")
        if not ok:
            continue
        a, b = f["from"], f["to"]
        if a == b:
            rep.error(w, "self loop")
            continue
        if (a, b) in seen_edges:
            rep.error(w, "duplicate flow")
            continue
        seen_edges.add((a, b))
        if a in ancestors(b) or b in ancestors(a):
            rep.error(w, "flow between a segment and its own parent/child (hierarchy is not a flow)")
            continue
        ta, tb = seg_by_code[a]["tier"], seg_by_code[b]["tier"]
        if ta in TIER_RANK and tb in TIER_RANK and TIER_RANK[ta] > TIER_RANK[tb]:
            rep.warn(w, f"flow goes against tier order ({ta} -> {tb})")
        edges[chain].append((a, b))

    # acyclicity (Kahn's algorithm per chain)
    for chain, es in edges.items():
        nodes = {n for e in es for n in e}
        indeg = Counter(b for _, b in es)
        succ = defaultdict(list)
        for a, b in es:
            succ[a].append(b)
        queue = sorted(n for n in nodes if indeg[n] == 0)
        visited = 0
        while queue:
            n = queue.pop()
            visited += 1
            for m in succ[n]:
                indeg[m] -= 1
                if indeg[m] == 0:
                    queue.append(m)
        if visited != len(nodes):
            rep.error(f"flows.csv [{chain}]", "flow graph has a cycle: " + " -> ".join(find_cycle(succ)))

    # ---- per-chain counts -------------------------------------------------
    summary = []
    for code, c in chain_by_code.items():
        segs = [s for s in seg_by_code.values() if s["chain"] == code]
        tiers = Counter(s["tier"] for s in segs)
        subs = sum(1 for s in segs if s["parent"])
        nflows = len(edges.get(code, []))
        summary.append((code, c["name"], c["category"], len(segs), tiers, subs, nflows))
        where = f"chain {code}"
        if c["category"] == "leading":
            if len(segs) < LEADING_MIN_SEGMENTS:
                rep.error(where, f"{len(segs)} segments, leading chains need >= {LEADING_MIN_SEGMENTS}")
            if subs < LEADING_MIN_SUBSEGMENTS:
                rep.error(where, f"{subs} sub-segments, leading chains need >= {LEADING_MIN_SUBSEGMENTS}")
            for t in TIERS:
                if tiers[t] < LEADING_MIN_PER_TIER:
                    rep.error(where, f"{tiers[t]} {t} segments, leading chains need >= {LEADING_MIN_PER_TIER}")
            if nflows < LEADING_MIN_FLOWS:
                rep.error(where, f"{nflows} flows, leading chains need >= {LEADING_MIN_FLOWS}")
        else:
            if len(segs) < OTHER_MIN_SEGMENTS:
                rep.error(where, f"{len(segs)} segments, need >= {OTHER_MIN_SEGMENTS}")
            for t in TIERS:
                if tiers[t] < 1:
                    rep.error(where, f"no {t} segment")
        touched = {n for e in edges.get(code, []) for n in e}
        for s in segs:
            if s["code"] not in touched:
                if not s["parent"]:
                    rep.error(f"{s['_where']} ({s['code']})", "top-level segment has no flow in or out")
                else:
                    rep.warn(f"{s['_where']} ({s['code']})", "sub-segment has no flow in or out")
    return rep, summary


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    strict = "--strict" in argv[1:]
    data_dir = Path(args[0]) if args else DEFAULT_DIR
    rep, summary = validate(data_dir)

    print(f"Chain definitions in {data_dir}")
    print(f"{'chain':<6}{'category':<16}{'segs':>5}{'up':>4}{'mid':>5}{'down':>6}{'subs':>6}{'flows':>7}")
    for code, name, cat, n, tiers, subs, nflows in summary:
        print(f"{code:<6}{cat:<16}{n:>5}{tiers['upstream']:>4}{tiers['midstream']:>5}"
              f"{tiers['downstream']:>6}{subs:>6}{nflows:>7}  {name}")
    for w in rep.warnings:
        print(f"WARNING {w}")
    for e in rep.errors:
        print(f"ERROR   {e}")
    failed = bool(rep.errors) or (strict and bool(rep.warnings))
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s): "
          f"{'FAILED' if failed else 'OK'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
