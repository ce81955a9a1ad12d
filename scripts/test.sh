#!/usr/bin/env bash
# Runs every test: unit, integration (embedded PostgreSQL, GreenMail SMTP), module
# verification and headless-Chromium browser tests. Installs what they need first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec mvn -B -ntp clean verify "$@"
