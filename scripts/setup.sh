#!/usr/bin/env bash
# Installs the Debian packages the tests and benchmarks need, when they are missing:
# Chromium and its driver for browser tests, ClamAV's clamd (and clamdscan, for the
# scanner benchmark) for the scanner. Idempotent; safe to run every time.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v clamd >/dev/null 2>&1 || [ -x /usr/sbin/clamd ] || missing+=(clamav-daemon)
command -v clamdscan >/dev/null 2>&1 || missing+=(clamdscan)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v mvn >/dev/null 2>&1 || { echo "setup: Maven is missing (apt-get install maven)"; exit 1; }
