#!/usr/bin/env bash
# Builds (when needed) and runs Partnerline on its embedded PostgreSQL with demo data.
# Data lives in ./data and survives restarts. Settings: see the README's table.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/partnerline-0.1.0-SNAPSHOT.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
