#!/bin/bash
# pair.sh p1 p2 ...: imports in-<p>.csv with two Release builds, both started together per file (session 39):
# BASE=<checkout> (tag base) and NEW=<checkout> (tag ${NEWTAG:-div}); then compare.py with TAG=base / TAG=div.
CLI=src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll
new=${NEWTAG:-div}
for p in "$@"; do
  rm -rf st-base-$p st-$new-$p
  ( Storage__SeedDemoData=false dotnet ${BASE:?}/$CLI import companies in-$p.csv --store st-base-$p --report rep-base-$p.csv > /dev/null 2>&1 ) &
  ( Storage__SeedDemoData=false dotnet ${NEW:?}/$CLI import companies in-$p.csv --store st-$new-$p --report rep-$new-$p.csv > /dev/null 2>&1 ) &
  wait
  echo "$p done $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
done
