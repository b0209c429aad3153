#!/usr/bin/env bash
# Installs what LTTH needs to build, run and test on Debian 12 / Ubuntu 22.04+:
# apt packages (WebKitGTK 4.1, GTK, Xvfb, Chromium, mingw-w64, ...), the Go
# toolchain named in go.mod, the Wails CLI, and the npm packages.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0

sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\033[1;36m==>\033[0m %s\n' "$*" >&2; }

APT_PKGS=(build-essential pkg-config git ca-certificates libgtk-3-dev libwebkit2gtk-4.1-dev
  xvfb xauth dbus-x11 x11-utils xdotool xclip imagemagick chromium gcc-mingw-w64-x86-64 file
  fonts-noto-color-emoji fonts-dejavu-core obs-studio liblo-tools espeak-ng sox
  wine64 nsis p7zip-full zip dpkg)
# Node.js from elsewhere (the machine image, nvm, NodeSource) is fine; else take Debian's.
command -v node >/dev/null && command -v npm >/dev/null || APT_PKGS+=(nodejs npm)

missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing apt packages: ${missing[*]}"
  sudo_cmd apt-get update -qq
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: use the installed go when it is new enough; otherwise let an older go
# (>= 1.21) fetch the toolchain named in go.mod through the module proxy.
export PATH="/usr/local/go/bin:$HOME/go/bin:$PATH"
if ! command -v go >/dev/null; then
  say "installing golang-go (it fetches the toolchain go.mod names)"
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
fi
# go >= 1.21 switches to the toolchain line of go.mod by itself (GOTOOLCHAIN=auto).
go version >&2

say "downloading Go modules"
go mod download

if ! command -v wails >/dev/null || ! wails version 2>/dev/null | grep -q "${WAILS_VERSION}"; then
  say "installing the Wails CLI ${WAILS_VERSION}"
  go install "github.com/wailsapp/wails/v2/cmd/wails@${WAILS_VERSION}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node.js $(node --version) is too old: the dashboard build (Vite 8) needs Node.js 20.19 or newer." >&2
  exit 1
fi
say "installing npm packages"
(cd frontend && npm ci --no-audit --no-fund --loglevel=error)
