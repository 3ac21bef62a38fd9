#!/usr/bin/env bash
# Waiting writers (a benchmark, not a unit test; issue #18, ADR 0460): starts ChainMap (Release) on 127.0.0.1 over a
# fresh embedded store, imports SEED_ROWS companies, then starts a second import of IMPORT_ROWS new companies (a large
# import into a store that holds companies: ADR 0410's held path) and, while it runs, sends rounds of N concurrent
# analysts' edits (PATCH /api/companies/{id}, N from WRITERS) while READERS loops read company lists. Per round it
# prints one WAITWRITERS line: each write's wait (p50, max), the errors, the readers' requests and p50/p99/max during the
# round (N=0: 10 s of reads alone), and the service's thread count (/proc/<pid>/status Threads: at the start of the round and its highest).
# After the import it checks that every edit is stored. Fails (exit 1) on any error answer, a lost edit or a failed
# import. Bounded: each round at most 11 minutes, the import at most 20 minutes; loopback only.
# BIN=<checkout> runs the Release binaries of another checkout (e.g. BIN=/work/wt/base36 for "before"); default this one.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${BIN:-$PWD}"
SEED_ROWS="${SEED_ROWS:-200000}"
IMPORT_ROWS="${IMPORT_ROWS:-200000}"
WRITERS="${WRITERS:-0 8 32 64}"
READERS="${READERS:-4}"
[ -f "$BIN/src/ChainMap.Api/bin/Release/net10.0/ChainMap.Api.dll" ] || { echo "no Release build in $BIN"; exit 1; }

. scripts/bench/service.sh

cli="$BIN/src/ChainMap.Cli/bin/Release/net10.0/ChainMap.Cli.dll"
dotnet "$cli" generate-demo --count "$SEED_ROWS" --seed 7 --out "$work/seed.csv" >/dev/null
dotnet "$cli" generate-demo --count "$IMPORT_ROWS" --seed 8 --out "$work/import.csv" >/dev/null

python3 - "$port" "$key" "$service" "$work" "$WRITERS" "$READERS" "$IMPORT_ROWS" <<'EOF'
import http.client, json, sys, threading, time, statistics, uuid

port, key, pid, work, writers, readers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], [int(n) for n in sys.argv[5].split()], int(sys.argv[6])
going = min(20000, int(sys.argv[7]) // 10)
H = {"Authorization": "Bearer " + key, "Accept": "application/json"}
failures = []

def call(method, path, body=None, headers=None, timeout=700):
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=timeout)
    try:
        h = dict(H, **(headers or {}))
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()

