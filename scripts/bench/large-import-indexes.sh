#!/usr/bin/env bash
# ADR 0410: what the company indexes cost a large import into a store of about 1M companies, measured with sqlite3
# alone (no .NET): a store kept by `benchmark import --rows 200000 --keep` (266,666 companies after its mixed import)
# is grown to 1,066,664 companies and memberships (three copies of its rows under other USCCs, names and strengths),
# every trigger dropped so that only index work is measured; then a third of it is inserted as new companies with a
# membership each and another third re-valued, in 71 steps of 15,000 ids committed every 20 steps (64 MiB cache, WAL,
# synchronous=NORMAL), keeping all indexes (A), none of the seven secondary ones (B), all but province/strength and
# strength (C), all but those two and the name index (D); the dropped ones are built after.
# Usage: scripts/bench/large-import-indexes.sh STORE.db WORKDIR   (needs about 5 GB in WORKDIR)
set -euo pipefail
src=$1; work=$2
mkdir -p "$work"; cd "$work"
cp "$src" big.db
sqlite3 big.db "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('company', 'company_segment')" | sqlite3 big.db
sqlite3 big.db <<'SQL'
PRAGMA cache_size=-262144;
PRAGMA synchronous=OFF;
DROP INDEX company_by_city; DROP INDEX company_by_county; DROP INDEX company_by_name; DROP INDEX company_by_province; DROP INDEX company_by_strength;
DROP INDEX company_segment_by_chain; DROP INDEX company_segment_by_segment; DROP INDEX company_segment_unconfirmed;
BEGIN;
CREATE TEMP TABLE k(n INTEGER); INSERT INTO k VALUES (1),(2),(3);
INSERT INTO company(id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code, registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance, created_at, updated_at, industry, scope, version)
SELECT c.id + k.n * 300000, 'u:' || printf('9X%016d', ((c.id + k.n * 300000) * 2654435761) % 9999999967), printf('9X%016d', ((c.id + k.n * 300000) * 2654435761) % 9999999967), c.name || k.n, hex(randomblob(2)) || c.name_key, c.region_code, c.province_code, c.city_code, c.county_code, c.registered_capital, c.founded, c.employees, c.revenue, c.listed_code, c.tags, c.products, c.address, abs(random() % 10000) / 100.0, c.provenance, c.created_at, c.updated_at, c.industry, c.scope, c.version
FROM k, company c WHERE c.id <= 300000 ORDER BY 1;
INSERT INTO company_segment SELECT company_id + k.n * 300000, segment_code, chain_code, role, confidence, evidence, source, status FROM k, company_segment WHERE company_id <= 300000 ORDER BY 1;
COMMIT;
PRAGMA cache_size=-262144;
CREATE INDEX company_by_province ON company(province_code, strength DESC);
CREATE INDEX company_by_city ON company(city_code);
CREATE INDEX company_by_county ON company(county_code);
CREATE INDEX company_by_strength ON company(strength DESC, id);
CREATE INDEX company_by_name ON company(name_key);
CREATE INDEX company_segment_by_segment ON company_segment(segment_code, company_id);
CREATE INDEX company_segment_by_chain ON company_segment(chain_code, company_id);
CREATE INDEX company_segment_unconfirmed ON company_segment(segment_code, company_id) WHERE status = 'unconfirmed';
PRAGMA wal_checkpoint(TRUNCATE);
SQL
python3 - <<'PY'
drops = {
    "A": "",
    "B": "DROP INDEX company_by_province; DROP INDEX company_by_strength; DROP INDEX company_by_city; DROP INDEX company_by_county; DROP INDEX company_segment_by_segment; DROP INDEX company_segment_by_chain; DROP INDEX company_segment_unconfirmed;\n",
    "C": "DROP INDEX company_by_province; DROP INDEX company_by_strength;\n",
    "D": "DROP INDEX company_by_province; DROP INDEX company_by_strength; DROP INDEX company_by_name;\n",
}
for name, drop in drops.items():
    s = "PRAGMA cache_size=-65536;\nPRAGMA synchronous=NORMAL;\n" + drop + "BEGIN;\n"
    lo, n = 1, 0
    while lo <= 1066664:
        hi = lo + 15000
        s += f"""INSERT INTO company(id, identity_key, uscc, name, name_key, region_code, province_code, city_code, county_code, registered_capital, founded, employees, revenue, listed_code, tags, products, address, strength, provenance, created_at, updated_at, industry, scope, version)
SELECT c.id + 2000000, 'u:' || printf('8Y%016d', (c.id * 2246822519) % 9999999943), printf('8Y%016d', (c.id * 2246822519) % 9999999943), c.name || 'n', hex(randomblob(2)) || c.name_key, c.region_code, c.province_code, c.city_code, c.county_code, c.registered_capital, c.founded, c.employees, c.revenue, c.listed_code, c.tags, c.products, c.address, abs(random() % 10000) / 100.0, c.provenance, c.created_at, c.updated_at, c.industry, c.scope, c.version
FROM company c WHERE c.id >= {lo} AND c.id < {hi} AND c.id % 3 = 0 ORDER BY 1;
INSERT INTO company_segment SELECT company_id + 2000000, segment_code, chain_code, role, confidence, evidence, source, status FROM company_segment WHERE company_id >= {lo} AND company_id < {hi} AND company_id % 3 = 0;
UPDATE company SET employees = coalesce(employees, 0) + 7, strength = abs(random() % 10000) / 100.0, updated_at = 'x', version = version + 1 WHERE id >= {lo} AND id < {hi} AND id % 3 = 1;
"""
        n += 1
        if n % 20 == 0:
            s += "COMMIT;\nBEGIN;\n"
        lo = hi
    open(f"exp{name}.sql", "w").write(s + "COMMIT;\n")
PY
build() { echo "PRAGMA cache_size=-16384; PRAGMA temp_store=FILE; BEGIN; $1 COMMIT;"; }
for v in A B C D; do
  rm -f exp$v.db*; cp big.db exp$v.db
  echo "== $v $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f "$v load: user %U sys %S wall %e" sqlite3 exp$v.db < exp$v.sql
  case $v in
    B) build "CREATE INDEX company_by_province ON company(province_code, strength DESC); CREATE INDEX company_by_city ON company(city_code); CREATE INDEX company_by_county ON company(county_code); CREATE INDEX company_by_strength ON company(strength DESC, id); CREATE INDEX company_segment_by_segment ON company_segment(segment_code, company_id); CREATE INDEX company_segment_by_chain ON company_segment(chain_code, company_id); CREATE INDEX company_segment_unconfirmed ON company_segment(segment_code, company_id) WHERE status = 'unconfirmed';" > build.sql ;;
    C) build "CREATE INDEX company_by_province ON company(province_code, strength DESC); CREATE INDEX company_by_strength ON company(strength DESC, id);" > build.sql ;;
    D) build "CREATE INDEX company_by_province ON company(province_code, strength DESC); CREATE INDEX company_by_strength ON company(strength DESC, id); CREATE INDEX company_by_name ON company(name_key);" > build.sql ;;
    *) : > build.sql ;;
  esac
  [ -s build.sql ] && /usr/bin/time -f "$v build: user %U sys %S wall %e" sqlite3 exp$v.db < build.sql
  rm -f exp$v.db*
done
