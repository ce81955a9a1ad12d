#!/usr/bin/env bash
# Scanner benchmark: upload throughput through the app (POST /api/v1/scan, streamed to
# clamd) against the same clamd driven directly by a plain INSTREAM client, in the same
# run, for a mix of file sizes (64 KB, 1 MB, 10 MB, 50 MB; random, clean bytes), with
# the same concurrency (the app's default of 4 scans at a time). Rounds alternate per
# size between the two ways. Prints MB/s per size and for the mix; target: app >= 0.9
# of direct. Not part of the test suite. Settings: BENCH_ROUNDS (3), BENCH_CONCURRENCY (4),
# BENCH_SIGNATURES (0: random patterns added to the EICAR signature), BENCH_REBUILD.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WORK="$ROOT/target/bench-scanner"
ROUNDS=${BENCH_ROUNDS:-3}
CONCURRENCY=${BENCH_CONCURRENCY:-4}
bash scripts/setup.sh
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
CLAMD_PORT=$(free_port)
APP_PORT=$(free_port)

JAR=$(ls target/partnerline-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  mvn -B -ntp -q package -DskipTests
  JAR=$(ls target/partnerline-*.jar | grep -v original | head -1)
fi

rm -rf "$WORK"; mkdir -p "$WORK/db" "$WORK/tmp"
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf 'Eicar-Test-Signature:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')" > "$WORK/db/bench.ndb"
# No real signature database can be downloaded here; BENCH_SIGNATURES adds that many
# random byte patterns (16 bytes each) so that clamd does work closer to a real database's
# (its matcher over many patterns) than with the one EICAR signature.
if [ "${BENCH_SIGNATURES:-0}" -gt 0 ]; then
  python3 -c "import os,sys
for i in range(int(sys.argv[1])): print('Bench-Pattern-%d:0:*:%s' % (i, os.urandom(16).hex()))" "$BENCH_SIGNATURES" >> "$WORK/db/bench.ndb"
fi
cat > "$WORK/clamd.conf" <<EOF
Foreground yes
TCPSocket $CLAMD_PORT
TCPAddr 127.0.0.1
DatabaseDirectory $WORK/db
TemporaryDirectory $WORK/tmp
StreamMaxLength 200M
MaxScanSize 400M
MaxFileSize 200M
MaxThreads 12
EOF
CLAMD=$(command -v clamd || echo /usr/sbin/clamd)
"$CLAMD" -c "$WORK/clamd.conf" >"$WORK/clamd.log" 2>&1 &
CLAMD_PID=$!
APP_PID=
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; kill "$CLAMD_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

PARTNERLINE_DATA_DIR="$WORK/data" PARTNERLINE_PORT=$APP_PORT PARTNERLINE_CLAMD="tcp://127.0.0.1:$CLAMD_PORT" \
  java -Xmx512m -jar "$JAR" --partnerline.scanner.scans-per-minute=1000000 >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$APP_PORT/actuator/scanner" 2>/dev/null | grep -q '"UP"' && break
  sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/scanner" | grep -q '"UP"' || { echo "app or clamd did not come up; see $WORK"; exit 1; }

echo "scanner benchmark: $ROUNDS rounds, $CONCURRENCY concurrent scans, ${BENCH_SIGNATURES:-0} extra signatures, clamd $($CLAMD --version), load: $(cut -d' ' -f1-3 /proc/loadavg)"
java "$ROOT/bench/scanner/ScanBench.java" "http://127.0.0.1:$APP_PORT" 127.0.0.1 "$CLAMD_PORT" "$CONCURRENCY" "$ROUNDS"
