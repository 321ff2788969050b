#!/usr/bin/env bash
# Installs every Debian package that Suanli's build, tests and demo need.
# Idempotent: packages already present are skipped, so a second run is quick.
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config make git
  # Qt 6 (console, translations, tests)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins
  libqcustomplot-dev qtkeychain-qt6-dev
  # gRPC, Protobuf, TLS, store
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libssl-dev libsqlite3-dev openssl
  # tcmalloc: the console and gateway hold hundreds of thousands of small objects
  libgoogle-perftools-dev
  # the Slurm backend: HTTP to slurmrestd, JSON
  libcurl4-openssl-dev nlohmann-json3-dev
  # the Slurm backend: Slurm's own client library (what squeue, sinfo and sview use)
  libslurm-dev
  # tests; make fuzz (libFuzzer comes with clang)
  libgtest-dev libgmock-dev clang-14 libclang-rt-14-dev
  # fonts (Chinese renders as boxes without them), headless display, screenshots
  fonts-noto-cjk xvfb xauth imagemagick
  # driving the console as a person would under Xvfb (docs/ screenshots)
  openbox xdotool
  # a real Slurm 22.05 cluster on loopback for the Slurm backend's tests
  slurm-wlm slurmrestd slurm-client munge slurm-wlm-jwt-plugin slurmdbd mariadb-server curl
)

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: apt-get/dpkg not found. Suanli's setup expects Debian 12;" >&2
  echo "install the packages listed in scripts/install-deps.sh by other means." >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    echo "install-deps: not root and sudo is missing; run this script as root." >&2
    exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done"
