#!/usr/bin/env bash
# Installs the system packages parallel-cake needs on Debian/Ubuntu: a Vulkan loader, Mesa's lavapipe
# (a software GPU Dawn accepts: Mesa >= 24, from bookworm-backports on Debian 12) and Debian's Chromium
# (its bundled SwiftShader is the second software adapter, and it runs the browser tests).
# Idempotent: when everything is present it only checks, and returns in about a second.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

say() { echo "setup-system: $*" >&2; }
die() { say "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (it installs Debian packages). Try: sudo bash scripts/setup-system.sh"
command -v apt-get >/dev/null && [ -r /etc/os-release ] || die "needs a Debian or Ubuntu machine with apt-get; install libvulkan1, a Mesa >= 24 Vulkan driver and chromium by hand."
. /etc/os-release

lavapipe_icd=/usr/share/vulkan/icd.d/lvp_icd.json
mesa_ok() {
  local v
  v=$(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null) || return 1
  dpkg --compare-versions "$v" ge 24 # Dawn rejects bookworm's Mesa 22 (missing Vulkan features)
}
have_all() {
  dpkg-query -W -f='${Status}\n' libvulkan1 chromium 2>/dev/null | grep -c '^install ok installed' | grep -qx 2 && mesa_ok
}
if have_all; then say "libvulkan1, mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers), chromium: present"; exit 0; fi

backports=""
if [ "${ID:-}" = debian ] && [ "${VERSION_CODENAME:-}" = bookworm ]; then
  backports=bookworm-backports
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    # Derive the mirror from the machine's own 'bookworm' entry: never type a host here.
    uri="" keyring=""
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      read -r uri keyring < <(awk 'BEGIN{RS=""} { uri=""; key=""; main=0; n=split($0, L, "\n");
        for (i=1;i<=n;i++) { m=split(L[i], w, /[ \t]+/);
          if (w[1]=="URIs:") uri=w[2]; if (w[1]=="Signed-By:") key=w[2];
          if (w[1]=="Suites:") for (j=2;j<=m;j++) if (w[j]=="bookworm") main=1 }
        if (main) { print uri, key; exit } }' /etc/apt/sources.list.d/debian.sources) || true
    fi
    if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
      uri=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list)
    fi
    [ -n "$uri" ] || die "no 'bookworm' apt source found to derive bookworm-backports from; add bookworm-backports to your apt sources and run again."
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
      "$uri" "${keyring:-/usr/share/keyrings/debian-archive-keyring.gpg}" >/etc/apt/sources.list.d/bookworm-backports.sources
    say "added bookworm-backports (same mirror and key as the bookworm entry)"
  fi
fi

apt-get update -qq
apt-get install -y -qq --no-install-recommends libvulkan1 chromium >/dev/null
if [ -n "$backports" ]; then
  apt-get install -y -qq --no-install-recommends -t "$backports" mesa-vulkan-drivers >/dev/null
else
  apt-get install -y -qq --no-install-recommends mesa-vulkan-drivers >/dev/null
fi
mesa_ok || die "mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers 2>/dev/null) is older than 24, which Dawn rejects; the Node GPU strategies can still use Chromium's SwiftShader: export VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json"
[ -f "$lavapipe_icd" ] || say "warning: $lavapipe_icd not found; lavapipe may live elsewhere on this architecture"
say "installed: libvulkan1, mesa-vulkan-drivers $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers), chromium $(dpkg-query -W -f='${Version}' chromium)"
