#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds a Release build into build/, starts portico-local and opens
# the console on it.
#   ./run.sh             console + local stand-in
#   ./run.sh --headless  only portico-local, in the foreground (servers, containers); Ctrl+C stops it
# Further arguments are passed to portico-local, e.g. ./run.sh --headless --management-port 9470
# (--bind to a non-loopback address also needs --allow-plain-http: see the README).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/tools/bootstrap.sh"
bin=${PORTICO_BUILD_DIR:-$root/build}/bin

if [ "${1:-}" = "--headless" ]; then
    shift
    exec "$bin/portico-local" "$@"
fi

ready=$(mktemp "${TMPDIR:-/tmp}/portico-local-ready-XXXXXX")
"$bin/portico-local" "$@" > "$ready" &
local_pid=$!
trap 'kill "$local_pid" 2>/dev/null; wait "$local_pid" 2>/dev/null; rm -f "$ready"' EXIT
for _ in $(seq 1 100); do
    [ -s "$ready" ] && break
    kill -0 "$local_pid" 2>/dev/null || { echo "portico-local did not start" >&2; exit 1; }
    sleep 0.1
done
PORTICO_LOCAL_READY_FILE="$ready" "$bin/portico"
