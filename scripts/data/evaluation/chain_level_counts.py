#!/usr/bin/env python3
"""Chain-level memberships (环节待定, ADR 0370) of labelled sets, by the rule that made them chain-level (ADR 0610).

Reads the `--causes` output of `evaluate-classifier` (one file per set, given on the command line; run it only on sets you may
tune on) and prints, per rule and per label or word, how many chain-level memberships were proposed, how many name a wrong chain,
and how many have the labelled segment as the first suggestion (可定环节) or among the suggestions. The rule is read from the
cause and basis that the CLI prints:
  label        推断: <securities label> with basis 行业 (ADR 0370; 半导体 is ADR 0450's 申万 industry that spans segments)
  name+label   推断: <label> with a name word beside it (名称+行业)
  name word    推断: <word> from the name alone (ADR 0450: 食品, 化工, 药业)
  code alone   链级: <cell> with basis 行业 and no word (ADR 0450)
  licence      链级: … 经营范围首项 (ADR 0545: the licence's first item against the cell) or 经营范围 (ADR 0530/0485: one licence word)
  products     链级: … 产品 (ADR 0545: a side line the cell does not back)
Usage: chain_level_counts.py causes-dev.txt causes-products-dev.txt …
"""
import re
import sys
from collections import defaultdict

LINE = re.compile(r"^\s+(\S+)\s+(\d+)\s+chain wrong\s+(\d+)\s+first\s+(\d+)\s+any\s+(\d+)\s+(\S+)\s+(.*)$")


def rule_of(basis: str, cause: str) -> tuple[str, str]:
    head = cause.split(";")[0].strip()
    if head.startswith("推断"):
        word = head.split(":", 1)[1].strip()
        if basis == "名称":
            return "name word", word
        if basis.startswith("名称"):
            return "name+label", word
        return "label", word
    cell = head.split(":", 1)[1].strip() if ":" in head else head
    if "经营范围首项" in cause:
        return "licence first item", cell
    if "经营范围" in cause:
        return "licence word", cell
    if "产品" in cause:
        return "products", cell
    return "code alone", cell


def main(paths: list[str]) -> None:
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for path in paths:
        inside = False
        for line in open(path, encoding="utf-8"):
            if line.startswith("chain-level memberships"):
                inside = True
                continue
            if inside and not line.startswith("  "):
                break
            m = LINE.match(line) if inside else None
            if m:
                _, count, wrong, first, anyone, basis, cause = m.groups()
                for key in (rule_of(basis, cause), (rule_of(basis, cause)[0], "*")):
                    t = totals[key]
                    t[0] += int(count); t[1] += int(wrong); t[2] += int(first); t[3] += int(anyone)
    print(f"{'rule':<20} {'label or word':<28} {'count':>5} {'wrong chain':>11} {'first':>5} {'any':>5}")
    for (rule, word), (count, wrong, first, anyone) in sorted(totals.items(), key=lambda p: (p[0][0], p[0][1] != "*", -p[1][0])):
        print(f"{rule:<20} {word:<28} {count:>5} {wrong:>11} {first:>5} {anyone:>5}")


if __name__ == "__main__":
    main(sys.argv[1:])
