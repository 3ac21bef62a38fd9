#!/usr/bin/env bash
# ADR 0535: the mixed import's floor. What the benchmark's mixed import (`benchmark import --rows N`: a second file of N rows,
# a third each unchanged, changed and new, into the store holding the first file's N) costs when SQLite alone writes its
# stored result (the sqlite3 command line, no .NET in the timed part), next to the raw load of the same file and the real
# import of it, all three started at the same moment.
#
#   raw    the benchmark's peer exactly as RawLoad.cs runs it, of the mixed file (WAL, synchronous=NORMAL, one table keyed
#          by USCC, .import --csv --skip 1, into a new file)
#   floor  a copy of the store the real import of the first file made (`import companies`, CHAINMAP_CLI), then in the
#          session's one transaction (the large path, ADR 0255/0410, SqliteCompanyImportSession): the import run recorded;
#          the discovery triggers and the three company indexes of the large path recorded in deferred_index and dropped
#          (DiscoveryTriggers, LargeImportIndexes: a test keeps them equal to the code's); the file .imported to a staging
#          table (an attached in-memory database: a TEMP table would forbid the end's temp_store=FILE inside the
#          transaction); each row's values (identity by USCC; the name key, place and strength as import-floor.sh computes
#          them) and what CompanyMerge decides (the fields that differ, present values winning); the new companies
#          inserted (ids after the highest, in file order) with their memberships; each changed company updated, one UPDATE
#          per set of changed fields, only those columns with the strength, provenance (the fields stamped with this
#          import, sources in the order of their first field), time and version; the change log (a record with the fields'
#          values and provenance before per changed company, an id range per batch of 5,000 rows with new ones, numbered in
#          the session's order); the highest id; then the end as RestoreInTransactionAsync runs it in the same
#          transaction (16 MiB cache, temp_store=FILE, the discovery tables' triggers and indexes dropped, the rebuild
#          statement by statement, the discovery objects recreated, the deferred objects recreated in deferred_index's
#          order), commit. Unchanged rows write nothing. Store pragmas as the session's connection (foreign_keys=ON,
#          synchronous=NORMAL, temp_store=MEMORY, 64 MiB cache).
#   real   `import companies` of the mixed file into another copy of the same store (CHAINMAP_CLI; the process's time
#          includes the host's start and the data check, printed apart as the first import's "start" below is not)
#
# Covers what the benchmark's files need: rows with a USCC (no namesakes), the default --mixed-change employees (memberships
# of stored companies unchanged; with --mixed-change products the real import rewrites them, the floor does not), no
# analysts' values. The floor's store is compared with the real import's: row counts of every table, and row by row
# (ATTACH) the company, membership, change log and discovery tables, the mixed import's id and time read as equal.
#
# Usage: scripts/bench/import-floor-mixed.sh FIRST_CSV MIXED_CSV WORKDIR [RUNS]   (default 1 run)
#   FIRST_CSV and MIXED_CSV: the files `benchmark import --rows N --keep` keeps (companies-N.csv, companies-N-mixed.csv).
#   WORKDIR/first/chainmap.db is made once (delete it to make it again). Prints per run: wall and CPU seconds and rows/s of
#   each of the three, their ratios, the floor's stages (wall and CPU), then the comparison of the two stores.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
first_csv=$(realpath "$1"); csv=$(realpath "$2"); work=$3; runs=${4:-1}
cli=${CHAINMAP_CLI:-$here/src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll}
mkdir -p "$work"; work=$(realpath "$work")
source "$here/scripts/bench/floor-common.sh"   # q, raw_sql, stages, counts

# The store before the mixed import: the service's schema, regions and chains (no demo data), then the first file imported.
if [ ! -f "$work/first/chainmap.db" ]; then
  rm -rf "$work/first"; mkdir -p "$work/first"
  head -1 "$first_csv" > "$work/header.csv"
  Storage__SeedDemoData=false dotnet "$cli" import companies "$work/header.csv" --store "$work/first" > "$work/first.log" 2>&1 || true
  Storage__SeedDemoData=false dotnet "$cli" import companies "$first_csv" --store "$work/first" >> "$work/first.log" 2>&1
  sqlite3 "$work/first/chainmap.db" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  [ "$(sqlite3 "$work/first/chainmap.db" "SELECT count(*) FROM company")" = $(($(wc -l < "$first_csv") - 1)) ] \
    || { echo "the first import did not store every row (see $work/first.log)" >&2; exit 1; }
