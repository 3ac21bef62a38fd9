#!/usr/bin/env bash
# Stopwatch for the chain-size hardening (docs/benchmarks.md): starts ChainMap on a fresh SQLite store,
# saves a chain of N segments nested in one line (each the sub-segment of the one before) with
# POST /api/chains, then times GET /api/chains/{code}/export in a few formats. Prints one line per step
# (HTTP status and seconds). No assertion: it is a measurement.
#   bash scripts/bench-nested-chain.sh [N] [path/to/ChainMap.Api.dll]
# Without a dll it builds and runs src/ChainMap.Api (Release). Extra settings go in the environment,
# e.g. Chains__MaxSegmentsPerChain=5000 Chains__MaxTreeDepth=5000 to time the walks beyond the default caps.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-5000}"
dll="${2:-}"
port="${BENCH_PORT:-5391}"
key="cmk_bench_0123456789abcdefghijklmnop"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ -z "$dll" ]]; then
  dotnet build src/ChainMap.Api -c Release -o "$work/bin" >/dev/null
  dll="$work/bin/ChainMap.Api.dll"
fi
Urls="http://127.0.0.1:$port" Storage__DataDirectory="$work/var" Storage__DefaultDataPath="$PWD/data" \
  Auth__BootstrapAdminKey="$key" Logging__LogLevel__Default=Warning dotnet "$dll" >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done
python3 - "$n" >"$work/chain.json" <<'PY'
import json, sys
n = int(sys.argv[1])
segments = [{"code": f"NEST-{i}", "name": f"嵌套环节{i}", "tier": "upstream", "parent": f"NEST-{i-1}" if i else None} for i in range(n)]
print(json.dumps({"code": "NEST", "name": "嵌套基准链", "category": "other", "segments": segments}, ensure_ascii=False))
PY
step() { # label, curl arguments...
  local label="$1"; shift
  curl -s -o "$work/out" -w "$label: HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n" -H "Authorization: Bearer $key" "$@"
}
echo "chain of $n nested segments; $(nproc) cores; $(. /etc/os-release; echo "$PRETTY_NAME")"
step "save (POST /api/chains)" -X POST -H 'Content-Type: application/json' --data-binary @"$work/chain.json" "http://127.0.0.1:$port/api/chains"
head -c 300 "$work/out"; echo
for format in json xlsx csv svg png; do
  step "export $format" "http://127.0.0.1:$port/api/chains/NEST/export?format=$format"
done
echo "service alive: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")"
