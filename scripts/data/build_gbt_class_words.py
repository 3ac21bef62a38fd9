#!/usr/bin/env python3
"""Derive data/industry/gbt-class-words.csv from data/industry/gbt4754-2017.csv (ADR 0650).

The words GB/T 4754-2017 itself writes for a class: the product nouns its note lists and, for service classes, the class's own
name as an activity form. Mechanical, with a short documented stop list; nothing is taken from company rows.

usage: python3 scripts/data/build_gbt_class_words.py data/industry/gbt4754-2017.csv data/industry/gbt-class-words.csv

Columns of the output: word,code,kind
Notes are read for the goods divisions 01–46 only (a service class's note describes activities).
Stop list: STOP below (generic nouns: 产品, 制品, 材料, 设备 …). A note's 制成 Y is not read: on
this table it yields a product's properties and forms (柔韧, 透气, 粉末状, 造型美观) more often than goods.
  kind = note-list     a product of the note's list: 包括 A、B、C 等 / 指 A、B 等产品的生产活动
         note-head     the thing the note's 指 … 的 Y 的制造 / 的生产活动 says is made (the text after its last 的)
         service-name  the name of a class of a service division (51–52, 53–60, 63–65, 66–69, 72–75) and its split forms
Inputs are never words: whatever stands in 以 X 为（主要）原料 and 从 X 中, and everything after 不包括 / 不含 / 不包含 in a clause.
"""
import csv
import re
import sys

SERVICE_DIVISIONS = set(range(51, 53)) | set(range(53, 61)) | set(range(63, 66)) | set(range(66, 70)) | set(range(72, 76))

# Generic nouns and fragments a note uses for any trade: never a word of their own.
STOP = {
    "产品", "制品", "材料", "设备", "器具", "用品", "配件", "零件", "零部件", "部件", "原料", "食品", "物品", "商品", "货物", "器材",
    "装置", "机械", "工具", "用具", "服务", "活动", "制造", "生产", "加工", "其他", "其它", "成品", "半成品", "产品制造", "系统",
    "仪器", "仪表", "器件", "元件", "组件", "附件", "化学品", "药品", "饮料", "制剂", "材料制品", "专用设备", "业务",
    "器材", "零配件", "废物", "电子元器件", "电子元件", "电子设备", "医疗设备", "器械", "专用仪器", "专用仪器仪表", "复合材料",
    # sectors and activities a note names around its goods
    "工业", "商业", "农业", "园艺", "交流", "直流", "固定", "移动", "导航", "制导", "测绘", "道路车辆", "类似装置", "系统装置",
    "相关配套设备", "其辅助装置",
}
# A fragment that starts with a note's function word or verb (将稻谷去壳, 用玉米, 经酶法; 生产照明, which a licence reads as 生产 + 照明…)
# or ends in one (外科敷料以) is no noun.
FUNCTION_START = ("将", "用", "以", "经", "对", "其", "在", "由", "为", "把", "从", "使", "生产", "制造", "加工", "销售")
FUNCTION_END = ("以", "的", "用", "为", "或")
# A machinery class's note names what its machines work on (3532's 水产品, 3544's 中药饮片): only a machine word of it counts.
MACHINE_ENDS = ("机", "机械", "设备", "器", "装置", "仪", "生产线")
# Divisions whose notes list goods (farming, mining, making, utilities); a service note describes activities, not goods.
GOODS_DIVISIONS = set(range(1, 47))
LEADING = ("各种", "各类", "其他", "其它", "以及", "及其", "和", "及", "与", "或", "等", "如")
TRAILING = ("的生产活动", "的生产", "的制造", "的加工", "生产活动", "等产品", "产品的", "等", "的", "制造", "生产", "加工")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
INPUTS = [
    re.compile(r"以[^，；。]*?为(主要)?(原料|原材料|材料|基体|基础)"),
    re.compile(r"从[^，；。]*?中"),
]
EXCLUDED = re.compile(r"(不包括|不含|不包含)[^；。]*")


