#!/usr/bin/env bash
# ADR 0505: the first import's floor. What loading the import benchmark's file into ChainMap's own schema costs when
# SQLite alone does it (the sqlite3 command line, no .NET in the timed part), next to the benchmark's peer (the same
# file `.import`ed raw into one table keyed by USCC), started at the same moment.
#
#   raw    the peer exactly as RawLoad.cs runs it (WAL, synchronous=NORMAL, one table keyed by USCC, .import --csv --skip 1)
#   floor  an empty store created by the CLI as the service creates it (regions and chains, no demo data), the file
#          .imported to a TEMP staging table, then set-wise SQL writing the rows the first import writes (company with its
#          columns, memberships from the segment column, provenance, the change log, the import run), in the session's
#          transaction with the session's objects deferred (BulkLoadObjects: the company and membership secondary indexes
#          and the membership trigger); committed; then the session's end as RestoreDeferredIndexesAsync runs it: the
#          discovery tables' triggers and indexes dropped, SqliteDiscoverySchema.Rebuild statement by statement, the
#          discovery objects recreated, the deferred indexes and trigger recreated, in one transaction. Same pragmas as the
#          store's connections (foreign_keys=ON, synchronous=NORMAL, temp_store=MEMORY, 64 MiB cache; 16 MiB and
#          temp_store=FILE for the end).
#   variants (the same with one part left out, to tell what it costs):
#     no-discovery-indexes  the discovery tables rebuilt, their seven secondary indexes not built again
#     no-discovery          no discovery rebuild (its tables stay empty; triggers and indexes recreated on empty tables)
#     no-secondary          the company and membership secondary indexes not built again (discovery as in floor)
#     core                  no-discovery and no-secondary: the data with its keys and unique indexes only
#     no-unique             company without its two UNIQUE constraints (identity_key, uscc) while the rows go in
#     fk-off                foreign_keys=OFF (the memberships' reference to company not checked)
#
# Usage: scripts/bench/import-floor.sh CSV WORKDIR [VARIANT...]     (default variants: floor)
#   Each variant runs paired with a raw load started at the same moment (both in the background, waited together).
#   Prints, per pair: wall seconds, CPU seconds (user + sys), rows/s of each and variant/raw; per stage of the variant:
#   wall and CPU seconds. Every variant's store is checked: row counts of every table (floor: equal to a real first import's,
#   see docs/benchmarks.md). CHAINMAP_CLI: the CLI's dll (default: this worktree's Release build), used only to create the
#   empty store once (WORKDIR/empty/chainmap.db; delete it to create it again).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
csv=$(realpath "$1"); work=$2; shift 2
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(floor)
cli=${CHAINMAP_CLI:-$here/src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll}
mkdir -p "$work"; work=$(realpath "$work")
source "$here/scripts/bench/floor-common.sh"   # q, raw_sql, stages, counts

# The empty store: what the service creates at its first start with Storage:SeedDemoData=false (the benchmark's store
# before its first import). The CLI's company import does that, then rejects a file that has only a header.
if [ ! -f "$work/empty/chainmap.db" ]; then
  head -1 "$csv" > "$work/header.csv"
  Storage__SeedDemoData=false dotnet "$cli" import companies "$work/header.csv" --store "$work/empty" > "$work/empty.log" 2>&1 || true
  [ "$(sqlite3 "$work/empty/chainmap.db" "SELECT (SELECT count(*) FROM company) = 0 AND (SELECT count(*) FROM segment) > 0")" = 1 ] \
    || { echo "no empty store with chains in $work/empty (see $work/empty.log)" >&2; exit 1; }
fi
empty=$work/empty/chainmap.db
rows=$(($(wc -l < "$csv") - 1))

# The session's deferred objects (SqliteCompanyImportSession.BulkLoadObjects) and the discovery tables' objects
# (RebuildDiscoveryTablesAsync), read from the empty store's sqlite_master as the session reads them.
bulk_where="(type = 'index' AND tbl_name IN ('company', 'company_segment') AND sql IS NOT NULL AND upper(sql) NOT LIKE 'CREATE UNIQUE%')
  OR (type = 'trigger' AND name = 'discovery_member_after_membership_insert')"
