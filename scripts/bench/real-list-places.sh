#!/usr/bin/env bash
# usage: LISTS=DIR real-list-places.sh WORKTREE OUTDIR — (ADR 0690) imports each real list into a fresh store, prints counts and dumps placements
wt=$1; out=$2; mkdir -p $out
L=${LISTS:?set LISTS to a folder holding 7city.xlsx bureau.xls ab.xlsx crawler.xls wind.xlsx (ADR 0670 lists)}; R=$wt/tests/ChainMap.Tests/Evaluation/real-lists
printf "%-26s %6s %8s %7s %6s %6s %6s %9s\n" file read imported county city prov rejected warnings
for f in $L/7city.xlsx $L/bureau.xls $L/ab.xlsx $L/crawler.xls $L/wind.xlsx $R/a-shares-2026-01.csv $R/codes-list.csv $R/registers-2004-regions.csv; do
  b=$(basename $f); s=$out/$b.store; rm -rf $s
  (cd $wt && Storage__SeedDemoData=false dotnet src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll import companies $f --store $s --report $out/$b.report.csv > $out/$b.out 2>&1)
  read_=$(grep -o 'read [0-9]*' $out/$b.out | head -1 | cut -d' ' -f2)
  rej=$(grep -o 'rejected [0-9]*' $out/$b.out | head -1 | cut -d' ' -f2)
  db=$s/chainmap.db
  q() { sqlite3 $db "$1"; }
  n=$(q "select count(*) from company"); c=$(q "select count(*) from company where county_code is not null and county_code<>''")
  ci=$(q "select count(*) from company where (county_code is null or county_code='') and city_code is not null and city_code<>''")
  p=$(q "select count(*) from company where (county_code is null or county_code='') and (city_code is null or city_code='')")
  w=$(grep -c ',warning' $out/$b.report.csv)
  printf "%-26s %6s %8s %7s %6s %6s %6s %9s\n" $b "$read_" $n $c $ci $p "$rej" $w
  q "select name, region_code, province_code, ifnull(city_code,''), ifnull(county_code,'') from company order by name, region_code" > $out/$b.placed.tsv
done