fi
first=$work/first/chainmap.db
rows=$(($(wc -l < "$csv") - 1))

# What the large path defers (SqliteCompanyImportSession.DiscoveryTriggers, LargeImportIndexes), verbatim; a test
# (ImportFloorScriptTests) fails when the code's and these differ.
discovery_triggers="type = 'trigger' AND name LIKE 'discovery\_%' ESCAPE '\'
        AND (tbl_name = 'company_segment' OR name IN ('discovery_member_after_company_update', 'discovery_member_tag_after_company_tags'))"
large_import_indexes="type = 'index' AND tbl_name = 'company' AND name IN ('company_by_province', 'company_by_strength', 'company_by_name')"
large_where="($discovery_triggers) OR ($large_import_indexes)"
disc_where="type IN ('trigger', 'index') AND tbl_name IN ('discovery_member', 'discovery_count', 'discovery_member_tag') AND sql IS NOT NULL"
# The discovery rebuild: import-floor.sh's copy of SqliteDiscoverySchema.RebuildStatements (tested there).
rebuild=$(sed -n "/^read -r -d '' rebuild <<'SQL'/,/^SQL$/p" "$here/scripts/bench/import-floor.sh" | sed '1d;$d')
[ -n "$rebuild" ] || { echo "no rebuild statements in import-floor.sh" >&2; exit 1; }

# LogPoints(value, low, high, points) of CompanyStrength, as SQL (as import-floor.sh).
logp() { echo "(CASE WHEN $1 IS NULL OR $1 <= $2 THEN 0 WHEN $1 >= $3 THEN $4 ELSE $4 * ln($1 / $2.0) / ln($3.0 / $2) END)"; }
# CompanyStrength.Score over columns named cap, rev, emp, lc, fd and tg ('|' || tags || '|'), as import-floor.sh.
strength() {
  cat <<SQL
round(min(100,
        CASE WHEN lc IS NOT NULL THEN
            CASE WHEN length(lc) <> 6 OR lc GLOB '*[^0-9]*' THEN 10 WHEN substr(lc, 1, 2) IN ('60', '00') THEN 14
                 WHEN substr(lc, 1, 2) IN ('68', '30') THEN 12 WHEN substr(lc, 1, 2) = '92' OR substr(lc, 1, 1) IN ('8', '4') THEN 9 ELSE 10 END
             WHEN instr(tg, '|上市|') > 0 THEN 10 ELSE 0 END
        + $(logp cap 100 1000000 20) + $(logp rev 500 10000000 25) + $(logp emp 10 50000 15)
        + CASE WHEN fd IS NULL THEN 0 ELSE (SELECT CASE WHEN y >= 20 THEN 6 WHEN y >= 10 THEN 4 WHEN y >= 5 THEN 2 ELSE 0 END
              FROM (SELECT max(0, CAST(strftime('%Y', 'now') AS INTEGER) - CAST(substr(fd, 1, 4) AS INTEGER)
                  - (CAST(strftime('%j', 'now') AS INTEGER) < CAST(strftime('%j', fd) AS INTEGER))) AS y)) END
        + 12 * (instr(tg, '|500强|') > 0) + 8 * (instr(tg, '|小巨人|') > 0)
        + 5 * (instr(tg, '|专精特新|') > 0 AND instr(tg, '|小巨人|') = 0)
        + 4 * (instr(tg, '|高新技术企业|') > 0) + 4 * (instr(tg, '|规上企业|') > 0)), 2)
SQL
}

