#!/usr/bin/env bash
# Sets parallel-cake up on a fresh Debian/Ubuntu machine: system packages (as root, or through sudo), then npm.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = 0 ]; then bash scripts/setup-system.sh
elif command -v sudo >/dev/null; then sudo bash scripts/setup-system.sh
else echo "setup: need root (or sudo) to install libvulkan1, Mesa's lavapipe and chromium" >&2; exit 1
fi
npm ci --no-audit --no-fund
