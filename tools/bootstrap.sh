#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: Apache-2.0
#
# Installs what is missing (Debian/Ubuntu packages, the pinned Azurite) and builds Portico into
# build/. Shared by run.sh and test.sh. Safe to run again: a second run installs nothing and
# builds incrementally. Everything it prints goes to stderr: stdout stays free for the
# programs run.sh starts (portico-local's ready line).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_type=${PORTICO_BUILD_TYPE:-Release}
build_dir=${PORTICO_BUILD_DIR:-$root/build}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_packages() {
    local wanted missing=()
    wanted=$(grep -vE '^\s*(#|$)' "$root/tools/debian-packages.txt")
    for entry in $wanted; do
        local pkg=${entry%%|*} cmd=""
        [ "$pkg" != "$entry" ] && cmd=${entry#*|}
        if [ -n "$cmd" ] && command -v "$cmd" >/dev/null; then
            continue
        fi
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "System packages: all present"
        return
    fi
    if ! command -v apt-get >/dev/null; then
        say "Missing packages (${missing[*]}) and no apt-get; see README.md for other systems"
        exit 1
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    say "Installing ${#missing[@]} system package(s): ${missing[*]}"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

install_azurite() {
    local dir="$root/tools/azurite" stamp
    stamp="$dir/node_modules/.portico-lock-sha256"
    local want
    want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
    if [ -x "$dir/node_modules/.bin/azurite-blob" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        say "Azurite: pinned version present"
        return
    fi
    say "Installing Azurite from the lockfile (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2
    echo "$want" > "$stamp"
}

build() {
    local extra=()
    [ "${CI:-}" = "true" ] && extra+=(-DPORTICO_WARNINGS_AS_ERRORS=ON)
    if [ ! -f "$build_dir/build.ninja" ]; then
        say "Configuring a $build_type build in $build_dir"
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "${extra[@]}" >&2
    fi
    say "Building"
    cmake --build "$build_dir" --parallel "$(nproc)" >&2
}

install_packages
install_azurite
build