# The company columns of each CompanyFields bit (SqliteCompanyImportSession.UpdatedColumns) as the decided row names them.
field_columns="(1, 'name', 'name = d.name, name_key = d.name_key'), (2, 'uscc', 'uscc = d.uscc, identity_key = d.identity_key'),
  (4, 'region', 'region_code = d.region_code, province_code = d.province_code, city_code = d.city_code, county_code = d.county_code'),
  (8, 'registered_capital', 'registered_capital = d.cap'), (16, 'founded', 'founded = d.fd'), (32, 'employees', 'employees = d.emp'),
  (64, 'revenue', 'revenue = d.rev'), (128, 'listed_code', 'listed_code = d.lc'), (256, 'tags', 'tags = d.tags'),
  (512, 'products', 'products = d.products')"

generate() {
  local out=$1 dir=$2 import_id now file
  import_id="imp-$(date -u +%Y%m%d%H%M%S)-mfloor$(printf %05d $RANDOM)"
  now=$(date -u +%Y-%m-%dT%H:%M:%S.%7N+00:00)
  file=$(basename "$csv")
  local mark="SELECT '@@', '%s', printf('%%.3f', (julianday('now') - 2440587.5) * 86400.0);\n"
  {
    echo ".bail on"
    echo "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"
    echo "ATTACH ':memory:' AS s;"
    echo "CREATE TABLE s.fields(bit INTEGER PRIMARY KEY, name TEXT, cols TEXT); INSERT INTO s.fields VALUES $field_columns;"
    echo ".timer on"
    printf "$mark" start
    echo "BEGIN IMMEDIATE;"
    # The session's Begin: the import run; its second batch takes the large path (the first batch's 5,000 rows go
    # through the triggers in the real import; the end rebuilds the same tables either way).
    echo "INSERT OR IGNORE INTO import_run(id, file_name, at) VALUES ('$import_id', '$(q "$file")', '$now');"
    echo "INSERT OR REPLACE INTO deferred_index(name, sql) SELECT name, sql FROM sqlite_master WHERE $large_where;"
    sqlite3 "$first" "SELECT 'DROP ' || CASE type WHEN 'trigger' THEN 'TRIGGER' ELSE 'INDEX' END || ' IF EXISTS \"' || name || '\";' FROM sqlite_master WHERE $large_where"
    printf "$mark" "defer (large path)"
    echo "CREATE TABLE s.staging(name TEXT, uscc TEXT, region_code TEXT, segment_code TEXT, products TEXT, capital TEXT, founded TEXT, employees TEXT, revenue TEXT, listed_code TEXT, tags TEXT);"
    echo ".import --csv --skip 1 --schema s '$(q "$csv")' staging"
    printf "$mark" "file .imported to a staging table"
    # Each row as the import reads it, its stored company by USCC, and what the merge decides: the mask of the fields
    # given that differ (CompanyMerge.Merge: present values win; a region that is the stored one's province or city is not
    # given), the merged values, the new strength and provenance, and the change log's record before.
    cat <<SQL
CREATE TABLE s.decided AS
SELECT v.*, CASE WHEN v.cid IS NULL OR v.mask <> 0 THEN $(strength) END AS strength,
    CASE WHEN v.cid IS NULL OR v.mask = 0 THEN NULL
         ELSE (SELECT json_group_object(src, msk) FROM (
                  SELECT src, msk FROM (SELECT p.key AS src, p.value & ~v.mask AS msk FROM json_each(v.stored_provenance) p
                                        UNION ALL SELECT '$import_id', v.mask)
                  WHERE msk <> 0 ORDER BY msk & -msk)) END AS provenance
FROM (
    SELECT i.*, c.id AS cid, c.provenance AS stored_provenance,
        c.name AS s_name, c.name_key AS s_name_key, c.uscc AS s_uscc, c.identity_key AS s_identity_key,
        c.region_code AS s_region_code, c.province_code AS s_province_code, c.city_code AS s_city_code, c.county_code AS s_county_code,
        c.registered_capital AS s_cap, c.founded AS s_fd, c.employees AS s_emp, c.revenue AS s_rev, c.listed_code AS s_lc,
        c.tags AS s_tags, c.products AS s_products,
        CASE WHEN c.id IS NULL THEN 0 ELSE
            (i.name IS NOT c.name)
            + 2 * (i.uscc IS NOT NULL AND i.uscc IS NOT c.uscc)
            + 4 * (i.region_code IS NOT c.region_code AND i.region_code IS NOT c.province_code AND i.region_code IS NOT c.city_code)
            + 8 * (i.cap0 IS NOT NULL AND i.cap0 IS NOT c.registered_capital) + 16 * (i.fd0 IS NOT NULL AND i.fd0 IS NOT c.founded)
            + 32 * (i.emp0 IS NOT NULL AND i.emp0 IS NOT c.employees) + 64 * (i.rev0 IS NOT NULL AND i.rev0 IS NOT c.revenue)
            + 128 * (i.lc0 IS NOT NULL AND i.lc0 IS NOT c.listed_code) + 256 * (i.tags0 <> '' AND i.tags0 IS NOT c.tags)
            + 512 * (i.products0 IS NOT NULL AND i.products0 IS NOT c.products) END AS mask,
        coalesce(i.cap0, c.registered_capital) AS cap, coalesce(i.fd0, c.founded) AS fd, coalesce(i.emp0, c.employees) AS emp,
        coalesce(i.rev0, c.revenue) AS rev, coalesce(i.lc0, c.listed_code) AS lc, coalesce(nullif(i.tags0, ''), c.tags, '') AS tags,
        coalesce(i.products0, c.products) AS products, '|' || coalesce(nullif(i.tags0, ''), c.tags, '') || '|' AS tg
    FROM (SELECT s.rowid AS line, s.name, lower(replace(replace(s.name, '(', ''), ')', '')) AS name_key, nullif(s.uscc, '') AS uscc,
              'u:' || nullif(s.uscc, '') AS identity_key, s.region_code, s.segment_code,
              CASE WHEN r.level = 'province' THEN r.code WHEN p.level = 'province' THEN p.code ELSE g.code END AS province_code,
              CASE WHEN r.level = 'city' THEN r.code WHEN r.level = 'county' AND p.level = 'city' THEN p.code END AS city_code,
              CASE WHEN r.level = 'county' THEN r.code END AS county_code,
              CAST(nullif(s.capital, '') AS REAL) AS cap0, nullif(s.founded, '') AS fd0, CAST(nullif(s.employees, '') AS INTEGER) AS emp0,
              CAST(nullif(s.revenue, '') AS REAL) AS rev0, nullif(s.listed_code, '') AS lc0, s.tags AS tags0, nullif(s.products, '') AS products0
          FROM s.staging s
          LEFT JOIN region r ON r.code = s.region_code LEFT JOIN region p ON p.code = r.parent_code LEFT JOIN region g ON g.code = p.parent_code) i
    LEFT JOIN company c ON c.uscc = i.uscc) v;
SQL
    printf "$mark" "rows read against the store (identity by USCC), decided"
    # New companies: ids after the highest ever given (company_id_high), in file order.
    cat <<SQL
CREATE TABLE s.fresh AS
SELECT (SELECT max(coalesce((SELECT max(id) FROM company), 0), coalesce((SELECT last FROM company_id_high), 0)))
    + row_number() OVER (ORDER BY line) AS id, * FROM s.decided WHERE cid IS NULL;
INSERT INTO company(id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
    registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance,
    created_at, updated_at, industry, scope)
SELECT id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code, cap, fd, emp, rev, lc, tags,
    products, NULL, strength,
    '{"$import_id":' || (7 + 8 * (cap IS NOT NULL) + 16 * (fd IS NOT NULL) + 32 * (emp IS NOT NULL) + 64 * (rev IS NOT NULL)
        + 128 * (lc IS NOT NULL) + 256 * (tags <> '') + 512 * (products IS NOT NULL)) || '}',
    '$now', '$now', NULL, NULL
FROM s.fresh ORDER BY id;
SQL
    printf "$mark" "new company rows"
    cat <<SQL
INSERT INTO company_segment(company_id, segment_code, chain_code, role, confidence, evidence, source, status)
SELECT f.id, f.segment_code, t.chain_code, f.products, 1.0, '环节代码: ' || f.segment_code, '$(q "$file")', 'confirmed'
FROM s.fresh f JOIN membership_target t ON t.code = f.segment_code
ORDER BY f.id;
SQL
    printf "$mark" "new memberships"
    # The changed companies: one UPDATE per set of changed fields (the session prepares one statement per set), written to
    # a file and read back in the same process.
    echo ".output '$(q "$dir/updates.sql")'"
    cat <<SQL
SELECT 'UPDATE company SET ' || (SELECT group_concat(cols, ', ') FROM (SELECT cols FROM s.fields f WHERE m.mask & f.bit ORDER BY f.bit))
    || ', strength = d.strength, provenance = d.provenance, updated_at = ''$now'', version = version + 1'
    || ' FROM s.decided d WHERE d.cid = company.id AND d.mask = ' || m.mask || ';'
FROM (SELECT DISTINCT mask FROM s.decided WHERE cid IS NOT NULL AND mask <> 0) m;
SQL
    echo ".output stdout"
    echo ".read '$(q "$dir/updates.sql")'"
    printf "$mark" "changed company rows"
    # The change log (ADR 0191): per batch of CompanyImporter.BatchSize = 5,000 rows, a record per changed company in row
    # order, then the batch's new ids as one range; numbered in that order after the job's records (none here).
    cat <<SQL
INSERT INTO import_change(job_id, seq, first_id, last_id, before)
SELECT '$import_id', row_number() OVER (ORDER BY batch, kind, line), first_id, last_id, before FROM (
    SELECT (d.line - 1) / 5000 AS batch, 0 AS kind, d.line, d.cid AS first_id, d.cid AS last_id,
        json_patch('{}', json_object('Id', d.cid, 'Fields', d.mask,
            'IdentityKey', CASE WHEN d.mask & 2 THEN d.s_identity_key END, 'Uscc', CASE WHEN d.mask & 2 THEN d.s_uscc END,
            'Name', CASE WHEN d.mask & 1 THEN d.s_name END, 'NameKey', CASE WHEN d.mask & 1 THEN d.s_name_key END,
            'RegionCode', CASE WHEN d.mask & 4 THEN d.s_region_code END, 'ProvinceCode', CASE WHEN d.mask & 4 THEN d.s_province_code END,
            'CityCode', CASE WHEN d.mask & 4 THEN d.s_city_code END, 'CountyCode', CASE WHEN d.mask & 4 THEN d.s_county_code END,
            'RegisteredCapital', CASE WHEN d.mask & 8 THEN d.s_cap END, 'Founded', CASE WHEN d.mask & 16 THEN d.s_fd END,
            'Employees', CASE WHEN d.mask & 32 THEN d.s_emp END, 'Revenue', CASE WHEN d.mask & 64 THEN d.s_rev END,
            'ListedCode', CASE WHEN d.mask & 128 THEN d.s_lc END, 'JoinedTags', CASE WHEN d.mask & 256 THEN d.s_tags END,
            'Products', CASE WHEN d.mask & 512 THEN d.s_products END,
            'Provenance', (SELECT json_group_object(f.name, p.key) FROM s.fields f
                JOIN json_each(d.stored_provenance) p ON p.value & f.bit WHERE d.mask & f.bit ORDER BY f.bit),
            'Memberships', json_array())) AS before
    FROM s.decided d WHERE d.cid IS NOT NULL AND d.mask <> 0
    UNION ALL
    SELECT (line - 1) / 5000, 1, max(line), min(id), max(id), NULL FROM s.fresh GROUP BY (line - 1) / 5000);
UPDATE company_id_high SET last = (SELECT max(id) FROM s.fresh) WHERE last < (SELECT max(id) FROM s.fresh);
SQL
    printf "$mark" "change log, highest id"
    # The end, in the same transaction (CommitAsync -> RestoreInTransactionAsync): 16 MiB cache, temp_store=FILE.
    echo "PRAGMA cache_size=-16384; PRAGMA temp_store=FILE; PRAGMA shrink_memory;"
    printf "$mark" "end: settings"
    sqlite3 "$first" "SELECT 'DROP ' || CASE type WHEN 'index' THEN 'INDEX' ELSE 'TRIGGER' END || ' \"' || name || '\";' FROM sqlite_master WHERE $disc_where"
    printf "$mark" "end: discovery objects dropped"
    local i=0
    while IFS= read -r -d ';' statement; do
      statement=$(echo "$statement" | sed '/^[[:space:]]*$/d')
      [ -n "$statement" ] || continue
      i=$((i + 1))
      echo "$statement;"
      printf "$mark" "end: rebuild $i: $(echo "$statement" | head -1 | cut -c1-60 | tr "'" '"')"
    done <<< "$rebuild"
    sqlite3 "$first" "SELECT type || char(9) || name FROM sqlite_master WHERE $disc_where" | while IFS=$'\t' read -r type name; do
      sqlite3 "$first" "SELECT sql || ';' FROM sqlite_master WHERE name = '$name'"
      if [ "$type" = index ]; then printf "$mark" "end: index $name"; fi
    done
    printf "$mark" "end: discovery triggers"
    # The deferred objects, in deferred_index's order (its key, the name).
    sqlite3 "$first" "SELECT type || char(9) || name FROM sqlite_master WHERE $large_where ORDER BY name" | while IFS=$'\t' read -r type name; do
      sqlite3 "$first" "SELECT replace(replace(sql, 'CREATE INDEX ', 'CREATE INDEX IF NOT EXISTS '), 'CREATE TRIGGER ', 'CREATE TRIGGER IF NOT EXISTS ') || ';' FROM sqlite_master WHERE name = '$name'"
      if [ "$type" = index ]; then printf "$mark" "end: index $name"; fi
    done
    printf "$mark" "end: deferred triggers"
    echo "DELETE FROM deferred_index;"
    echo "COMMIT;"
    printf "$mark" "end: commit"
  } > "$out"
}

