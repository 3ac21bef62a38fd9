#!/usr/bin/env python3
"""EXPLAIN QUERY PLAN of each statement of a file (each led by a line "-- name") with a given SQLite library (ADR 0535).

Usage: python3 scripts/bench/explain-plans.py LIBSQLITE.so STORE.db STATEMENTS.sql
  e.g. the service's own: src/ChainMap.Cli/bin/Release/net10.0/runtimes/linux-x64/native/libe_sqlite3.so (opened read-only).
"""
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1]); db = ctypes.c_void_p()
lib.sqlite3_libversion.restype = ctypes.c_char_p
lib.sqlite3_column_text.restype = ctypes.c_char_p
lib.sqlite3_errmsg.restype = ctypes.c_char_p
assert lib.sqlite3_open_v2(sys.argv[2].encode(), ctypes.byref(db), 1, None) == 0
print("-- SQLite", lib.sqlite3_libversion().decode())
blocks, name, lines = [], None, []
for line in open(sys.argv[3], encoding="utf-8"):
    if line.startswith("--#"): continue  # a comment of the file
    if line.startswith("-- "):
        if name: blocks.append((name, "".join(lines)))
        name, lines = line[3:].strip(), []
    else: lines.append(line)
if name: blocks.append((name, "".join(lines)))
for name, sql in blocks:
    stmt = ctypes.c_void_p()
    rc = lib.sqlite3_prepare_v2(db, ("EXPLAIN QUERY PLAN " + sql).encode(), -1, ctypes.byref(stmt), None)
    print("==", name)
    if rc != 0: print("   error:", lib.sqlite3_errmsg(db).decode()); continue
    while lib.sqlite3_step(stmt) == 100:
        print("  ", lib.sqlite3_column_text(stmt, 3).decode())
    lib.sqlite3_finalize(stmt)
