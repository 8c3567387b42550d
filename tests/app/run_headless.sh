#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
# Usage: run_headless.sh <source dir> <build dir>
set -euo pipefail
src=$1 build=$2
work=$(mktemp -d)
trap 'kill -KILL -- -"${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

# setsid gives run.sh its own process group, as a terminal's foreground job has.
PORTICO_BUILD_DIR="$build" setsid "$src/run.sh" --headless --data-dir "$work/data" \
    --management-port 0 --gateway-port 0 --gateway-https-port 0 --ml-port 0 \
    > "$work/stdout" 2> "$work/stderr" &
pid=$!
for _ in $(seq 1 1200); do
    [ -s "$work/stdout" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "run.sh exited early:"; cat "$work/stderr"; exit 1; }
    sleep 0.1
done
[ -s "$work/stdout" ] || { echo "no ready line"; cat "$work/stderr"; exit 1; }
sleep 0.5
lines=$(wc -l < "$work/stdout")
[ "$lines" -eq 1 ] || { echo "expected exactly one line on stdout, got $lines"; cat "$work/stdout"; exit 1; }
python3 - "$work/stdout" <<'PY'
import json, sys
ready = json.load(open(sys.argv[1]))
for key in ("management", "gateway", "gatewayHttps", "ml", "dataDir", "token", "mlKey"):
    assert ready.get(key), f"ready line lacks {key}: {ready}"
assert ready["gatewayHttps"].startswith("https://127.0.0.1:"), ready["gatewayHttps"]
PY
kill -INT -- -"$pid"   # what Ctrl+C does
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || { echo "run.sh --headless exited with $status after Ctrl+C"; cat "$work/stderr"; exit 1; }
echo "ready line printed; Ctrl+C stopped portico-local with status 0"
