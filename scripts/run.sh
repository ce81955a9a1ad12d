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
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
  rm -rf "$app"
fi
if [ ! -f "$app/partnerline.jsa" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
  echo "run: training the class-data-sharing archive (once per build)..."
  java -XX:ArchiveClassesAtExit="$app/partnerline.jsa" -Dspring.context.exit=onRefresh \
    -jar "$app/$(basename "$jar")" >"$app/training.log" 2>&1 || rm -f "$app/partnerline.jsa"
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
  trap '[ -n "$clamd_pid" ] && kill "$clamd_pid" 2>/dev/null' EXIT
  export PARTNERLINE_CLAMD="unix:$home/clamd.ctl"
  echo "run: clamd on $PARTNERLINE_CLAMD with the signatures in $db (log: $home/clamd.log)"
fi
java "${cds[@]}" ${JAVA_OPTS:-} -jar "$app/$(basename "$jar")" "$@"
