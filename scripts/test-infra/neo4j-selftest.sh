#!/usr/bin/env bash
# Self-test of neo4j.sh: start, Cypher over HTTP, auth, schema, version, stop, ports released.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
envf=$(mktemp /tmp/neo4j-selftest.XXXXXX.env)
pass=0 fail=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
}

t0=${EPOCHREALTIME/[.,]/}
"$here/neo4j.sh" start "$envf" >/dev/null
t1=${EPOCHREALTIME/[.,]/}
echo "start took $(( (t1 - t0) / 1000 )) ms"
# shellcheck disable=SC1090
. "$envf"
trap '"$here/neo4j.sh" stop "$envf" >/dev/null 2>&1 || true; rm -f "$envf"' EXIT
http_port=${NEO4J_TEST_URI##*:}
bolt_port=$NEO4J_TEST_BOLT_PORT

cypher() { # statement [user:password] -> prints "status body"
  local auth=${2:-$NEO4J_TEST_USER:$NEO4J_TEST_PASSWORD}
  curl -s -u "$auth" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -w '\n%{http_code}' -d "{\"statements\":[{\"statement\":\"$1\"}]}" \
    "$NEO4J_TEST_URI/db/data/transaction/commit"
}
has() { [[ "$1" == *"$2"* ]]; }

r=$(cypher 'CREATE (n:T {k:1}) RETURN n.k')
check "create returns 1" has "$r" '"data":[{"row":[1]'
check "create no errors" has "$r" '"errors":[]'
r=$(cypher 'RETURN 1' 'neo4j:wrong-password')
check "wrong password gives 401" has "${r##*$'\n'}" 401
r=$(cypher 'CREATE CONSTRAINT ON (c:Company) ASSERT c.key IS UNIQUE')
check "unique constraint created" has "$r" '"errors":[]'
cypher 'CREATE (:Company {key:\"a\"})' >/dev/null
r=$(cypher 'CREATE (:Company {key:\"a\"})')
check "constraint enforced" has "$r" 'ConstraintValidationFailed'
r=$(cypher 'CALL dbms.components()')
check "version 3.1.1 community" has "$r" '["Neo4j Kernel",["3.1.1"],"community"]'

"$here/neo4j.sh" stop "$envf" 2>/dev/null
check "process gone" bash -c "! kill -0 $NEO4J_TEST_PID 2>/dev/null"
check "run dir removed" test ! -e "$NEO4J_TEST_HOME"
check "ports closed" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$http_port) 2>/dev/null && ! (exec 3<>/dev/tcp/127.0.0.1/$bolt_port) 2>/dev/null"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
