#!/usr/bin/env bash
# Runs every ChainMap test on a fresh machine of this kind: installs what the tests need
# (Debian packages, a Neo4j server from the npm registry, the web page's npm packages),
# starts the Neo4j test server on 127.0.0.1, runs the whole NUnit suite, stops the server,
# and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-infra/install-deps.sh
if [ -f scripts/web-assets.sh ]; then bash scripts/web-assets.sh; fi

NEO4J_ENV="$(mktemp -t chainmap-neo4j.XXXXXX)"
cleanup() { bash scripts/test-infra/neo4j.sh stop "$NEO4J_ENV" >/dev/null 2>&1 || true; rm -f "$NEO4J_ENV"; }
trap cleanup EXIT
bash scripts/test-infra/neo4j.sh start "$NEO4J_ENV" >/dev/null
set -a
# shellcheck disable=SC1090
. "$NEO4J_ENV"
# The Neo4j tests must run here: without a server they fail instead of being ignored (Support/Neo4jTestServer.cs).
NEO4J_TEST_REQUIRED=1
set +a

RESULTS="$(pwd)/test-results"
rm -rf "$RESULTS"
status=0
dotnet test ChainMap.sln --configuration Release \
  --logger "console;verbosity=minimal" --logger "trx;LogFileName=results.trx" \
  --results-directory "$RESULTS" "$@" || status=$?

trx="$(find "$RESULTS" -name '*.trx' | head -n1)"
if [ -n "$trx" ]; then
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed="$(get passed)"; failed="$(get failed)"; total="$(get total)"; executed="$(get executed)"
  skipped=$(( ${total:-0} - ${executed:-0} ))
  echo "Tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
fi
exit "$status"
