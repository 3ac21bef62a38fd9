#!/bin/bash
# runall.sh TAG [provinces...]: imports every in-*.csv with /work/main's Release CLI into st-TAG-*, compares.
tag=$1; shift
for p in "$@"; do
  rm -rf st-$tag-$p; Storage__SeedDemoData=false dotnet ${BIN:-/work/main}/src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll import companies in-$p.csv --store st-$tag-$p --report rep-$p.csv > /dev/null 2>&1
  echo "== $p: $(TAG=$tag N=0 python3 compare.py $p | grep -E 'city right /|city missing|city wrong|province wrong' | grep -v '==' | tr -s ' ' | tr '\n' ' ')"
done | tee res-$tag.txt
