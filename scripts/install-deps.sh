#!/usr/bin/env bash
# Installs the Debian packages Voki needs to build, run and test. Idempotent: only missing
# packages are installed, so `make run` and `make test` can call it every time.
set -euo pipefail

PACKAGES=(
  build-essential cmake g++ pkg-config ninja-build ccache curl python3
  libboost1.74-dev libssl-dev
  nlohmann-json3-dev libyaml-cpp-dev libspdlog-dev libfmt-dev libcli11-dev
  libsqlite3-dev sqlite3 libsoci-dev
  libsodium-dev libicu-dev
  libhunspell-dev hunspell-no
  lttoolbox lttoolbox-dev libxml2-dev apertium apertium-nno-nob cg3 libcg3-dev libgoogle-perftools-dev
  espeak-ng libespeak-ng-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  clang-14 libclang-rt-14-dev
  chromium fonts-noto-color-emoji fonts-sil-abyssinica fonts-noto-core
  postgresql
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js: use the machine's node/npm when present (a NodeSource build bundles npm and
# conflicts with Debian's npm package); otherwise take Debian's.
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
