#!/usr/bin/env bash
# Packs what a GPU run needs into one folder that travels with the working tree to a borrowed machine, which has
# no Node and reaches no registry: this machine's node binary (gzip: every Debian has gunzip, not every one xz),
# the built CLI with only the runtime modules it loads (webgpu's dawn.node for linux-x64, piscina), and the
# Vulkan loader with the GL dispatch libraries NVIDIA's Vulkan driver links, for a machine that lacks them.
# Everything but the node binary is in app.tar.gz. With --with-tests, tests.tar.gz holds the node_modules that
# vitest needs to run test/gpu-*.test.ts there (not tsc, Playwright, type packages, lightningcss, or webgpu's
# binaries: dawn.node comes from app.tar.gz). Prints the size and refuses a bundle over the carry limit.
#   bash scripts/gpu-run/pack.sh [--with-tests] [--out DIR]    (default .gpu-run, ignored by git)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$root/.gpu-run
limit_mib=64 # what travels to the device machine: the working tree and the carried folders together
with_tests=no
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --with-tests) with_tests=yes; shift ;;
    *) echo "pack.sh: unknown option $1. Usage: bash scripts/gpu-run/pack.sh [--with-tests] [--out DIR]" >&2; exit 2 ;;
  esac
done
cd "$root"
node_bin=$(command -v node) || { echo "pack.sh: no node on PATH; install Node 20+ first (bash scripts/setup.sh)." >&2; exit 1; }
dawn=node_modules/webgpu/dist/linux-x64/dawn.node
[ -f "$dawn" ] || { echo "pack.sh: $dawn is missing; run npm ci first." >&2; exit 1; }
[ -d node_modules/piscina/dist ] || { echo "pack.sh: node_modules/piscina is missing; run npm ci first." >&2; exit 1; }

npm run build:node --silent # dist/node: cake.js, its workers, gpu-run.js
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/app/dist/node" "$stage/app/node_modules/webgpu/dist/linux-x64" "$stage/app/node_modules/piscina" "$stage/app/lib"
cp dist/node/*.js "$stage/app/dist/node/" # no source maps: a bundle is for running
cp package.json "$stage/app/" # "type": "module" makes dist/node/*.js ES modules
cp node_modules/webgpu/package.json node_modules/webgpu/index.js node_modules/webgpu/LICENSE.md "$stage/app/node_modules/webgpu/"
cp "$dawn" "$stage/app/$dawn"
cp -r node_modules/piscina/package.json node_modules/piscina/LICENSE node_modules/piscina/dist "$stage/app/node_modules/piscina/"
mkdir -p "$stage/app/node_modules/valibot" # the readers' schemas (baselines, tune caches); amaro, for .ts eat files only, stays
cp -r node_modules/valibot/package.json node_modules/valibot/LICENSE.md node_modules/valibot/dist "$stage/app/node_modules/valibot/"
# The loader and GL dispatch libraries as the recipe's debs bring them (libvulkan1, libglvnd0, libglx0, libegl1,
# libgl1, libopengl0, libgles2); run.sh puts on the library path only those the machine lacks.
for soname in libvulkan.so.1 libGLdispatch.so.0 libGLX.so.0 libEGL.so.1 libGL.so.1 libOpenGL.so.0 libGLESv2.so.2; do
  found=$(ldconfig -p | awk -v name="$soname" '$1 == name && /x86-64/ { print $NF; exit }')
  if [ -n "$found" ]; then cp -L "$found" "$stage/app/lib/$soname"; else echo "pack.sh: $soname is not on this machine; the bundle goes without it" >&2; fi
done
{
  echo "parallel-cake GPU run bundle, packed $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- 2>/dev/null || echo ' plus uncommitted changes')"
  echo "node: $("$node_bin" --version) ($node_bin)"
  echo "webgpu: $(node -p "require('./node_modules/webgpu/package.json').version")"
  echo "libraries: $(ls "$stage/app/lib" | tr '\n' ' ')"
} >"$stage/app/MANIFEST.txt"

rm -rf "$out"
mkdir -p "$out"
gzip -6 -c "$node_bin" >"$out/node.gz" # -9 saves 0.2 MB of 36 and takes three times as long
tar -czf "$out/app.tar.gz" -C "$stage/app" .
cp "$stage/app/MANIFEST.txt" "$out/"
if [ $with_tests = yes ]; then
  tar -czf "$out/tests.tar.gz" --exclude=node_modules/webgpu/dist --exclude=node_modules/typescript --exclude=node_modules/@typescript \
    --exclude=node_modules/playwright-core --exclude=node_modules/@types --exclude='node_modules/lightningcss*' --exclude=node_modules/amaro --exclude=node_modules/fast-check --exclude=node_modules/codemirror --exclude=node_modules/@codemirror --exclude=node_modules/@lezer --exclude=node_modules/@iizukak \
    --exclude=node_modules/.cache --exclude=node_modules/.bin --exclude=node_modules/.package-lock.json node_modules
fi

mib() { awk -v bytes="$1" 'BEGIN { printf "%.1f", bytes / 1048576 }'; }
bundle_bytes=$(du -cb "$out"/* | tail -1 | cut -f1)
# The working tree as it travels: tracked files and untracked ones git does not ignore.
tree_bytes=$(git ls-files -z --cached --others --exclude-standard | xargs -0 -r du -cb 2>/dev/null | awk '$2 == "total" { sum += $1 } END { print sum + 0 }')
total=$((bundle_bytes + tree_bytes))
parts=$(for file in "$out"/*.gz; do printf '%s %s, ' "$(basename "$file")" "$(mib "$(stat -c %s "$file")")"; done)
echo "pack.sh: $out is $(mib "$bundle_bytes") MiB (${parts%, }); with the working tree ($(mib "$tree_bytes") MiB) $(mib "$total") MiB of the $limit_mib MiB that may travel"
if [ "$total" -gt $((limit_mib * 1048576)) ]; then
  echo "pack.sh: over the $limit_mib MiB limit by $(mib $((total - limit_mib * 1048576))) MiB; remove large untracked files from the tree or pack less." >&2
  exit 1
fi
