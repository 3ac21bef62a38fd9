#!/usr/bin/env bash
# Puts the web page's libraries in place (scripts/web-assets.sh), then starts ChainMap on the embedded
# store (SQLite in ./var) with the default data, on 127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/web-assets.sh
exec dotnet run --project src/ChainMap.Api --configuration Release -- "$@"
