# Sourced by the HTTP benchmarks (loadtest.sh, waiting-writers.sh): starts ChainMap (Release, from the checkout $BIN) on
# 127.0.0.1 over a fresh embedded store in a new directory $work, with the bootstrap admin key $key and no rate limit.
# Sets work, port, key and service (the pid); on exit the service is stopped and $work removed.
work="$(mktemp -d -t chainmap-bench.XXXXXX)"
port=$(( 30000 + RANDOM % 10000 ))
key="cmk_bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9' | head -c 32)"
Auth__BootstrapAdminKey="$key" Auth__PermitsPerSecond=1000000 Auth__Burst=1000000 \
Storage__DataDirectory="$work/store" Urls="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  dotnet "$BIN/src/ChainMap.Api/bin/Release/net10.0/ChainMap.Api.dll" >"$work/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "service did not start"; tail -20 "$work/service.log"; exit 1; }
