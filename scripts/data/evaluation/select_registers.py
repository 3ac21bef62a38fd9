#!/usr/bin/env python3
"""Draws the rows of tests/ChainMap.Tests/Evaluation/labelled/registers.csv (issue #19, session 29): register rows of
four province/year files of catseyess/elevencats (Enterprise-Registration-Data/csv, branch csv, commit b3d9025beefd)
that no labelled set had used.

Usage (`--set registers-dev` first for the tuning set of session 30, `--set registers-dev2` for session 31's,
`--set registers-dev3` for session 32's, `--set registers-dev4` for session 33's, `--set registers-dev5` for session 36's, `--set registers-dev6` for session 37's, `--set registers-dev7` for session 39's, `--set registers-dev8` for session 40's, `--set registers-dev9` for session 41's, `--set registers-dev10` for session 42's, `--set registers-habits` for session 42's rows with a licence habit, `--set registers-dev11` for session 43's, `--set registers-dev12` for session 44's, `--set registers-dev13` for session 45's, `--set registers-dev14` for session 46's, `--set registers-dev15` for session 47's, `--set registers-dev16` for session 48's, see SETS;
the default is `registers`):
  python3 select_registers.py [--set registers-dev] pool <folder> <pool.csv>
      every eligible row, in the labelled sets' columns with empty segments and id = key, for the classifier run
      that part B needs (evaluate-classifier --labelled <dir of pool.csv renamed fresh.csv> --set fresh --mistakes N).
  python3 select_registers.py [--set registers-dev] select <folder> [<shown-keys.txt>]
      prints `part|key|name` for part A (random) and part B (random among the keys of shown-keys.txt, i.e. the rows the
      classifier of main 20f26fa gives at least one confirmed membership, not already in A). Those keys are kept in
      scripts/data/evaluation/registers-shown-pool.txt. registers-dev has no part B (no shown-keys file).

<folder> holds <year>/<province>.csv of the set's four files (SETS below) (one `git show` each). Eligible: the row's 所在省份 is the
file's province (31 rows of 2002/湖南 are GBK bytes shifted by two columns in the source: left out), its name is not in
another labelled set (dev, holdout, fresh, products, codes; for registers-dev also registers, for registers-dev2 also
registers-dev, for registers-dev3 also registers-dev2, for registers-dev4 also registers-dev3) and not twice in the
four files.
Key: `<统一社会信用代码>@<year>/<province>`.
"""
import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from label_files import EVAL  # noqa: E402