# Row by row, floor against real: rows of each table in one store and not in the other (both ways), the mixed import's
# id and time replaced by placeholders in each (the first import's are the same copy in both).
compare() {
  local floor=$1 real=$2
  sqlite3 "$floor" <<SQL
ATTACH '$(q "$real")' AS r;
CREATE TEMP VIEW fm AS SELECT id, at FROM main.import_run ORDER BY at DESC LIMIT 1;
CREATE TEMP VIEW rm AS SELECT id, at FROM r.import_run ORDER BY at DESC LIMIT 1;
CREATE TEMP TABLE fc AS SELECT id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
    registered_capital, founded, employees, revenue, listed_code, tags, products, address, round(strength, 6) AS strength,
    replace(provenance, (SELECT id FROM fm), 'M') AS provenance, replace(created_at, (SELECT at FROM fm), 'M') AS created_at,
    replace(updated_at, (SELECT at FROM fm), 'M') AS updated_at, industry, scope, version FROM main.company;
CREATE TEMP TABLE rc AS SELECT id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code,
    registered_capital, founded, employees, revenue, listed_code, tags, products, address, round(strength, 6) AS strength,
    replace(provenance, (SELECT id FROM rm), 'M') AS provenance, replace(created_at, (SELECT at FROM rm), 'M') AS created_at,
    replace(updated_at, (SELECT at FROM rm), 'M') AS updated_at, industry, scope, version FROM r.company;
SELECT 'company: ' || (SELECT count(*) FROM (SELECT * FROM fc EXCEPT SELECT * FROM rc)) || ' floor rows not in real, '
    || (SELECT count(*) FROM (SELECT * FROM rc EXCEPT SELECT * FROM fc)) || ' real rows not in floor';
SELECT '  first differing company, floor: ' || json_array(f.id, f.strength, f.provenance, f.updated_at, f.version, f.employees)
    || ' real: ' || json_array(c.id, c.strength, c.provenance, c.updated_at, c.version, c.employees)
FROM (SELECT * FROM fc EXCEPT SELECT * FROM rc ORDER BY id LIMIT 1) f LEFT JOIN rc c ON c.id = f.id;
SELECT 'company_segment: ' || (SELECT count(*) FROM (SELECT * FROM main.company_segment EXCEPT SELECT * FROM r.company_segment)) || ' / '
    || (SELECT count(*) FROM (SELECT * FROM r.company_segment EXCEPT SELECT * FROM main.company_segment));
SELECT 'import_change: ' || (SELECT count(*) FROM (SELECT replace(job_id, (SELECT id FROM fm), 'M'), seq, first_id, last_id, replace(before, (SELECT id FROM fm), 'M') FROM main.import_change
        EXCEPT SELECT replace(job_id, (SELECT id FROM rm), 'M'), seq, first_id, last_id, replace(before, (SELECT id FROM rm), 'M') FROM r.import_change)) || ' / '
    || (SELECT count(*) FROM (SELECT replace(job_id, (SELECT id FROM rm), 'M'), seq, first_id, last_id, replace(before, (SELECT id FROM rm), 'M') FROM r.import_change
        EXCEPT SELECT replace(job_id, (SELECT id FROM fm), 'M'), seq, first_id, last_id, replace(before, (SELECT id FROM fm), 'M') FROM main.import_change));
SELECT '  first differing change record, floor: ' || json_array(f.seq, f.first_id, f.last_id, f.before) || ' real: ' || json_array(c.seq, c.first_id, c.last_id, c.before)
FROM main.import_change f LEFT JOIN r.import_change c ON c.seq = f.seq AND c.job_id = (SELECT id FROM rm)
WHERE f.job_id = (SELECT id FROM fm) AND (c.seq IS NULL OR c.first_id <> f.first_id OR c.last_id <> f.last_id
    OR replace(c.before, (SELECT id FROM rm), 'M') IS NOT replace(f.before, (SELECT id FROM fm), 'M')) ORDER BY f.seq LIMIT 1;
SELECT 'discovery_member: ' || (SELECT count(*) FROM (SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, round(strength, 6), capital, multi FROM main.discovery_member
        EXCEPT SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, round(strength, 6), capital, multi FROM r.discovery_member)) || ' / '
    || (SELECT count(*) FROM (SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, round(strength, 6), capital, multi FROM r.discovery_member
        EXCEPT SELECT segment_code, company_id, chain_code, province_code, city_code, county_code, round(strength, 6), capital, multi FROM main.discovery_member));
SELECT 'discovery_count: ' || (SELECT count(*) FROM main.discovery_count f LEFT JOIN r.discovery_count c USING (segment_code, region_code)
        WHERE c.companies IS NOT f.companies OR c.level IS NOT f.level OR c.province_code IS NOT f.province_code OR c.city_code IS NOT f.city_code
            OR abs(c.capital - f.capital) > 1e-6 * max(1, abs(f.capital)) OR abs(c.strength - f.strength) > 1e-6 * max(1, abs(f.strength)))
    || ' floor rows without an equal real row (sums within 1e-6 relative)';
SELECT 'discovery_member_tag: ' || (SELECT count(*) FROM (SELECT tag, segment_code, company_id, round(strength, 6), capital, province_code, city_code, county_code FROM main.discovery_member_tag
        EXCEPT SELECT tag, segment_code, company_id, round(strength, 6), capital, province_code, city_code, county_code FROM r.discovery_member_tag)) || ' / '
    || (SELECT count(*) FROM (SELECT tag, segment_code, company_id, round(strength, 6), capital, province_code, city_code, county_code FROM r.discovery_member_tag
        EXCEPT SELECT tag, segment_code, company_id, round(strength, 6), capital, province_code, city_code, county_code FROM main.discovery_member_tag));
SELECT 'company_id_high: floor ' || (SELECT last FROM main.company_id_high) || ', real ' || (SELECT last FROM r.company_id_high);
SELECT 'sqlite_master: ' || (SELECT count(*) FROM (SELECT type, name, tbl_name, sql FROM main.sqlite_master EXCEPT SELECT type, name, tbl_name, sql FROM r.sqlite_master)) || ' / '
    || (SELECT count(*) FROM (SELECT type, name, tbl_name, sql FROM r.sqlite_master EXCEPT SELECT type, name, tbl_name, sql FROM main.sqlite_master));
SQL
}

