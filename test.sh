#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing, builds, and runs the whole test suite headless: the offscreen Qt
# platform, a private D-Bus session with a throwaway gnome-keyring and a temporary HOME, and
# Azurite for the tests that need it (the test fixtures start it). Exits non-zero on any failure.
# Extra arguments go to ctest, e.g. ./test.sh -R tst_settings
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$root/tools/bootstrap.sh"

build_dir=${PORTICO_BUILD_DIR:-$root/build}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/portico-test-home-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/data" "$scratch/config" "$scratch/runtime"
chmod 700 "$scratch/runtime"

export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
export XDG_RUNTIME_DIR="$scratch/runtime" QT_QPA_PLATFORM=offscreen

printf '\033[1m==> Running the tests\033[0m\n' >&2
# Inside a private session bus with an unlocked throwaway keyring. Tests that need a specific
# keychain state start their own bus (tests/support/keychainfixture.h).
dbus-run-session -- bash -c '
    set -euo pipefail
    echo -n portico-throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    ctest --test-dir "$0" --output-on-failure --no-tests=error -LE bench -j "$(nproc)" "${@}"
' "$build_dir" "$@"
