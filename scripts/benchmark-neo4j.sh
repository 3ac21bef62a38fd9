#!/usr/bin/env bash
# Runs `chainmap benchmark neo4j` against a fresh Neo4j Community 3.1.1 started on 127.0.0.1 by
# scripts/test-infra/neo4j.sh (stopped again at the end), with SQLite for comparison.
# Extra arguments go to the command, e.g. --count 20000 --queries 50.
set -euo pipefail
cd "$(dirname "$0")/.."

NEO4J_ENV="$(mktemp -t chainmap-bench-neo4j.XXXXXX.env)"
cleanup() { bash scripts/test-infra/neo4j.sh stop "$NEO4J_ENV" >/dev/null 2>&1 || true; rm -f "$NEO4J_ENV"; }
trap cleanup EXIT
bash scripts/test-infra/neo4j.sh start "$NEO4J_ENV" >/dev/null
set -a
# shellcheck disable=SC1090
. "$NEO4J_ENV"
set +a

dotnet run --configuration Release --project src/ChainMap.Cli -- benchmark neo4j --wipe "$@"
