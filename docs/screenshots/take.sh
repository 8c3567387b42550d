#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# Runs the console under Xvfb against a portico-local it starts itself, clicks through the seed
# scenario (tests/screenshots/screenshottour.cpp) and saves a screenshot of each panel here.
#   docs/screenshots/take.sh        (after ./run.sh or ./test.sh has built build/)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${PORTICO_BUILD_DIR:-$root/build}
cmake --build "$build" --target screenshot_tour >&2
rm -f "$here"/*.png
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/bin/screenshot_tour" --output "$here"
