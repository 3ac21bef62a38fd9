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

# The map of China and its provinces' cities: the GeoJSON files ECharts 4.9.0 shipped (map/json, Apache-2.0;
# ECharts 5 stopped shipping maps), installed as the npm alias echarts4 and locked like ECharts itself. Each
# feature gets its GB/T 2260 code as properties.code (china.json has it in properties.id, the province files in
# the feature id), and each province file is saved under its province's code (320000.json), so the page looks
# maps up by the codes the service uses. Coordinates stay in ECharts' compressed encoding (UTF8Encoding).
MAPS="$WEB/node_modules/echarts4/map/json"
mkdir -p "$LIB/maps/province"
node - "$MAPS" "$LIB/maps" <<'NODE'
const fs = require('fs');
const path = require('path');
const [source, target] = process.argv.slice(2);
const write = (file, json) => {
  const text = JSON.stringify(json);
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
    fs.writeFileSync(file, text);
    console.log(`web-assets: ${file}`);
  }
};
const coded = (json, codeOf) => ({ ...json, features: json.features.map((f) => ({ ...f, properties: { ...f.properties, code: codeOf(f) } })) });
write(path.join(target, 'china.json'), coded(JSON.parse(fs.readFileSync(path.join(source, 'china.json'), 'utf8')), (f) => String(f.properties.id ?? f.id)));
for (const name of fs.readdirSync(path.join(source, 'province'))) {
  const json = JSON.parse(fs.readFileSync(path.join(source, 'province', name), 'utf8'));
  const first = String(json.features.find((f) => f.id)?.id ?? '');
  if (!/^\d{6}$/.test(first)) {
    continue;
  }
  write(path.join(target, 'province', `${first.slice(0, 2)}0000.json`), coded(json, (f) => String(f.id ?? '')));
}
NODE
copy "$WEB/node_modules/echarts4/LICENSE" maps/LICENSE.txt
echo "web-assets: ready (echarts $(node -p "require('./$WEB/node_modules/echarts/package.json').version"), maps from echarts $(node -p "require('./$WEB/node_modules/echarts4/package.json').version"))"
