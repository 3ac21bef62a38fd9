# Shared by import-floor.sh (ADR 0505) and import-floor-mixed.sh (ADR 0535): sourced, not run.

q() { printf "%s" "${1//\'/\'\'}"; }   # a text as the inside of an SQL literal

# Writes to $2 the benchmark's peer for the CSV $1, exactly as RawLoad.cs runs it: WAL, synchronous=NORMAL, one table
# keyed by USCC, .import --csv --skip 1, then the row count.
raw_sql() {
  cat > "$2" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
CREATE TABLE company(name TEXT, uscc TEXT PRIMARY KEY, region_code TEXT, segment_code TEXT, products TEXT,
    capital REAL, founded TEXT, employees INTEGER, revenue REAL, listed_code TEXT, tags TEXT);
.import --csv --skip 1 '$(q "$1")' company
SELECT count(*) FROM company;
SQL
}

# Sums, per stage (between two marks), the wall time of the marks and the CPU (user + sys) of sqlite3's .timer lines.
stages() {
  awk -F'|' '
    /^@@\|/ { if (prev != "") { printf "  %-70s %8.2f s wall %8.2f s CPU\n", $2, $3 - prev, cpu; } prev = $3; cpu = 0; next }
    /^Run Time:/ { split($0, f, " "); cpu += f[6] + f[8] }
  ' "$1"
}

# The row count of every table of the store $1, on one line.
counts() {
  sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name" | while read -r t; do
    printf "%s %s; " "$t" "$(sqlite3 "$1" "SELECT count(*) FROM \"$t\"")"
  done
  echo
}
