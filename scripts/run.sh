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
exec java "${cds[@]}" ${JAVA_OPTS:-} -jar "$app/$(basename "$jar")" "$@"
