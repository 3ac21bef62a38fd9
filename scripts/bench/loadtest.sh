#!/usr/bin/env bash
# Load test (a benchmark, not a unit test): starts ChainMap (Release) on 127.0.0.1 over a fresh
# embedded store with the default data, starts a company import in the background through the API,
# and runs wrk against chain maps, target lists and company searches. Bounded: DURATION seconds
# (default 30) at CONNECTIONS connections (default 64), loopback only. Prints one LOADTEST line.
# IMPORT_WAIT=1 waits for the import to end after the load and prints how long it took (IMPORT line);
# DURATION=0 runs no load (the import alone, with IMPORT_WAIT=1). COUNTERS=<file.csv> records the
# service's runtime and request-duration counters during the load (dotnet-counters, when installed).
# BIN=<checkout> runs the Release binaries already built there (e.g. BIN=/work/wt/base36 for "before"), without building.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${BIN:-}"
DURATION="${DURATION:-30}"
CONNECTIONS="${CONNECTIONS:-64}"
IMPORT_ROWS="${IMPORT_ROWS:-200000}"
IMPORT_WAIT="${IMPORT_WAIT:-0}"
COUNTERS="${COUNTERS:-}"
bash scripts/test-infra/install-deps.sh >/dev/null

if [ -z "$BIN" ]; then
  dotnet build src/ChainMap.Api -c Release -v q -nologo >/dev/null
  dotnet build src/ChainMap.Cli -c Release -v q -nologo >/dev/null
  BIN="$PWD"
fi
. scripts/bench/service.sh

# URLs: every chain map, target lists by region group, company searches.
{
  for chain in ZQ YJ NC SW DZ HG XNY FW; do
    echo "/api/chains/$chain/map"
    for group in 长三角 珠三角 京津冀 成渝 武汉都市圈; do
      g=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))" "$group")
      if curl -fs -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/targets?chain=$chain&region=$g"; then
        echo "/api/targets?chain=$chain&region=$g&pageSize=50"
      fi
      echo "/api/companies?chain=$chain&region=$g&pageSize=20"
    done
  done
} >"$work/urls.txt"

# An import running during the load.
dotnet "$BIN/src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll" generate-demo --count "$IMPORT_ROWS" --seed 7 --out "$work/import.csv" >/dev/null
import_status="$work/import.json"
import_started=$(date +%s.%N)
( curl -s -H "Authorization: Bearer $key" -F "file=@$work/import.csv" "http://127.0.0.1:$port/api/imports/companies" >"$import_status" || true ) &
importer=$!

if [ -n "$COUNTERS" ] && command -v dotnet-counters >/dev/null; then
  dotnet-counters collect -p "$service" --format csv -o "$COUNTERS" --refresh-interval 1 \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting >/dev/null 2>&1 &
  counters=$!
fi
if [ "$DURATION" != "0" ]; then
  WRK_URLS="$work/urls.txt" WRK_KEY="$key" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s scripts/bench/wrk-urls.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt"
else
  echo "LOADTEST none (DURATION=0): the import alone" | tee "$work/wrk.txt"
fi
[ -n "${counters:-}" ] && { kill -TERM "$counters" 2>/dev/null || true; wait "$counters" 2>/dev/null || true; }
wait $importer || true
import_id=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['id'])" "$import_status" 2>/dev/null || true)
if [ -z "$import_id" ]; then echo "the import was not accepted: $(head -c 300 "$import_status")"; exit 1; fi
job() { curl -s -H "Authorization: Bearer $key" "http://127.0.0.1:$port/api/imports/$import_id"; }
# The job's state right after the load shows whether it ran during it.
job | python3 -c "import json,sys;j=json.load(sys.stdin);print('import during the load:', j['state'], 'rows read', j['rowsRead'], 'inserted', j['inserted'], 'started', j.get('startedAt'), 'finished', j.get('finishedAt'))"
if [ "$IMPORT_WAIT" = "1" ]; then
  # Bounded: 20 minutes at most.
  for _ in $(seq 1 2400); do
    job | python3 -c "import json,sys;sys.exit(0 if json.load(sys.stdin)['state'] in ('queued','running') else 1)" || break
    sleep 0.5
  done
  ended=$(date +%s.%N)
  job | python3 -c "import json,sys;j=json.load(sys.stdin);from datetime import datetime as d;t=lambda k:d.fromisoformat(j[k].replace('Z','+00:00'));print('IMPORT state=%s read=%s inserted=%s job_s=%.1f upload_to_end_s=%.1f' % (j['state'], j['rowsRead'], j['inserted'], (t('finishedAt') - t('startedAt')).total_seconds(), float(sys.argv[1]) - float(sys.argv[2])))" "$ended" "$import_started"
fi
echo "urls: $(wc -l <"$work/urls.txt"), machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$DURATION" = "0" ] || { grep -q "non2xx=0" "$work/wrk.txt" && grep -q "socket_errors=0" "$work/wrk.txt"; }
