#!/usr/bin/env bash
# Benchmark of the month close (docs: bench/commissions/README.md). Not part of the test suite.
#   bash bench/commissions/run.sh                      # 5,000,000 orders, 50,000 partners, 3 rounds (data kept and reused)
#   ORDERS=500000 PARTNERS=5000 ROUNDS=1 bash bench/commissions/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ORDERS=${ORDERS:-5000000}
PARTNERS=${PARTNERS:-50000}
ROUNDS=${ROUNDS:-3}
DATA=${BENCH_DATA:-target/bench-data}
HEAP=${HEAP:-1g}
mvn -B -ntp -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
mkdir -p "$DATA"
# Java runs the single-file benchmark from source against the compiled application.
exec java -Xmx"$HEAP" -XX:+UseG1GC \
  -Dbench.orders="$ORDERS" -Dbench.partners="$PARTNERS" -Dbench.rounds="$ROUNDS" -Dbench.data="$DATA" \
  -cp "target/classes:$(cat target/bench.classpath)" bench/commissions/CloseBenchmark.java