SOURCE = "catseyess/elevencats:Enterprise-Registration-Data/csv/{}.csv@b3d9025beefd"
# registers: the blind set of session 29 (never tuned on); registers-dev: the tuning set of session 30 (issue #19),
# four files nobody had read, part A only.
SETS = {
    "registers": dict(files=["2001/安徽", "2002/湖南", "2003/黑龙江", "2004/陕西"], seed=29, per_file_a=50, per_file_b=25,
                      others=["dev", "holdout", "fresh", "products", "codes"], labels="registers-labels.txt"),
    "registers-dev": dict(files=["2000/福建", "2001/河北", "2002/江西", "2003/广西"], seed=30, per_file_a=60, per_file_b=0,
                          others=["dev", "holdout", "fresh", "products", "codes", "registers"],
                          labels="registers-dev-labels.txt"),
    # registers-dev2: more register rows to tune on (session 31), four more files nobody had read, part A only.
    "registers-dev2": dict(files=["2000/河南", "2001/江苏", "2002/天津", "2003/山西"], seed=31, per_file_a=40, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev"],
                           labels="registers-dev2-labels.txt"),
    # registers-dev3: a third register tuning set (session 32), four files no set, script or doc had named, of four
    # provinces no register set had (the brief's candidates were read already or are missing from the mirror).
    "registers-dev3": dict(files=["2000/北京", "2001/云南", "2002/吉林", "2003/重庆"], seed=32, per_file_a=40, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2"],
                           labels="registers-dev3-labels.txt"),
    # registers-dev4: a fourth register tuning set (session 33), four manufacturing-province files of years (1995, 1998,
    # 1999) no set, script or doc had named.
    "registers-dev4": dict(files=["1995/山东", "1998/江苏", "1999/河北", "1999/湖北"], seed=33, per_file_a=40, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2", "registers-dev3"],
                           labels="registers-dev4-labels.txt"),
    # registers-dev5: a fifth register set (session 36), four files no set, script or doc had named (2003/安徽, 2003/江西,
    # 1997/河南, 1996/湖北: 0 hits each); measured blind in session 36, may be tuned on from session 37.
    "registers-dev5": dict(files=["2003/安徽", "2003/江西", "1997/河南", "1996/湖北"], seed=36, per_file_a=40, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2", "registers-dev3", "registers-dev4"],
                           labels="registers-dev5-labels.txt"),
    # registers-dev6: a sixth register set (session 37), four files no set, script or doc had named (2002/福建, 1998/四川,
    # 2001/河南, 1992/湖北: 0 hits each); labelled by the lead before any classifier ran on it, measured blind in session 37.
    "registers-dev6": dict(files=["2002/福建", "1998/四川", "2001/河南", "1992/湖北"], seed=37, per_file_a=40, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5"],
                           labels="registers-dev6-labels.txt"),
    # registers-dev7: a seventh register set (session 39), four files no register set, script or doc had named as a
    # register file (2002/四川, 2000/湖南, 2003/辽宁, 1997/湖北; their only hits are listed companies' listing years in
    # codes-labels.txt, another source); labelled by the lead before any classifier ran on it, measured blind in session 39.
    "registers-dev7": dict(files=["2002/四川", "2000/湖南", "2003/辽宁", "1997/湖北"], seed=39, per_file_a=30, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                   "registers-dev6", "products-blind"],
                           labels="registers-dev7-labels.txt"),
    # registers-dev8: an eighth register set (session 40), four files no register set, script or doc had named as a
    # register file (1996/河北, 2002/广西: 0 hits; 2001/广东, 2003/贵州: their only hits are one register row each that
    # codes-labels.txt took as a listed company's); labelled by the lead before any classifier ran on it, measured blind
    # in session 40.
    "registers-dev8": dict(files=["1996/河北", "2002/广西", "2001/广东", "2003/贵州"], seed=40, per_file_a=30, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                   "registers-dev6", "registers-dev7", "products-blind"],
                           labels="registers-dev8-labels.txt"),
    # registers-dev9: a ninth register set (session 41), four files no register set, script or doc had named (2001/福建,
    # 2002/重庆, 2001/天津, 1995/湖北: 0 hits each; 1995/湖北 is the home province's); labelled by the lead before any
    # classifier ran on it, measured blind in session 41.
    "registers-dev9": dict(files=["2001/福建", "2002/重庆", "2001/天津", "1995/湖北"], seed=41, per_file_a=30, per_file_b=0,
                           others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                   "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                   "registers-dev6", "registers-dev7", "registers-dev8", "products-blind"],
                           labels="registers-dev9-labels.txt"),
    # registers-dev10: a tenth register set (session 42), four files no register set, script or doc had named (2000/陕西,
    # 2000/江西, 2000/黑龙江, 2000/新疆: 0 hits each); labelled by the lead before any classifier ran on it, measured blind
    # in session 42.
    "registers-dev10": dict(files=["2000/陕西", "2000/江西", "2000/黑龙江", "2000/新疆"], seed=42, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "products-blind"],
                            labels="registers-dev10-labels.txt"),
    # registers-habits: register rows whose licence carries one of two whole-province habits that hide its first item (session
    # 42, ADR 0615): an opening 许可经营项目：无 with 一般经营项目：, or the 2014 reform's preamble (…市场主体自主选择经营). Two files no set,
    # script or doc had named (2002/内蒙古, 2002/贵州), only the rows with a habit; labelled by the lead before any classifier ran on
    # them, to measure ADR 0615 on labelled rows.
    "registers-habits": dict(files=["2002/内蒙古", "2002/贵州"], seed=42, per_file_a=30, per_file_b=0,
                             others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                     "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                     "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                     "products-blind"],
                             only=("许可经营项目：无", "自主选择经营"),
                             labels="registers-habits-labels.txt"),
    # registers-dev11: an eleventh register set (session 43), four files no set or script had named, read by no helper (2000/天津,
    # 2000/宁夏, 2000/贵州, 2000/重庆: session 42's kept-back pool, named only in docs/benchmarks.md, where the lead read the three
    # rows whose memberships session 42 changed); labelled by the lead before any classifier ran on it, measured blind in session 43.
    "registers-dev11": dict(files=["2000/天津", "2000/宁夏", "2000/贵州", "2000/重庆"], seed=43, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                    "registers-habits", "products-blind"],
                            labels="registers-dev11-labels.txt"),
    # registers-dev12: a twelfth register set (session 44), four files no set, script, doc or brief had named (2001/海南, 2001/青海,
    # 2002/青海, 2003/宁夏: 0 hits each in scripts, docs, tests, data and session 43's briefs); labelled by the lead before any
    # classifier ran on it, measured blind in session 44.
    "registers-dev12": dict(files=["2001/海南", "2001/青海", "2002/青海", "2003/宁夏"], seed=44, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                    "registers-habits", "registers-dev11", "products-blind"],
                            labels="registers-dev12-labels.txt"),
    # registers-dev13: a thirteenth register set (session 45), four files no set, script, doc or brief had named (1996/天津, 1994/辽宁,
    # 1995/陕西, 1996/重庆: 0 hits each in the repository; named only in the session-45 brief that drew it); labelled by a helper
    # before any classifier ran on it, measured blind in session 45.
    "registers-dev13": dict(files=["1996/天津", "1994/辽宁", "1995/陕西", "1996/重庆"], seed=45, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                    "registers-habits", "registers-dev11", "products-blind", "registers-dev12"],
                            labels="registers-dev13-labels.txt"),
    # registers-dev14: a fourteenth register set (session 46), four files no set, script, doc or brief had named (1993/陕西, 1992/天津,
    # 1990/浙江, 1991/河北: 0 hits each in the repository; named only in the session-46 brief that drew it); labelled by a helper
    # before any classifier ran on it, measured blind in session 46.
    "registers-dev14": dict(files=["1993/陕西", "1992/天津", "1990/浙江", "1991/河北"], seed=46, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                    "registers-habits", "registers-dev11", "products-blind", "registers-dev12", "registers-dev13"],
                            labels="registers-dev14-labels.txt"),
    # registers-dev15: a fifteenth register set (session 47), four files of 1978-1992 no set, script, doc, brief or pool had named
    # (1989/广西, 1989/福建, 1987/广东, 1989/安徽: 0 hits each in the repository, not in the session-46 pools; the four largest
    # such files of four provinces); labelled by a helper before any classifier ran on it, measured blind in session 47.
    "registers-dev15": dict(files=["1989/广西", "1989/福建", "1987/广东", "1989/安徽"], seed=47, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                    "registers-habits", "registers-dev11", "products-blind", "registers-dev12", "registers-dev13",
                                    "registers-dev14"],
                            labels="registers-dev15-labels.txt"),
    # registers-dev16: a sixteenth register set (session 48), four files of 1990-1991 no set, script, doc, brief or pool had named
    # (1990/陕西, 1990/江西, 1990/广西, 1991/辽宁: 0 hits each in the repository, not in the session-46/47 pools; the four largest such
    # files of four provinces, 1993/北京, 1990/安徽 and 1990/云南 left out as they give rows to session 47's codes pool);
    # labelled by a helper before any classifier ran on it, measured blind in session 48.
    "registers-dev16": dict(files=["1990/陕西", "1990/江西", "1990/广西", "1991/辽宁"], seed=48, per_file_a=30, per_file_b=0,
                            others=["dev", "holdout", "fresh", "products", "codes", "registers", "registers-dev",
                                    "registers-dev2", "registers-dev3", "registers-dev4", "registers-dev5",
                                    "registers-dev6", "registers-dev7", "registers-dev8", "registers-dev9", "registers-dev10",
                                    "registers-habits", "registers-dev11", "products-blind", "registers-dev12", "registers-dev13",
                                    "registers-dev14", "registers-dev15", "products-zq", "modern-dev", "modern-holdout",
                                    "modern-blind"],
                            labels="registers-dev16-labels.txt"),
}

