#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need, when they are missing:
# Chromium and its driver for browser tests, ClamAV's clamd (and clamdscan, for the
# scanner benchmark) for the scanner, Node.js for the OpenAPI linter (Redocly, pinned
# in tools/openapi-lint, from npm). Idempotent; safe to run every time.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ] || missing+=(clamav-daemon)
command -v clamdscan >/dev/null 2>&1 || missing+=(clamdscan)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v mvn >/dev/null 2>&1 || { echo "setup: Maven is missing (apt-get install maven)"; exit 1; }
lint=tools/openapi-lint
if [ ! -x "$lint/node_modules/.bin/redocly" ] || [ "$lint/package-lock.json" -nt "$lint/node_modules" ]; then
  echo "setup: installing the OpenAPI linter (npm ci in $lint)"
  (cd "$lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
