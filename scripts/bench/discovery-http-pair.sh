#!/usr/bin/env bash
# Times target lists over HTTP on two builds at the same moment (issue #18): the first request after start,
# warm lists, lists filtered by tags or minimum capital, and the first request after a quiet spell.
# Usage: discovery-http-pair.sh LABEL API_DLL API_PROJECT_DIR STORE_DIR PORT [ROUNDS]
# The store directory is used as it is (pass a copy). Discovery:CacheSeconds=5 and MaxStaleSeconds=10 (ignored
# by builds after ADR 0210) shorten the "quiet spell" to 20 s. Loopback only; the API is stopped at the end.
set -euo pipefail
LABEL=$1; DLL=$2; PROJECT=$3; STORE=$4; PORT=$5; ROUNDS=${6:-20}
KEY=cmk_benchmark_discovery0123456789abcdef
BASE="http://127.0.0.1:$PORT"
cd "$PROJECT"
Storage__DataDirectory="$STORE" Storage__SeedDefaultData=false Auth__BootstrapAdminKey=$KEY Auth__PermitsPerSecond=100000 Auth__Burst=100000 \
  Discovery__CacheSeconds=5 Discovery__MaxStaleSeconds=10 Logging__LogLevel__Default=Warning \
  dotnet "$DLL" --urls "$BASE" > "/tmp/s24w/api-$LABEL.log" 2>&1 &
API=$!
trap 'kill $API 2>/dev/null || true; wait $API 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
t() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $KEY" "$BASE$1"; }
stats() { sort -n | awk -v name="$1" '{a[NR]=$1*1000} END {p50=a[int((NR+1)/2)]; i=int(NR*0.95+0.999); if(i<1)i=1; printf "| %s | %s | %d | %.1f | %.1f | %.1f |\n", ENV["LABEL"], name, NR, p50, a[i], a[NR]}'; }
export LABEL
LIST="/api/targets?chain=ZQ&region=%E9%95%BF%E4%B8%89%E8%A7%92&pageSize=50&paths=3"
sleep 20
t "$LIST" | stats "list, first request 20 s after start"
for _ in $(seq 1 "$ROUNDS"); do t "$LIST"; done | stats "list, next $ROUNDS (CacheSeconds 5)"
t "$LIST&tags=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0" | stats "list, tags 专精特新, first"
for _ in $(seq 1 "$ROUNDS"); do t "$LIST&tags=%E4%B8%93%E7%B2%BE%E7%89%B9%E6%96%B0"; done | stats "list, tags 专精特新, repeated"
t "$LIST&minCapital=5000" | stats "list, minCapital 5000, first"
for _ in $(seq 1 "$ROUNDS"); do t "$LIST&minCapital=5000"; done | stats "list, minCapital 5000, repeated"
for _ in 1 2 3; do sleep 20; t "$LIST"; done | stats "list, first request after 20 s quiet (CacheSeconds 5, MaxStale 10)"
