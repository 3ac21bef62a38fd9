#!/usr/bin/env bash
# Idempotently installs the Debian packages that ChainMap's tests and benchmarks need.
# Fast no-op when everything is installed; runs `apt-get update` only when something is missing.
# Usage: install-deps.sh [extra-package ...]
set -euo pipefail

PACKAGES=(chromium fonts-wqy-microhei wrk "$@")

die() { echo "install-deps: ERROR: $*" >&2; exit 1; }

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for p in "${PACKAGES[@]}"; do
  is_installed "$p" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all installed (${PACKAGES[*]})"
  exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo; cannot install: ${missing[*]}"
  SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive

log=$(mktemp /tmp/install-deps.XXXXXX.log)
trap 'rm -f "$log"' EXIT

echo "install-deps: apt-get update (missing: ${missing[*]})"
"${SUDO[@]}" apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed"; }

echo "install-deps: installing ${missing[*]}"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 \
  || { tail -n 40 "$log" >&2; die "apt-get install failed for: ${missing[*]}"; }

for p in "${missing[@]}"; do
  is_installed "$p" || die "$p is still not installed after apt-get install"
done
echo "install-deps: done"
