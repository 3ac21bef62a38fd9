"""Relabel the co-op stores of every labelled set by the lead's call of session 49 (issue #19, ADR 0815).

The call: a store is labelled by what it sells, whoever owns it. A co-op store, station or counter whose licence sells
general consumer goods (the goods of a general store, GENERAL_GOODS below) is `FW-TRADE`, exactly as a private 百货 store
is; if it also sells farm inputs (FARM_INPUTS below) it is also `NC-INPUT`, first when the farm inputs come first in the
licence. A counter that sells only farm inputs is `NC-INPUT` alone; a co-op buying station of farm produce
`NC-WHOLESALE` (as labelled before); a co-op whose licence sells neither is labelled as before. Nothing else changes.

Mechanics, per row of tests/ChainMap.Tests/Evaluation/labelled/*.csv (blind sets too: the call holds everywhere):
- a row is a co-op row when its name matches COOP_NAME (供销社, 供销合作社, 供销股份合作社, 供销合作总社/总公司, 供销联社, or a 供销 company's
  store: 供销(有限|有限责任)公司 followed by a store word), it has no stock code (a listed group is not a store) and its
  name is not one of NOT_A_STORE (a trading centre or company, a scrap or produce buying station, a petrol station, a
  motor fleet, a guest house: not a store, labelled as before);
- the scope is read with every bracketed aside removed (（…）, (…), […], ［…］: exclusions such as （不含烟花爆竹）);
- goods = the earliest GENERAL_GOODS word in it, inputs = the earliest FARM_INPUTS word;
- goods and inputs: the row's FW-TRADE and NC-INPUT become the pair, NC-INPUT first when the inputs come first; the pair
  takes the place of the first of the two already labelled (else it goes after the row's other segments);
- goods only: FW-TRADE is added (after the row's other segments) when missing; nothing is taken off;
- inputs only: NC-INPUT is added when missing; FW-TRADE is taken off (a farm-inputs counter is NC-INPUT alone);
- neither: unchanged.
Every changed row is printed (file, id, name, old -> new) and the csv is rewritten; the same change is made to the
matching line (same name, same old segments) of any scripts/data/evaluation/*labels*.txt, so a rebuild keeps it.

usage: python3 scripts/data/evaluation/relabel_coop_stores.py [--dry-run]
"""
import csv
import glob
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
LABELLED = os.path.join(ROOT, "tests", "ChainMap.Tests", "Evaluation", "labelled")

COOP_NAME = re.compile(r"供销(股份)?(合作)?(总|联)?社|供销合作(总|联)?(社|公司)|供销(有限|有限责任)?公司.*"
                       r"(门市|分销店|商店|代销店|双代店|服务站|服务社|分店|分社|经营部)")

NOT_A_STORE = re.compile(r"贸易中心|贸易公司|物资|废品|回收|收购|加油站|车队|招待所")

# The goods of a general store (百货, 日用百货, 针纺织品, 五金交电, 副食品, 食品, 日杂, 烟酒, 家电 …).
GENERAL_GOODS = ["百货", "针纺", "针织", "纺织品", "针棉织品", "棉布", "五金交电", "五交化", "交电", "小五金", "副食", "食品",
                 "食杂", "干鲜", "乳制品", "饮料", "糖果", "糕点", "罐头", "日杂", "日用杂", "日用品", "日用工业品", "生活资料",
                 "烟酒", "卷烟", "香烟", "雪茄烟", "烟草制品", "酒类", "包装酒", "家电", "家用电器", "文具", "文化用品",
                 "服装", "鞋帽", "化妆品"]
# Farm inputs (化肥, 农药, 农膜, 农具, 种子, 农业生产资料/农资).
FARM_INPUTS = ["化肥", "化学肥料", "肥料", "磷肥", "氮肥", "钾肥", "农药", "杀虫剂", "杀菌剂", "除草剂", "农膜", "农用薄膜",
               "农具", "农机具", "农械", "种子", "农业生产资料", "生产资料", "生资", "农资"]

ASIDE = re.compile(r"（[^（）]*）|\([^()]*\)|\[[^\[\]]*\]|［[^［］]*］")


def first_index(text, words):
    found = [text.find(w) for w in words if w in text]
    return min(found) if found else -1


def new_segments(scope, segments):
    """The row's segments under the call (a new list), given its scope and old segments."""
    text = scope
    for _ in range(3):
        text = ASIDE.sub("", text)
    goods, inputs = first_index(text, GENERAL_GOODS), first_index(text, FARM_INPUTS)
    segs = list(segments)
    if goods >= 0 and inputs >= 0:
        pair = ["NC-INPUT", "FW-TRADE"] if inputs < goods else ["FW-TRADE", "NC-INPUT"]
        at = min((i for i, s in enumerate(segs) if s in pair), default=None)
        rest = [s for s in segs if s not in pair]
        if at is None:
            return rest + pair
        before = [s for s in segs[:at] if s not in pair]
        after = [s for s in segs[at:] if s not in pair]
        return before + pair + after
    if goods >= 0:
        return segs if "FW-TRADE" in segs else segs + ["FW-TRADE"]
    if inputs >= 0:
        segs = [s for s in segs if s != "FW-TRADE"]
        return segs if "NC-INPUT" in segs else segs + ["NC-INPUT"]
    return segs


def main():
    dry = "--dry-run" in sys.argv
    changes = []  # (file, id, name, old, new)
    for path in sorted(glob.glob(os.path.join(LABELLED, "*.csv"))):
        with open(path, encoding="utf-8", newline="") as f:
            raw = f.read()
        rows = list(csv.reader(io.StringIO(raw)))
        header, body = rows[0], rows[1:]
        ix = {h: i for i, h in enumerate(header)}
        changed = False
        for r in body:
            name = r[ix["name"]]
            if not COOP_NAME.search(name) or NOT_A_STORE.search(name) or r[ix["stock_code"]].strip():
                continue
            old = [s for s in r[ix["segments"]].split("|") if s]
            new = new_segments(r[ix["scope"]], old)
            if new != old:
                changes.append((os.path.basename(path), r[ix["id"]], r[ix["name"]], "|".join(old), "|".join(new)))
                r[ix["segments"]] = "|".join(new)
                changed = True
        if changed and not dry:
            out = io.StringIO()
            csv.writer(out, lineterminator="\r\n" if "\r\n" in raw else "\n").writerows([header] + body)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(out.getvalue())
    # the same change in the hand-label files, so a rebuild of a set keeps it
    label_changes = 0
    for path in sorted(glob.glob(os.path.join(HERE, "*labels*.txt"))):
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        touched = False
        for k, line in enumerate(lines):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("|")
            if len(parts) != 5:
                continue
            for _, _, name, old, new in changes:
                if parts[2] == name and parts[3].replace(",", ";") == old.replace("|", ";"):
                    parts[3] = new.replace("|", ";")
                    lines[k] = "|".join(parts) + "\n"
                    touched = True
                    label_changes += 1
                    break
        if touched and not dry:
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(lines)
    for c in changes:
        print(f"{c[0]}\t{c[1]}\t{c[2]}\t{c[3] or '(none)'} -> {c[4]}")
    per_file = {}
    for c in changes:
        per_file[c[0]] = per_file.get(c[0], 0) + 1
    print(f"rows changed: {len(changes)} " + " ".join(f"{k}:{v}" for k, v in sorted(per_file.items()))
          + f"; label-file lines changed: {label_changes}")


if __name__ == "__main__":
    main()