disc_where="type IN ('trigger', 'index') AND tbl_name IN ('discovery_member', 'discovery_count', 'discovery_member_tag') AND sql IS NOT NULL"

# The rows of SqliteDiscoverySchema.Rebuild (RebuildStatements), verbatim; a test (ImportFloorScriptTests) fails when the
# code's statements and these differ.
read -r -d '' rebuild <<'SQL' || true
DELETE FROM discovery_count;
DELETE FROM discovery_member;
INSERT OR IGNORE INTO discovery_member(segment_code, company_id, chain_code, province_code, city_code, county_code, strength, capital)
SELECT cs.segment_code, c.id, cs.chain_code, c.province_code, c.city_code, c.county_code, c.strength, c.registered_capital
FROM company_segment cs JOIN company c ON c.id = cs.company_id
WHERE cs.status = 'confirmed' AND cs.segment_code <> cs.chain_code;
UPDATE discovery_member SET multi = 1
WHERE company_id IN (SELECT company_id FROM discovery_member GROUP BY company_id HAVING count(*) > 1);
INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
SELECT segment_code, '', 0, NULL, NULL, count(*), sum(coalesce(capital, 0)), sum(strength)
FROM discovery_member GROUP BY segment_code;
INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
SELECT segment_code, province_code, 1, province_code, NULL, count(*), sum(coalesce(capital, 0)), sum(strength)
FROM discovery_member GROUP BY segment_code, province_code;
INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
SELECT segment_code, city_code, 2, min(province_code), city_code, count(*), sum(coalesce(capital, 0)), sum(strength)
FROM discovery_member WHERE city_code IS NOT NULL AND city_code <> province_code
GROUP BY segment_code, city_code;
INSERT INTO discovery_count(segment_code, region_code, level, province_code, city_code, companies, capital, strength)
SELECT segment_code, county_code, 3, min(province_code), min(city_code), count(*), sum(coalesce(capital, 0)), sum(strength)
FROM discovery_member WHERE county_code IS NOT NULL AND county_code <> province_code AND county_code IS NOT city_code
GROUP BY segment_code, county_code;
DELETE FROM discovery_member_tag;
INSERT OR IGNORE INTO discovery_member_tag(tag, segment_code, company_id, strength, capital, province_code, city_code, county_code)
SELECT t.value, cs.segment_code, c.id, c.strength, c.registered_capital, c.province_code, c.city_code, c.county_code
FROM company_segment cs JOIN company c ON c.id = cs.company_id, json_each(CASE WHEN json_valid('["' || replace(replace(replace(c.tags, '\', '\\'), '"', '\"'), '|', '","') || '"]')
               THEN '["' || replace(replace(replace(c.tags, '\', '\\'), '"', '\"'), '|', '","') || '"]' ELSE json_array(c.tags) END) t
WHERE cs.status = 'confirmed' AND cs.segment_code <> cs.chain_code AND c.tags <> '' AND t.value <> ''
ORDER BY 1, 2, 3;
SQL

# LogPoints(value, low, high, points) of CompanyStrength, as SQL.
logp() { echo "(CASE WHEN $1 IS NULL OR $1 <= $2 THEN 0 WHEN $1 >= $3 THEN $4 ELSE $4 * ln($1 / $2.0) / ln($3.0 / $2) END)"; }

# Writes the SQL of one variant to $1.sql (stage marks: `SELECT '@@', name, unix time`).
generate() {
  local variant=$1 out=$2 import_id now file
  import_id="imp-$(date -u +%Y%m%d%H%M%S)-floor$(printf %06d $RANDOM)"
  now=$(date -u +%Y-%m-%dT%H:%M:%S.%7N+00:00)
  file=$(basename "$csv")
  local mark="SELECT '@@', '%s', printf('%%.3f', (julianday('now') - 2440587.5) * 86400.0);\n"
  {
    echo ".bail on"
    echo "PRAGMA foreign_keys=$([ "$variant" = fk-off ] && echo OFF || echo ON); PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"
    echo ".timer on"
    printf "$mark" start
    echo "BEGIN IMMEDIATE;"
    # The session's first transaction on an empty store (Begin): the bulk-load objects recorded and dropped.
    echo "INSERT OR REPLACE INTO deferred_index(name, sql) SELECT name, sql FROM sqlite_master WHERE $bulk_where;"
    sqlite3 "$empty" "SELECT 'DROP ' || CASE type WHEN 'trigger' THEN 'TRIGGER' ELSE 'INDEX' END || ' IF EXISTS \"' || name || '\";' FROM sqlite_master WHERE $bulk_where"
    echo "INSERT OR IGNORE INTO import_run(id, file_name, at) VALUES ('$import_id', '$(q "$file")', '$now');"
    printf "$mark" "defer (session begins)"
    echo "CREATE TEMP TABLE staging(name TEXT, uscc TEXT, region_code TEXT, segment_code TEXT, products TEXT, capital TEXT, founded TEXT, employees TEXT, revenue TEXT, listed_code TEXT, tags TEXT);"
    echo ".import --csv --skip 1 --schema temp '$(q "$csv")' staging"
    printf "$mark" "file .imported to a TEMP staging table"
    # The company rows as the import writes them (SqliteCompanyImportSession.BindRaw): ids in file order, identity by
    # USCC, the name key folded (ASCII lower case, brackets dropped: all this file needs of the C# folding), the place from
    # the regions table, the strength by CompanyStrength's rule in SQL, the provenance stamp of the fields given.
    cat <<SQL
INSERT INTO company(id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
    registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance,
    created_at, updated_at, industry, scope)
SELECT v.id, 'u:' || v.uscc, v.uscc, v.name, lower(replace(replace(v.name, '(', ''), ')', '')), v.region_code,
    CASE WHEN r.level = 'province' THEN r.code WHEN p.level = 'province' THEN p.code ELSE g.code END,
    CASE WHEN r.level = 'city' THEN r.code WHEN r.level = 'county' AND p.level = 'city' THEN p.code END,
    CASE WHEN r.level = 'county' THEN r.code END,
    v.cap, v.fd, v.emp, v.rev, v.lc, v.tags, v.products, NULL,
    round(min(100,
        CASE WHEN v.lc IS NOT NULL THEN
            CASE WHEN length(v.lc) <> 6 OR v.lc GLOB '*[^0-9]*' THEN 10 WHEN substr(v.lc, 1, 2) IN ('60', '00') THEN 14
                 WHEN substr(v.lc, 1, 2) IN ('68', '30') THEN 12 WHEN substr(v.lc, 1, 2) = '92' OR substr(v.lc, 1, 1) IN ('8', '4') THEN 9 ELSE 10 END
             WHEN instr(v.tg, '|上市|') > 0 THEN 10 ELSE 0 END
        + $(logp v.cap 100 1000000 20) + $(logp v.rev 500 10000000 25) + $(logp v.emp 10 50000 15)
        + CASE WHEN v.fd IS NULL THEN 0 ELSE (SELECT CASE WHEN y >= 20 THEN 6 WHEN y >= 10 THEN 4 WHEN y >= 5 THEN 2 ELSE 0 END
              FROM (SELECT max(0, CAST(strftime('%Y', 'now') AS INTEGER) - CAST(substr(v.fd, 1, 4) AS INTEGER)
                  - (CAST(strftime('%j', 'now') AS INTEGER) < CAST(strftime('%j', v.fd) AS INTEGER))) AS y)) END
        + 12 * (instr(v.tg, '|500强|') > 0) + 8 * (instr(v.tg, '|小巨人|') > 0)
        + 5 * (instr(v.tg, '|专精特新|') > 0 AND instr(v.tg, '|小巨人|') = 0)
        + 4 * (instr(v.tg, '|高新技术企业|') > 0) + 4 * (instr(v.tg, '|规上企业|') > 0)), 2),
    '{"$import_id":' || (7 + 8 * (v.cap IS NOT NULL) + 16 * (v.fd IS NOT NULL) + 32 * (v.emp IS NOT NULL) + 64 * (v.rev IS NOT NULL)
        + 128 * (v.lc IS NOT NULL) + 256 * (v.tags <> '') + 512 * (v.products IS NOT NULL)) || '}',
    '$now', '$now', NULL, NULL
FROM (SELECT rowid AS id, name, nullif(uscc, '') AS uscc, region_code, nullif(products, '') AS products,
          CAST(nullif(capital, '') AS REAL) AS cap, nullif(founded, '') AS fd, CAST(nullif(employees, '') AS INTEGER) AS emp,
          CAST(nullif(revenue, '') AS REAL) AS rev, nullif(listed_code, '') AS lc, tags, '|' || tags || '|' AS tg
      FROM temp.staging) v
LEFT JOIN region r ON r.code = v.region_code LEFT JOIN region p ON p.code = r.parent_code LEFT JOIN region g ON g.code = p.parent_code
ORDER BY v.id;
SQL
    printf "$mark" "company rows"
    # The memberships of the file's segment column (CompanyMerge: role = products, confidence 1, evidence, source = file).
    cat <<SQL
INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
SELECT s.rowid, s.segment_code, t.chain_code, nullif(s.products, ''), 1.0, '环节代码: ' || s.segment_code, '$(q "$file")', 'confirmed'
FROM temp.staging s JOIN membership_target t ON t.code = s.segment_code
ORDER BY s.rowid;
SQL
    printf "$mark" "memberships"
    # The change log (one id range per batch of CompanyImporter.BatchSize = 5,000 rows) and the highest id.
    echo "INSERT INTO import_change(job_id, seq, first_id, last_id, before) SELECT '$import_id', (rowid - 1) / 5000 + 1, min(rowid), max(rowid), NULL FROM temp.staging GROUP BY (rowid - 1) / 5000;"
    echo "UPDATE company_id_high SET last = (SELECT max(rowid) FROM temp.staging) WHERE last < (SELECT max(rowid) FROM temp.staging);"
    echo "COMMIT;"
    printf "$mark" "change log, commit"
    # The end (DisposeAsync -> RestoreDeferredIndexesAsync): 16 MiB cache, temp_store=FILE (set before the transaction
    # here: the staging table is a TEMP table, and SQLite does not change temp_store in a transaction once it has one).
    echo "DROP TABLE temp.staging;"
    echo "PRAGMA cache_size=-16384; PRAGMA temp_store=FILE; PRAGMA shrink_memory;"
    printf "$mark" "end: settings"
    echo "BEGIN;"
    if [ "$variant" != no-discovery ] && [ "$variant" != core ]; then
      sqlite3 "$empty" "SELECT 'DROP ' || CASE type WHEN 'index' THEN 'INDEX' ELSE 'TRIGGER' END || ' \"' || name || '\";' FROM sqlite_master WHERE $disc_where"
      printf "$mark" "end: discovery objects dropped"
      local i=0
      while IFS= read -r -d ';' statement; do
        statement=$(echo "$statement" | sed '/^[[:space:]]*$/d')
        [ -n "$statement" ] || continue
        i=$((i + 1))
        echo "$statement;"
        printf "$mark" "end: rebuild $i: $(echo "$statement" | head -1 | cut -c1-60 | tr "'" '"')"
      done <<< "$rebuild"
      sqlite3 "$empty" "SELECT type || char(9) || name FROM sqlite_master WHERE $disc_where" | while IFS=$'\t' read -r type name; do
        if [ "$type" = index ] && [ "$variant" = no-discovery-indexes ]; then continue; fi
        sqlite3 "$empty" "SELECT sql || ';' FROM sqlite_master WHERE name = '$name'"
        [ "$type" = index ] && printf "$mark" "end: index $name"
      done
      printf "$mark" "end: discovery triggers"
    fi
    # The deferred indexes and the membership trigger, in deferred_index's order (its key, the name).
    sqlite3 "$empty" "SELECT type || char(9) || name FROM sqlite_master WHERE $bulk_where ORDER BY name" | while IFS=$'\t' read -r type name; do
      if [ "$type" = index ] && { [ "$variant" = no-secondary ] || [ "$variant" = core ]; }; then continue; fi
      sqlite3 "$empty" "SELECT replace(replace(sql, 'CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS '), 'CREATE TRIGGER ', 'CREATE TRIGGER IF NOT EXISTS ') || ';' FROM sqlite_master WHERE name = '$name'"
      printf "$mark" "end: $type $name"
    done
    echo "DELETE FROM deferred_index;"
    echo "COMMIT;"
    printf "$mark" "end: commit"
  } > "$out"
}

echo "file: $csv ($rows rows); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(nproc) cores; empty store: $empty"
for variant in "${variants[@]}"; do
  dir=$work/$variant; rm -rf "$dir"; mkdir -p "$dir"
  cp "$empty" "$dir/chainmap.db"
  if [ "$variant" = no-unique ]; then
    # The company table without its UNIQUE constraints (empty table: its two automatic indexes are simply forgotten).
    sqlite3 "$dir/chainmap.db" "PRAGMA writable_schema=ON;
      UPDATE sqlite_master SET sql = replace(replace(sql, 'identity_key TEXT NOT NULL UNIQUE', 'identity_key TEXT NOT NULL'), 'uscc TEXT UNIQUE', 'uscc TEXT') WHERE name = 'company';
      DELETE FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_company_%';"
  fi
  generate "$variant" "$dir/floor.sql"
  raw_sql "$csv" "$dir/raw.sql"
  sync
  load=$(cut -d' ' -f1 /proc/loadavg)
  started=$(date -u +%H:%M:%S)
  /usr/bin/time -f "%e %U %S" -o "$dir/raw.time" sqlite3 "$dir/raw.db" < "$dir/raw.sql" > "$dir/raw.out" &
  raw_pid=$!
  /usr/bin/time -f "%e %U %S" -o "$dir/floor.time" sqlite3 "$dir/chainmap.db" < "$dir/floor.sql" > "$dir/floor.out" 2> "$dir/floor.err" &
  floor_pid=$!
  wait $raw_pid; wait $floor_pid || { echo "$variant failed:"; cat "$dir/floor.err"; exit 1; }
  read -r rw ru rs < "$dir/raw.time"; read -r fw fu fs < "$dir/floor.time"
  awk -v v="$variant" -v n="$rows" -v rw="$rw" -v ru="$ru" -v rs="$rs" -v fw="$fw" -v fu="$fu" -v fs="$fs" -v load="$load" -v at="$started" 'BEGIN { rc = ru + rs; fc = fu + fs;
    printf "%s (pair started %s UTC, load average %s): raw %.2f s wall (%.2f s CPU) = %d rows/s; %s %.2f s wall (%.2f s CPU) = %d rows/s; %s / raw: %.2f by wall, %.2f by CPU\n",
      v, at, load, rw, rc, n / rw, v, fw, fc, n / fw, v, rw / fw, rc / fc }'
  stages "$dir/floor.out"
  # .timer does not time dot commands: the .import's CPU (and the process's start) is what the stages do not account for.
  awk -v fu="$fu" -v fs="$fs" '/^Run Time:/ { split($0, f, " "); cpu += f[6] + f[8] }
    END { printf "  %-70s %8s        %8.2f s CPU\n", "CPU outside the timed statements (the .import, start and exit)", "", fu + fs - cpu }' "$dir/floor.out"
  echo "  rows: $(counts "$dir/chainmap.db")"
done
