#!/usr/bin/env bash
# Puts the web page's third-party browser libraries into src/ChainMap.Api/wwwroot/lib (not committed):
# installs the exact versions locked in web/package-lock.json from the npm registry (npm ci, only when
# what is installed differs from the lock file) and copies the served files with their licences.
# Idempotent and quick when nothing changed. The page itself needs no build step.
set -euo pipefail
cd "$(dirname "$0")/.."

WEB=web
LIB=src/ChainMap.Api/wwwroot/lib

command -v npm >/dev/null 2>&1 || { echo "web-assets: ERROR: npm is not installed (Node 20 is needed to fetch the page's libraries)" >&2; exit 1; }

# Remember the lock file of the last install and skip npm ci while it is unchanged.
STAMP="$WEB/node_modules/.chainmap-lock"
if [[ ! -f "$STAMP" ]] || ! cmp -s "$WEB/package-lock.json" "$STAMP"; then
  echo "web-assets: npm ci in $WEB/"
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$WEB/package-lock.json" "$STAMP"
fi

mkdir -p "$LIB"
copy() { # copy SOURCE TARGET-NAME, only when different
  if ! cmp -s "$1" "$LIB/$2"; then cp "$1" "$LIB/$2"; echo "web-assets: $LIB/$2"; fi
}
copy "$WEB/node_modules/echarts/dist/echarts.min.js" echarts.min.js
copy "$WEB/node_modules/echarts/LICENSE" echarts.LICENSE.txt
copy "$WEB/node_modules/echarts/NOTICE" echarts.NOTICE.txt
echo "web-assets: ready (echarts $(node -p "require('./$WEB/node_modules/echarts/package.json').version"))"