def set_arguments(argv):
    """(the SETS entry, the remaining arguments) of `[--set <name>] ...`."""
    if argv[:1] == ["--set"]:
        return SETS[argv[1]], argv[2:]
    return SETS["registers"], argv


def other_names(others):
    names = set()
    for s in others:
        with open(os.path.join(EVAL, "labelled", s + ".csv"), encoding="utf-8", newline="") as f:
            names.update(row["name"] for row in csv.DictReader(f))
    return names


def eligible(folder, spec):
    """{file: [(key, row)]} in file order."""
    taken = other_names(spec["others"])
    seen, out = set(), {}
    for file in spec["files"]:
        province = file.split("/")[1]
        rows = []
        with open(os.path.join(folder, file + ".csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                name = row["企业名称"].strip()
                if row["所在省份"] != province or not name or name in taken or name in seen:
                    continue
                if "only" in spec and not any(habit in row["经营范围"] for habit in spec["only"]):
                    continue
                seen.add(name)
                rows.append((f"{row['统一社会信用代码']}@{file}", row))
        out[file] = rows
    return out


def labelled_row(id_, file, row, segments="", note=""):
    return [id_, row["企业名称"].strip(), row["所在省份"], row["地区"], "", row["注册地址"], "", "", row["经营范围"], "",
            SOURCE.format(file), segments, note]


def main(spec, command, folder, path=None):
    rows = eligible(folder, spec)
    if command == "pool":
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow("id,name,province,city,county,address,industry,products,scope,stock_code,source,segments,note".split(","))
            for file, file_rows in rows.items():
                for key, row in file_rows:
                    w.writerow(labelled_row(key, file, row))
        print(f"{sum(len(r) for r in rows.values())} eligible rows -> {path}", file=sys.stderr)
        return
    shown = set()
    if path:
        with open(path, encoding="utf-8") as f:
            shown = {line.strip() for line in f if line.strip()}
    # Two generators, so that part A does not depend on the classifier's output (part B's pool).
    rng_a, rng_b = random.Random(spec["seed"]), random.Random(spec["seed"] + 1)
    part_a = {file: rng_a.sample(rows[file], spec["per_file_a"]) for file in spec["files"]}
    a_keys = {key for picked in part_a.values() for key, _ in picked}
    for file in spec["files"]:
        pool_b = [(key, row) for key, row in rows[file] if key in shown and key not in a_keys]
        part_b = rng_b.sample(pool_b, min(spec["per_file_b"], len(pool_b)))
        for part, picked in (("A", part_a[file]), ("B", part_b)):
            for key, row in picked:
                print(f"{part}|{key}|{row['企业名称'].strip()}")


if __name__ == "__main__":
    spec, arguments = set_arguments(sys.argv[1:])
    main(spec, *arguments)