def upload(path):
    boundary = uuid.uuid4().hex
    data = open(path, "rb").read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.split('/')[-1]}\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    status, text = call("POST", "/api/imports/companies", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    if status >= 300:
        sys.exit(f"the import was not accepted: {status} {text[:300]!r}")
    return json.loads(text)["id"]

def job(i):
    return json.loads(call("GET", f"/api/imports/{i}")[1])

def wait_job(i, limit=1200):
    end = time.time() + limit
    while time.time() < end:
        j = job(i)
        if j["state"] not in ("queued", "running"):
            return j
        time.sleep(0.5)
    sys.exit(f"the import {i} did not end within {limit} s")

def threads():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("Threads:"):
            return int(line.split()[1])

def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

t0 = time.time()
seeded = wait_job(upload(f"{work}/seed.csv"))
if seeded["state"] != "succeeded":
    sys.exit(f"the seed import ended {seeded['state']}: {seeded.get('message')}")
print(f"seed import: {seeded['inserted']} inserted in {time.time() - t0:.0f} s", flush=True)

# The companies the rounds edit (distinct ones, with their versions), read before the second import.
total = sum(writers)
status, text = call("GET", f"/api/companies?pageSize={min(total, 200)}&page=1")
items = json.loads(text)["items"]
ids = [c["id"] for c in items][:total]
if len(ids) < total:
    sys.exit(f"only {len(ids)} companies to edit, {total} needed")
versions = {i: json.loads(call("GET", f"/api/companies/{i}")[1])["company"]["version"] for i in ids}

import_id = upload(f"{work}/import.csv")
started = time.time()
while True:
    j = job(import_id)
    if j["state"] == "running" and (j.get("rowsRead") or 0) >= going:
        break
    if j["state"] not in ("queued", "running") or time.time() - started > 600:
        sys.exit(f"the import did not get going: {j['state']} {j.get('rowsRead')}")
    time.sleep(0.2)
print(f"import running: {j['rowsRead']} rows read after {time.time() - started:.1f} s", flush=True)

reader_paths = ["/api/companies?chain=ZQ&pageSize=20", "/api/companies?chain=NC&pageSize=20", "/api/companies?q=%E6%B1%BD%E8%BD%A6&pageSize=20"]
next_id = 0
expected = {}
for n in writers:
    stop = threading.Event()
    reads, read_errors = [], []
    def reader(k):
        c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=700)
        m = 0
        while not stop.is_set():
            path = reader_paths[(k + m) % len(reader_paths)]
            m += 1
            s = time.perf_counter()
            try:
                c.request("GET", path, headers=H)
                r = c.getresponse()
                r.read()
                if r.status >= 300:
                    read_errors.append(r.status)
            except Exception as e:
                read_errors.append(repr(e))
                c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=700)
            reads.append((time.perf_counter() - s) * 1000)
    samples = []
    def sampler():
        while not stop.is_set():
            samples.append(threads())
            time.sleep(0.1)
    first_threads = threads()
    state_before = job(import_id)["state"]
    bg = [threading.Thread(target=reader, args=(k,)) for k in range(readers)] + [threading.Thread(target=sampler)]
    for t in bg:
        t.start()
    time.sleep(1)
    waits, errors = [], []
    mine = ids[next_id:next_id + n]
    next_id += n
    def writer(i):
        body = json.dumps({"version": versions[i], "employees": 40000 + i % 1000}).encode()
        s = time.perf_counter()
        try:
            status, text = call("PATCH", f"/api/companies/{i}", body, {"Content-Type": "application/json"}, timeout=660)
            if status != 200:
                errors.append(f"{status} {text[:200]!r}")
            else:
                expected[i] = 40000 + i % 1000
        except Exception as e:
            errors.append(repr(e))
        waits.append(time.perf_counter() - s)
    round_start = time.time()
    ws = [threading.Thread(target=writer, args=(i,)) for i in mine]
    for t in ws:
        t.start()
    if n == 0:
        time.sleep(10)
    for t in ws:
        t.join(timeout=max(1, 660 - (time.time() - round_start)))
    stop.set()
    for t in bg:
        t.join(timeout=30)
    during = job(import_id)
    print(f"WAITWRITERS N={n} import={state_before}->{during['state']} rows_read={during.get('rowsRead')} writes_ok={n - len(errors)} write_errors={len(errors)} "
          f"wait_p50_s={pct(waits, 50):.2f} wait_max_s={max(waits, default=0):.2f} round_s={time.time() - round_start:.1f} "
          f"reads={len(reads)} read_errors={len(read_errors)} read_p50_ms={pct(reads, 50):.0f} read_p99_ms={pct(reads, 99):.0f} read_max_ms={max(reads, default=float('nan')):.0f} "
          f"threads_start={first_threads} threads_max={max(samples, default=first_threads)}", flush=True)
    for e in errors[:3] + read_errors[:3]:
        print("  error:", e, flush=True)
    failures += errors + [str(e) for e in read_errors]

done = wait_job(import_id)
print(f"IMPORT state={done['state']} inserted={done['inserted']} updated={done.get('updated')} upload_to_end_s={time.time() - started:.1f}", flush=True)
if done["state"] != "succeeded":
    failures.append(f"import {done['state']}: {done.get('message')}")
lost = [i for i, e in expected.items() if json.loads(call("GET", f"/api/companies/{i}")[1])["company"].get("employees") != e]
print(f"edits stored: {len(expected) - len(lost)} of {len(expected)}", flush=True)
failures += [f"edit of {i} lost" for i in lost]
sys.exit(1 if failures else 0)
EOF
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
