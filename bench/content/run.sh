#!/usr/bin/env bash
# Benchmark of the content feeds and the Virus Informer, in one run on this machine
# (issue 20, ADR 0022), modelled on bench/run.sh.
#
#  1. Partnerline (the packaged jar, embedded PostgreSQL, demo data: vendor kaspersky with
#     news and threats, partner `demo` with a content agreement) answers through Jetty and
#     the ordinary web layer: GET /feeds/av-news.rss?key=... and GET /informer/demo.js.
#  2. The bytes of both answers are saved to files and nginx serves those files at the same
#     paths: the reference.
#  3. wrk (-t2 -c64, BENCH_DURATION seconds each, after a short warm-up) drives each path
#     on both servers twice: plain GETs (200s) and GETs with the current ETag (304s).
# Targets: Partnerline at least 0.15 of nginx's requests/s for 200s and 0.2 for 304s, p99
# at most 20 ms. Prints the figures. Not part of the test suite. Figures are only
# meaningful on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK="$ROOT/bench/work-content"
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-10}
APP_PORT=${BENCH_APP_PORT:-18090}
NGINX_PORT=${BENCH_NGINX_PORT:-18091}
ADMIN=bench-admin-token-0123456789

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx; then
  echo "Installing wrk and nginx from Debian..."
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk nginx-light >/dev/null
fi
need psql || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq postgresql-client >/dev/null; }

JAR=$(ls target/partnerline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  mvn -B -ntp -q package -DskipTests
  JAR=$(ls target/partnerline-*.jar | grep -v original | head -1)
fi

rm -rf "$WORK"; mkdir -p "$WORK/nginx/tmp" "$WORK/nginx/logs" "$WORK/files/feeds" "$WORK/files/informer"
cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

echo "== Partnerline: start ($JAR)"
PARTNERLINE_DATA_DIR="$WORK/data" PARTNERLINE_PORT=$APP_PORT PARTNERLINE_ADMIN_TOKEN=$ADMIN PARTNERLINE_DEMO=true \
  java -Xms1g -Xmx2g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --logging.level.root=WARN --logging.level.com.partnerline.platform=INFO ${BENCH_APP_ARGS:-} \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 ${BENCH_START_WAIT:-600}); do
  curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null
KEY=$(curl -fs -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:$APP_PORT/api/v1/admin/vendors/kaspersky/content-agreements" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["feedKey"])')
FEED="/feeds/av-news.rss?key=$KEY"
INFORMER="/informer/demo.js"

# the same bytes, from files, for nginx
curl -fs "http://127.0.0.1:$APP_PORT$FEED" -o "$WORK/files/feeds/av-news.rss"
curl -fs "http://127.0.0.1:$APP_PORT$INFORMER" -o "$WORK/files/informer/demo.js"
echo "feed: $(wc -c < "$WORK/files/feeds/av-news.rss") bytes, informer: $(wc -c < "$WORK/files/informer/demo.js") bytes"

cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp;
  proxy_temp_path $WORK/nginx/tmp; fastcgi_temp_path $WORK/nginx/tmp;
  uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
  types { application/rss+xml rss; text/javascript js; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/files;
    etag on;
  }
}
CONF
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
sleep 0.5

etag() { curl -fsI "$1" | tr -d '\r' | grep -i '^etag:' | cut -d' ' -f2-; }
# one wrk run: server label, base URL, path, etag ("" for 200s); prints the JSON line
run() {
  BENCH_PATH="$3" BENCH_ETAG="$4" wrk -t2 -c64 -d${WARMUP}s -s bench/content/get.lua "$2" >/dev/null
  BENCH_PATH="$3" BENCH_ETAG="$4" wrk -t2 -c64 -d${DURATION}s --latency -s bench/content/get.lua "$2" \
    | grep BENCH_JSON | sed "s/BENCH_JSON /$1 /"
}
APP="http://127.0.0.1:$APP_PORT"
NGINX="http://127.0.0.1:$NGINX_PORT"
RESULTS="$WORK/results.txt"
: > "$RESULTS"
for target in feed informer; do
  if [ $target = feed ]; then APP_PATH="$FEED"; NGINX_PATH="/feeds/av-news.rss"; else APP_PATH="$INFORMER"; NGINX_PATH="/informer/demo.js"; fi
  APP_ETAG=$(etag "$APP$APP_PATH"); NGINX_ETAG=$(etag "$NGINX$NGINX_PATH")
  echo "== $target: 200s and 304s (${DURATION}s each, -t2 -c64)"
  run "nginx-$target-200" "$NGINX" "$NGINX_PATH" "" | tee -a "$RESULTS"
  run "app-$target-200" "$APP" "$APP_PATH" "" | tee -a "$RESULTS"
  run "nginx-$target-304" "$NGINX" "$NGINX_PATH" "$NGINX_ETAG" | tee -a "$RESULTS"
  run "app-$target-304" "$APP" "$APP_PATH" "$APP_ETAG" | tee -a "$RESULTS"
done

python3 - "$RESULTS" <<'PY'
import json, sys
rows = {}
for line in open(sys.argv[1]):
    label, data = line.split(" ", 1)
    rows[label] = json.loads(data)
rate = lambda r: r["requests"] / (r["duration_us"] / 1e6)
ok = True
print()
for target in ("feed", "informer"):
    for status, goal in (("200", 0.15), ("304", 0.2)):
        n, a = rows["nginx-%s-%s" % (target, status)], rows["app-%s-%s" % (target, status)]
        ratio = rate(a) / rate(n)
        wrong = a["s" + status] != a["requests"] or a["errors"] > 0
        met = ratio >= goal and a["p99_us"] <= 20000 and not wrong
        ok = ok and met
        print("%-8s %s: nginx %8.0f req/s p99 %5.1f ms | Partnerline %8.0f req/s p99 %5.1f ms p50 %5.1f ms | ratio %.3f (target >= %.2f, p99 <= 20 ms)%s"
              % (target, status, rate(n), n["p99_us"] / 1000, rate(a), a["p99_us"] / 1000, a["p50_us"] / 1000, ratio, goal,
                 "" if not wrong else "  ANSWERS NOT ALL %s: %d of %d, errors %d" % (status, a["s" + status], a["requests"], a["errors"])))
print("RESULT: %s" % ("all targets met" if ok else "some target missed"))
PY
