#!/usr/bin/env bash
# Builds (when needed) and runs Partnerline on its embedded PostgreSQL with demo data.
# Data lives in ./data and survives restarts. Settings: see the README's table.
#
# After each build the jar is extracted and a class-data-sharing archive is made by
# one training start (about 30 s, once); later starts use it and come up about 40%
# faster (see docs/adr/0003-fast-start.md).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/partnerline-0.1.0-SNAPSHOT.jar
app=target/app
started=$SECONDS
say() { printf 'run: %s\n' "$*"; }

if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  say "building the application with Maven (first time: about 2 to 4 minutes, downloads included)..."
  # plain lines: one per build step, warnings and errors in full, no colours or terminal escape codes
  mvn -B -ntp -Dstyle.color=never -DskipTests package 2>&1 | sed -u 's/\x1b\[[0-9;]*[A-Za-z]//g' | awk '
    /^\[INFO\] --- / { sub(/^\[INFO\] --- /, ""); sub(/ ---$/, ""); print "run:   maven " $0; fflush(); next }
    /^\[(ERROR|WARNING)\]/ { print; fflush(); next }
    /BUILD (SUCCESS|FAILURE)/ { sub(/^\[INFO\] /, ""); print "run:   maven " $0; fflush() }'
  rm -rf "$app"
  say "built in $((SECONDS - started)) s"
fi
if [ ! -f "$app/partnerline.jsa" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  say "training the class-data-sharing archive (once per build, about 30 s)..."
  # The training start runs on a throw-away data folder, and whatever embedded PostgreSQL it
  # started is stopped afterwards by the process id in that folder's postmaster.pid, so
  # nothing of it stays running and ./data is not touched.
  training=$(mktemp -d "${TMPDIR:-/tmp}/partnerline-training.XXXXXX")
  PARTNERLINE_DATA_DIR="$training" PARTNERLINE_PORT=0 PARTNERLINE_DEMO=false \
    java -XX:ArchiveClassesAtExit="$app/partnerline.jsa" -Dspring.context.exit=onRefresh \
    -jar "$app/$(basename "$jar")" >"$app/training.log" 2>&1 || rm -f "$app/partnerline.jsa"
  if [ -f "$training/postgres/postmaster.pid" ]; then
    pg_pid=$(head -1 "$training/postgres/postmaster.pid")
    kill -INT "$pg_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$training"
  if [ -f "$app/partnerline.jsa" ]; then say "archive ready"; else say "no archive (see $app/training.log); starting without it"; fi
fi
cds=()
[ -f "$app/partnerline.jsa" ] && cds=(-XX:SharedArchiveFile="$app/partnerline.jsa" -Xlog:cds=off -Xlog:class+path=off)

# The scanner's engine: unless PARTNERLINE_CLAMD points at a clamd already, start one
# bound to a Unix socket in the data folder, on freshclam's database when there is one
# (/var/lib/clamav) and else on a small database of our own (the EICAR test file), so
# the scanner works out of the box. It stops with the app. Without clamd installed the
# scanner reports "engine unavailable" and everything else works.
clamd_pid=
clamd_bin=$(command -v clamd || { [ -x /usr/sbin/clamd ] && echo /usr/sbin/clamd; } || true)
if [ -z "${PARTNERLINE_CLAMD:-}" ] && [ -n "$clamd_bin" ]; then
  home="$(realpath -m "${PARTNERLINE_DATA_DIR:-data}")/clamd"
  mkdir -p "$home/db" "$home/tmp"
  db=/var/lib/clamav
  if ! ls "$db"/*.cvd "$db"/*.cld >/dev/null 2>&1; then
    db="$home/db"
    eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
    printf 'Eicar-Test-Signature:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')" > "$db/partnerline.ndb"
  fi
  cat > "$home/clamd.conf" <<EOF
Foreground yes
LocalSocket $home/clamd.ctl
DatabaseDirectory $db
TemporaryDirectory $home/tmp
PidFile $home/clamd.pid
StreamMaxLength 110M
MaxScanSize 400M
MaxFileSize 110M
EOF
  rm -f "$home/clamd.ctl"
  "$clamd_bin" -c "$home/clamd.conf" >"$home/clamd.log" 2>&1 &
  clamd_pid=$!
  export PARTNERLINE_CLAMD="unix:$home/clamd.ctl"
  say "clamd on $PARTNERLINE_CLAMD with the signatures in $db (log: $home/clamd.log)"
fi
port="${PARTNERLINE_PORT:-8080}"
url="${PARTNERLINE_PUBLIC_URL:-http://localhost:$port}"
say "starting Partnerline on port $port (log below)..."
java "${cds[@]}" ${JAVA_OPTS:-} -jar "$app/$(basename "$jar")" "$@" &
app_pid=$!
# every step of the clean-up may fail (clamd already gone) without skipping the next one under set -e
trap 'set +e; [ -n "$clamd_pid" ] && kill "$clamd_pid" 2>/dev/null; kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null' EXIT
trap 'exit 130' INT TERM
# the URL and the demo logins come last, once the app answers
for _ in $(seq 1 600); do
  kill -0 "$app_pid" 2>/dev/null || break
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null; then
    demo="${PARTNERLINE_DEMO:-}"
    if [ -z "${PARTNERLINE_DB_URL:-}" ] && [ "$demo" != false ] || [ "$demo" = true ]; then
      demo_lines=$'\n  partner:        demo@partner.example / demo-partner-2026\n  vendor manager: manager@kaspersky.example / demo-manager-2026'
    else
      demo_lines=""
    fi
    printf '\nrun: Partnerline is up after %s s: %s/%s\n\n' "$((SECONDS - started))" "$url" "$demo_lines"
    break
  fi
  sleep 0.5
done
wait "$app_pid"