def clean(item):
    item = item.strip()
    changed = True
    while changed:
        changed = False
        for lead in LEADING:
            if item.startswith(lead) and len(item) > len(lead):
                item, changed = item[len(lead):], True
        for trail in TRAILING:
            if item.endswith(trail) and len(item) > len(trail):
                item, changed = item[: -len(trail)], True
    return item


def items(text):
    for part in re.split(r"[、，,和及与或]", text):
        word = clean(part)
        if (2 <= len(word) <= 8 and CJK.match(word) and word not in STOP and not word.startswith(("其他", "其它"))
                and not word.startswith(FUNCTION_START) and not word.endswith(FUNCTION_END)):
            yield word


def note_words(remark):
    remark = EXCLUDED.sub("", remark.replace("(", "（").replace(")", "）"))
    remark = re.sub(r"（[^）]*）", "", remark)
    for pattern in INPUTS:
        remark = pattern.sub("", remark)
    for clause in re.split(r"[；;。]", remark):
        # 包括 A、B、C 等（制造）
        for m in re.finditer(r"包括([^；。]*?)(等|$)", clause):
            for w in items(m.group(1)):
                yield w, "note-list"
        # 指 A、B 等产品的生产活动 / 指 A、B 等的制造
        m = re.match(r"^(也称[^，]*，)?指([^，；。]*?)等(产品|各种产品)?的(生产活动|制造|生产|加工)", clause)
        if m and "包括" not in m.group(2):
            for w in items(m.group(2)):
                yield w, "note-list"
        # 指 … 的 Y 的制造 / 指 … Y 的生产活动: the head noun the note says is made (the text after its last 的)
        m = re.match(r"^(也称[^，]*，)?指([^；。]*?)的(生产活动|制造|生产|加工|制作)$", clause.strip())
        if m:
            head = m.group(2).rsplit("的", 1)[-1].rsplit("，", 1)[-1]
            if "等" not in head:
                for w in items(head):
                    yield w, "note-head"


def service_forms(name):
    # 其他化工产品批发 is written 化工产品批发; 相关服务 (旅行社及相关服务) names nothing.
    if name.startswith(("其他", "其它")):
        name = name[2:]
    if name.startswith("相关") or len(name) < 2:
        return
    yield name
    # 道路货物运输、冷藏车道路运输 as written; 典当、广告业 …; the parts of a name joined by 和 / 及 / 、 with its closing noun.
    for verb in ("服务", "运输", "批发", "零售", "代理", "业"):
        if name.endswith(verb) and len(name) > len(verb):
            stem = name[: -len(verb)]
            parts = [p for p in re.split(r"[、和及]", stem) if len(p) >= 2]
            if len(parts) >= 2:
                for p in parts:
                    if p not in STOP and not p.startswith("相关"):
                        yield p + verb
            if verb == "业" and len(stem) >= 2:
                yield stem
            break


def main(source, target):
    rows = list(csv.DictReader(open(source, encoding="utf-8")))
    out = {}
    for row in rows:
        code = row["code"].strip()
        if len(code) != 4 or not code.isdigit():
            continue
        division = int(code[:2])
        name = row["name"].strip()
        if division in SERVICE_DIVISIONS:
            for form in service_forms(name):
                if 2 <= len(form) and CJK.match(form) and form not in STOP:
                    out.setdefault((form, code), "service-name")
        if division in GOODS_DIVISIONS:
            machinery = name.endswith(("设备制造", "机械制造", "机制造"))
            for word, kind in note_words(row["remark"].strip()):
                if not machinery or word.endswith(MACHINE_ENDS):
                    out.setdefault((word, code), kind)
    with open(target, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["word", "code", "kind"])
        for (word, code), kind in sorted(out.items(), key=lambda p: (p[0][1], p[0][0])):
            w.writerow([word, code, kind])
    print(f"{len(out)} rows", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
