#!/usr/bin/env python3
"""How often a chain-level membership's suggested segments (ADR 0405, 0425) hold the labelled segment, per set.

Reads `evaluate-classifier --set <set> --mistakes 100000` (a chain-level-only row is a segment mistake, so nearly every
chain-level membership is listed) and counts the rows labelled with a segment of the membership's chain. Prints only
totals (no row), so it may be run on the blind sets too; tune on the tuning sets only.
Run from the repository root after a Release build; --cli <dll> runs another build (e.g. /work/wt/base's).
Usage: python3 scripts/bench/chain-level-suggestions.py [--cli path/to/ChainMap.Cli.dll] dev products-dev codes-dev
"""
import re
import subprocess
import sys

CLI = 'src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll'
CAP = 6
ROW = re.compile(r'^(\S+) .* labelled (\S+) got (.*)$')
CHAIN_LEVEL = re.compile(r'(?:^| )([A-Z]+)\(\d\.\d\d: 链级: [^;]*; 可定环节: ([^;]*);')

args = sys.argv[1:]
if args[:1] == ['--cli']:
    CLI, args = args[1], args[2:]

for name in args:
    out = subprocess.run(['dotnet', CLI, 'evaluate-classifier', '--set', name, '--mistakes', '100000'],
                         capture_output=True, text=True, check=True).stdout
    listed = first = anyhit = labelled = 0
    sizes = []
    ranks = []
    for line in out.splitlines():
        row = ROW.match(line)
        if not row:
            continue
        truth = set(row.group(2).split('|')) - {'none'}
        for found in CHAIN_LEVEL.finditer(row.group(3)):
            chain, suggested = found.group(1), found.group(2).split('、')
            listed += 1
            sizes.append(len(suggested))
            ours = {t for t in truth if t.split('-')[0] == chain}
            if not ours:
                continue
            labelled += 1
            first += suggested[0] in ours
            hits = [i + 1 for i, s in enumerate(suggested) if s in ours]
            anyhit += bool(hits)
            if hits:
                ranks.append(hits[0])
    average = sum(sizes) / len(sizes) if sizes else 0
    at_cap = sum(1 for s in sizes if s >= CAP)
    mean_rank = sum(ranks) / len(ranks) if ranks else 0
    print(f'{name}: chain-level listed {listed}, suggestions each avg {average:.2f} (max {max(sizes, default=0)}), '
          f'at cap {at_cap} ({100 * at_cap / max(1, listed):.1f} %); '
          f'labelled in that chain {labelled}: first right {first} ({100 * first / max(1, labelled):.1f} %), '
          f'any right {anyhit} ({100 * anyhit / max(1, labelled):.1f} %), mean rank of the right one {mean_rank:.2f}')
