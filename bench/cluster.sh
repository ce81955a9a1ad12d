#!/usr/bin/env bash
# The figures of docs/scaling.md (issue 24): redirects/s and orders/s through HAProxy to the
# two nodes of scripts/cluster.sh, and against one node alone on the same database, with
# the share of the machine's CPU that PostgreSQL, the nodes and HAProxy took in each run
# (from /proc: utime + stime of each process tree over the run, against all CPU time).
#
#   bash scripts/cluster.sh && bash bench/cluster.sh      (BENCH_DURATION, default 10 s a run)
#
# Not part of the test suite. Uses wrk (installed from Debian when missing) and the
# inputs of bench/prepare.py; a vendor of its own (scale-<time>) with 10,000 links.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${BENCH_DURATION:-10}"
STATE="${PARTNERLINE_CLUSTER_DIR:-.cluster}/cluster.env"
[ -f "$STATE" ] || { echo "no cluster: run bash scripts/cluster.sh first"; exit 1; }
# shellcheck disable=SC1090
source "$STATE"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/partnerline-bench-cluster.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PSQL="env PGPASSWORD=$DB_PASSWORD psql -X -q -t -A postgresql://$DB_USER@127.0.0.1:$PG_PORT/partnerline"
SLUG="scale-$(date +%s)"
api() { curl -fs -X "$1" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$CLUSTER_URL$2" -d "$3"; }
SECRET=$(api PUT "/api/v1/admin/vendors/$SLUG" '{"name":"Scale","timeZone":"UTC","currency":"USD","allowedDomains":["shop.example.com"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["processorSecret"])')
api PUT "/api/v1/admin/vendors/$SLUG/program" '{"termsVersion":"1.0","termsText":"Scale terms","riskRules":{"sameAddressOrDomain":false,"repeatCustomer":false,"refundRate":false}}' >/dev/null
api PUT "/api/v1/admin/vendors/$SLUG/products/PROD" '{"name":"Product","price":"49.99","currency":"USD"}' >/dev/null
VENDOR_ID=$($PSQL -c "SELECT id FROM vendors WHERE slug = '$SLUG'")
$PSQL -c "INSERT INTO links (code, vendor_id, partner_id, sku, target_url, sub_id, created_at)
  SELECT substr(md5(i::text), 1, 10), $VENDOR_ID,
         ('00000000-0000-4000-8000-' || lpad(to_hex(i % 1000), 12, '0'))::uuid, 'PROD',
         'https://shop.example.com/buy?sku=PROD', NULL, now()
  FROM generate_series(1, 10000) i ON CONFLICT DO NOTHING" >/dev/null

pg_pid=$(head -1 "$CLUSTER_DIR/postgres.pid")
node_pids="$(cat "$CLUSTER_DIR"/node*.pid | tr '\n' ' ')"
lb_pid=$(head -1 "$CLUSTER_DIR/haproxy.pid")
# CPU ticks of a process and all its descendants (PostgreSQL's backends are the postmaster's children)
ticks() {
  local total=0 p
  for p in $(ps -o pid= --ppid "$1" 2>/dev/null) "$1"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo $total
}
all_ticks() { awk '/^cpu /{s=0; for (i=2;i<=NF;i++) s+=$i; print s}' /proc/stat; }
sample() { # label
  local n=0 p
  for p in $node_pids; do n=$((n + $(ticks "$p"))); done
  echo "$(all_ticks) $(ticks "$pg_pid") $n $(ticks "$lb_pid")"
}
run() { # label url lua inputs-var inputs-file
  local before after out
  before=$(sample)
  out=$(env "$4=$5" wrk -t2 -c64 -d"${DURATION}s" --latency -s "$3" "$2")
  after=$(sample)
  python3 - "$1" "$before" "$after" "$out" <<'PY'
import json, sys
label, b, a, out = sys.argv[1], list(map(int, sys.argv[2].split())), list(map(int, sys.argv[3].split())), sys.argv[4]
d = [x - y for x, y in zip(a, b)]
line = [l[l.index("{"):] for l in out.splitlines() if "{" in l and l.rstrip().endswith("}")]
res = json.loads(line[-1]) if line else {}
rate = res.get("requests", 0) / (res.get("duration_us", 1) / 1e6)
share = lambda i: 100.0 * d[i] / d[0] if d[0] else 0
n = max(res.get("requests", 0), 1)
bad = res.get("status_errors", 0) + res.get("other", 0)
hz = 100.0  # clock ticks a second (USER_HZ)
per = lambda i: 1e6 * d[i] / hz / n
own = d[1] + d[2] + d[3]
print("%-34s %7.0f req/s (%d not 2xx/3xx)  p99 %7.1f ms | CPU of the machine: PostgreSQL %4.1f %%, nodes %4.1f %%, HAProxy %4.1f %%"
      " | PostgreSQL's share of the cluster's CPU %4.1f %% | CPU per request: PostgreSQL %4.0f us, nodes %5.0f us"
      % (label, rate, bad, res.get("p99_us", 0) / 1000, share(1), share(2), share(3),
         100.0 * d[1] / own if own else 0, per(1), per(2)))
PY
}
SINCE=$($PSQL -c "SELECT now()")
echo "== load: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs; ${DURATION} s each, wrk -t2 -c64"
python3 bench/prepare.py paths 10000 400000 0.3 "$WORK/paths.txt" 12
python3 bench/prepare.py paths 10000 400000 0.3 "$WORK/paths1.txt" 13
python3 bench/prepare.py orders "$SLUG" "$SECRET" 10000 60000 0.2 "$WORK/orders.txt" lb
python3 bench/prepare.py orders "$SLUG" "$SECRET" 10000 60000 0.2 "$WORK/orders1.txt" one
# a short warm-up of both paths on both nodes
BENCH_PATHS="$WORK/paths1.txt" wrk -t2 -c32 -d5s -s bench/redirect.lua "$CLUSTER_URL" >/dev/null
run "redirects, 2 nodes via HAProxy" "$CLUSTER_URL" bench/redirect.lua BENCH_PATHS "$WORK/paths.txt"
run "redirects, 1 node (node1 direct)" "$NODE1_URL" bench/redirect.lua BENCH_PATHS "$WORK/paths1.txt"
run "orders, 2 nodes via HAProxy" "$CLUSTER_URL" bench/orders.lua BENCH_ORDERS "$WORK/orders.txt"
run "orders, 1 node (node1 direct)" "$NODE1_URL" bench/orders.lua BENCH_ORDERS "$WORK/orders1.txt"
echo "== load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
# the links' codes are the same in every run (bench/prepare.py), so they stay with the vendor of the first run
echo "clicks stored during the runs: $($PSQL -c "SELECT count(*) FROM clicks WHERE occurred_at >= '$SINCE'"), orders stored: $($PSQL -c "SELECT count(*) || ' (' || count(DISTINCT order_id) || ' distinct)' FROM orders WHERE vendor_id = $VENDOR_ID")"
