#!/usr/bin/env bash
# Runs every ChainMap test on a fresh machine of this kind: installs what the tests need
# (Debian packages, a Neo4j server from the npm registry, the web page's npm packages),
# starts the Neo4j test server on 127.0.0.1, runs the whole NUnit suite, and stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-infra/install-deps.sh

NEO4J_ENV="$(mktemp -t chainmap-neo4j.XXXXXX.env)"
cleanup() { bash scripts/test-infra/neo4j.sh stop "$NEO4J_ENV" >/dev/null 2>&1 || true; rm -f "$NEO4J_ENV"; }
trap cleanup EXIT
bash scripts/test-infra/neo4j.sh start "$NEO4J_ENV" >/dev/null
set -a
# shellcheck disable=SC1090
. "$NEO4J_ENV"
set +a

dotnet test ChainMap.sln --configuration Release --logger "console;verbosity=normal" "$@"