echo "files: $first_csv (stored first), $csv ($rows rows); sqlite3 $(sqlite3 --version | cut -d' ' -f1); $(nproc) cores; CLI $cli"
echo "store before: $first ($(sqlite3 "$first" "SELECT count(*) FROM company") companies)"
for run in $(seq 1 "$runs"); do
  dir=$work/run$run; rm -rf "$dir"; mkdir -p "$dir/floor" "$dir/real"
  cp "$first" "$dir/floor/chainmap.db"; cp "$first" "$dir/real/chainmap.db"
  generate "$dir/floor.sql" "$dir"
  raw_sql "$csv" "$dir/raw.sql"
  sync
  load=$(cut -d' ' -f1 /proc/loadavg)
  started=$(date -u +%H:%M:%S)
  /usr/bin/time -f "%e %U %S" -o "$dir/raw.time" sqlite3 "$dir/raw.db" < "$dir/raw.sql" > "$dir/raw.out" &
  raw_pid=$!
  /usr/bin/time -f "%e %U %S" -o "$dir/floor.time" sqlite3 "$dir/floor/chainmap.db" < "$dir/floor.sql" > "$dir/floor.out" 2> "$dir/floor.err" &
  floor_pid=$!
  Storage__SeedDemoData=false /usr/bin/time -f "%e %U %S" -o "$dir/real.time" dotnet "$cli" import companies "$csv" --store "$dir/real" > "$dir/real.out" 2>&1 &
  real_pid=$!
  wait $raw_pid; wait $floor_pid || { echo "floor failed:"; cat "$dir/floor.err"; exit 1; }
  wait $real_pid || { echo "real import failed:"; tail -5 "$dir/real.out"; exit 1; }
  read -r rw ru rs < "$dir/raw.time"; read -r fw fu fs < "$dir/floor.time"; read -r iw iu is < "$dir/real.time"
  awk -v n="$rows" -v rw="$rw" -v ru="$ru" -v rs="$rs" -v fw="$fw" -v fu="$fu" -v fs="$fs" -v iw="$iw" -v iu="$iu" -v is="$is" -v load="$load" -v at="$started" -v run="$run" 'BEGIN {
    rc = ru + rs; fc = fu + fs; ic = iu + is;
    printf "run %d (started %s UTC, load average %s):\n", run, at, load;
    printf "  raw   %8.2f s wall %8.2f s CPU = %7d rows/s\n", rw, rc, n / rw;
    printf "  floor %8.2f s wall %8.2f s CPU = %7d rows/s; floor / raw %.2f by wall, %.2f by CPU\n", fw, fc, n / fw, rw / fw, rc / fc;
    printf "  real  %8.2f s wall %8.2f s CPU = %7d rows/s (the CLI process: host start and data check included); real / floor %.2f by wall, %.2f by CPU\n", iw, ic, n / iw, fw / iw, fc / ic }'
  stages "$dir/floor.out"
  awk -v fu="$fu" -v fs="$fs" '/^Run Time:/ { split($0, f, " "); cpu += f[6] + f[8] }
    END { printf "  %-70s %8s        %8.2f s CPU\n", "CPU outside the timed statements (the .import, start and exit)", "", fu + fs - cpu }' "$dir/floor.out"
  grep -E "rows/s|inserted|updated" "$dir/real.out" | sed 's/^/  real import: /' | head -4 || true
  echo "  rows, floor: $(counts "$dir/floor/chainmap.db")"
  echo "  rows, real:  $(counts "$dir/real/chainmap.db")"
  compare "$dir/floor/chainmap.db" "$dir/real/chainmap.db" | sed 's/^/  /'
done
