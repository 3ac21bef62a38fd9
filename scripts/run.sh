#!/usr/bin/env bash
# Starts ChainMap on the embedded store (SQLite in ./var) with the default data, on 127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/ChainMap.Api --configuration Release -- "$@"
