#!/usr/bin/env python3
"""How often a chain-level membership's suggested segments (ADR 0405) hold the labelled segment, per tuning set.

Reads `evaluate-classifier --set <set> --mistakes 100000` (a chain-level-only row is a segment mistake, so nearly every
chain-level membership is listed) and counts the rows labelled with a segment of the membership's chain.
Run from the repository root after a Release build; tuning sets only (never the blind sets' rows).
Usage: python3 scripts/bench/chain-level-suggestions.py dev products-dev codes-dev
"""
import re
import subprocess
import sys

CLI = 'src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll'
ROW = re.compile(r'^(\S+) .* labelled (\S+) got (.*)$')
CHAIN_LEVEL = re.compile(r'(?:^| )([A-Z]+)\(\d\.\d\d: 链级: [^;]*; 可定环节: ([^;]*);')

for name in sys.argv[1:]:
    out = subprocess.run(['dotnet', CLI, 'evaluate-classifier', '--set', name, '--mistakes', '100000'],
                         capture_output=True, text=True, check=True).stdout
    listed = first = anyhit = labelled = 0
    sizes = []
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
            anyhit += bool(ours & set(suggested))
    average = sum(sizes) / len(sizes) if sizes else 0
    print(f'{name}: chain-level listed {listed}, suggestions each avg {average:.2f} (max {max(sizes, default=0)}); '
          f'labelled in that chain {labelled}: first right {first} ({100 * first / max(1, labelled):.1f} %), '
          f'any right {anyhit} ({100 * anyhit / max(1, labelled):.1f} %)')
