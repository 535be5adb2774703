#!/usr/bin/env bash
# The GPU run, from the bundle scripts/gpu-run/pack.sh made (.gpu-run): unpacks Node and the CLI into a temp
# folder, finds the Vulkan loader and driver, checks that the adapter is the expected one (never a software
# fallback unless asked for), then measures, each step under a timeout and all within a deadline:
#   info      cake info
#   probe     one tiny gpu-resident run, whose JSON names the adapter the run opened (the check reads it)
#   bench     cake bench at its defaults (2^20, medium, every strategy that runs here)
#   large     pool-simd and the GPU strategies (gpu-stream too, where cake info lists it) at the largest sizes
#   sweep     the break-even map within a budget, with its HTML report; copy routes and dispatch overhead
#   tune      a short halving tune of the kernel's shape
#   gpu-tests test/gpu-*.test.ts on the checked adapter, when the bundle has tests.tar.gz (pack.sh --with-tests):
#             in a copy of the tree, with the bundle's node_modules
# Results go to one folder (JSON, CSV, the HTML report, each step's output, steps.tsv, summary.txt) and, when
# $OUT is set, packed into $OUT. Prints a short summary. Exit 0 when every step passed, 1 when one failed,
# 3 when the adapter is not the expected one.
# Environment (all optional):
#   CAKE_EXPECT_ADAPTER  nvidia (default), a part of the GPU's description, or lavapipe / swiftshader to measure a
#                        software adapter on purpose
#   CAKE_ADAPTER         passed as --adapter to every command (default: Dawn's choice, the high-performance one)
#   CAKE_RUN_PRESET      device (default: sizes up to 2^28, a 120 s sweep), software (2-core machines with a
#                        software GPU: up to 2^24, a 240 s sweep), quick (tests: tiny sizes, a 10 s sweep)
#   CAKE_RESULTS         the results folder (default results/gpu-run-<preset>; emptied first)
#   CAKE_BUNDLE          the bundle folder (default .gpu-run)
#   CAKE_RUN_DEADLINE_S  skip the steps that would start after this many seconds (default 400)
#   CAKE_TEST_ADAPTERS   the adapters gpu-tests runs on (default: CAKE_ADAPTER, else Dawn's default, the one checked)
#   OUT                  where the device machine collects files: results.tar.gz, summary.txt, run.log go there
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
started=$SECONDS
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) # other work on the machine makes figures noisy
expect=${CAKE_EXPECT_ADAPTER:-nvidia}
preset=${CAKE_RUN_PRESET:-device}
bundle=$(realpath -m "${CAKE_BUNDLE:-$root/.gpu-run}")
results=$(realpath -m "${CAKE_RESULTS:-$root/results/gpu-run-$preset}")
deadline=${CAKE_RUN_DEADLINE_S:-400}
say() { echo "gpu-run: $*" >&2; }

# test_files: vitest's filters (parts of a path): test/gpu- is every test/gpu-*.test.ts.
case $preset in
  device)   bench_args=(); large_sizes=2^24,2^26,2^28; sweep_args=(--sizes 2^10,2^12,2^14,2^16,2^18,2^20,2^22,2^24,2^26 --budget 120s)
            tune_args=(--n 2^24 --rounds light --strategy halving --budget 0.3); sweep_timeout=300; test_files=(test/gpu-) ;;
  software) bench_args=(); large_sizes=2^22,2^24; sweep_args=(--budget 240s)
            tune_args=(--n 2^20 --rounds light --strategy halving --budget 0.3); sweep_timeout=400; test_files=(test/gpu-) ;;
  quick)    bench_args=(--sizes 2^14 --runs 3 --min-time 0); large_sizes=2^16,2^18; sweep_args=(--sizes 2^10,2^12,2^14 --budget 10s)
            tune_args=(--n 2^14 --rounds light --strategy halving --budget 0.1 --samples 3 --workgroup-sizes 32,64); sweep_timeout=60
            test_files=(test/gpu-phases) ;;
  *) say "CAKE_RUN_PRESET=$preset is not a preset; use device, software or quick."; exit 2 ;;
esac
adapter_args=()
[ -n "${CAKE_ADAPTER:-}" ] && adapter_args=(--adapter "$CAKE_ADAPTER")

for file in node.gz app.tar.gz; do
  [ -f "$bundle/$file" ] || { say "$bundle/$file is missing: run bash scripts/gpu-run/pack.sh on a machine with Node first, then carry .gpu-run."; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/cake-gpu-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
gzip -dc "$bundle/node.gz" >"$work/node" && chmod +x "$work/node" && tar -xzf "$bundle/app.tar.gz" -C "$work" || { say "cannot unpack $bundle into $work"; exit 2; }
node=$work/node
cake=("$node" "$work/dist/node/cake.js") # an array, not a function: timeout runs commands
say "bundle: $(sed -n 2,4p "$work/MANIFEST.txt" | tr '\n' ';' | sed 's/;$//')"

# Vulkan: the machine's loader where it has one, else the bundle's (and the GL dispatch libraries NVIDIA's
# driver links); NVIDIA's driver JSON where the container toolkit mounts it outside the loader's search path.
mkdir -p "$work/missing-lib"
for lib in "$work"/lib/*; do
  [ -e "$lib" ] || continue
  ldconfig -p 2>/dev/null | grep -q "^[[:space:]]*$(basename "$lib") " || ln -s "$lib" "$work/missing-lib/"
done
if [ -n "$(ls "$work/missing-lib")" ]; then
  export LD_LIBRARY_PATH=$work/missing-lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  say "vulkan: using the bundle's $(ls "$work/missing-lib" | tr '\n' ' ')(this machine lacks them)"
fi
if [ -d /usr/local/nvidia/lib64 ]; then # where the container toolkit mounts the driver's libraries
  export LD_LIBRARY_PATH=${LD_LIBRARY_PATH:+$LD_LIBRARY_PATH:}/usr/local/nvidia/lib64
fi
nvidia_icd=$(find /usr/local/nvidia -name 'nvidia_icd*.json' 2>/dev/null | head -1)
if [ -z "${VK_DRIVER_FILES:-}${VK_ICD_FILENAMES:-}" ] && [ -n "$nvidia_icd" ] && ! grep -qsl nvidia /usr/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json; then
  export VK_DRIVER_FILES=$nvidia_icd VK_ICD_FILENAMES=$nvidia_icd # the loader's new name and its old one
  say "vulkan: driver $nvidia_icd (outside the loader's search path)"
fi

rm -rf "$results" && mkdir -p "$results" || { say "cannot write $results"; exit 2; }
cd "$work" # cake tune keeps its cache in ./.cake: each run starts without one, and the tree stays clean
: >"$results/steps.tsv"
failed=0

# step NAME TIMEOUT_S COMMAND...: runs COMMAND with its stdout in NAME.txt and stderr in run.log, under a timeout
# (SIGINT first: cake bench then writes what it measured), and records its status in steps.tsv.
step() {
  local name=$1 limit=$2 status
  shift 2
  local left=$((deadline - (SECONDS - started)))
  if [ "$left" -lt 15 ]; then
    printf '%s\tskipped: past the %s s deadline\t0\n' "$name" "$deadline" >>"$results/steps.tsv"
    say "$name: skipped, past the $deadline s deadline"
    failed=1
    return 1
  fi
  [ "$limit" -gt "$left" ] && limit=$left
  local shown="$*" cli="${cake[*]}"
  shown=${shown/"$cli"/cake} # the command as a person would type it
  shown=${shown/"$node"/node}
  say "$name: $shown (at most ${limit} s)"
  echo "== $name: $shown" >>"$results/run.log"
  local at=$SECONDS
  timeout -s INT -k 20 "$limit" "$@" >"$results/$name.txt" 2>>"$results/run.log"
  local code=$?
  case $code in
    0) status=ok ;;
    124 | 137) status="timed out after ${limit} s" ;;
    *) status="failed (exit $code)" ;;
  esac
  [ "$code" -eq 0 ] || failed=1
  printf '%s\t%s\t%s\n' "$name" "$status" "$((SECONDS - at))" >>"$results/steps.tsv"
  say "$name: $status in $((SECONDS - at)) s"
  return "$code"
}

# A copy of the tree (sources, tests, configs) with the bundle's node_modules, for gpu-tests: the same here as on
# the device, where the tree has no node_modules.
unpack_tree() {
  mkdir -p "$work/tree" &&
    tar -C "$root" --exclude=./node_modules --exclude=./.git --exclude=./.gpu-run --exclude=./.gl --exclude=./results --exclude=./dist -cf - . | tar -C "$work/tree" -xf - &&
    tar -xzf "$bundle/tests.tar.gz" -C "$work/tree" && mkdir -p "$work/tree/node_modules/webgpu/dist/linux-x64" &&
    cp "$work/node_modules/webgpu/dist/linux-x64/dawn.node" "$work/tree/node_modules/webgpu/dist/linux-x64/"
}

step info 60 "${cake[@]}" info
if ! step probe 60 "${cake[@]}" bench --strategies gpu-resident --sizes 2^10 --runs 1 --min-time 0 --json "$results/probe.json" "${adapter_args[@]}"; then
  say "stopping: the probe could not run the GPU (LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}, VK_DRIVER_FILES=${VK_DRIVER_FILES:-}); its log:"
  sed -n '/^== probe/,$p' "$results/run.log" | grep -v 'artificially reduced' >&2
  [ -n "${OUT:-}" ] && cp "$results/run.log" "$results/info.txt" "$OUT/" 2>/dev/null
  exit 3
fi
if ! "$node" "$work/dist/node/gpu-run.js" check-adapter "$results/probe.json" "$expect" >>"$results/run.log" 2>"$work/why"; then
  cat "$work/why" >&2
  say "stopping: the adapter is not the expected one (CAKE_EXPECT_ADAPTER=$expect); cake info said:"
  sed -n '/^adapters/,$p' "$results/info.txt" >&2
  [ -n "${OUT:-}" ] && cp "$results/run.log" "$results/info.txt" "$OUT/" 2>/dev/null
  exit 3
fi
say "$(tail -1 "$results/run.log" | sed 's/^gpu-run: //')"

step bench 180 "${cake[@]}" bench "${bench_args[@]}" "${adapter_args[@]}" --json "$results/bench.json" --csv "$results/bench.csv"
test_adapters=${CAKE_TEST_ADAPTERS:-${CAKE_ADAPTER:-default}}
if [ ! -f "$bundle/tests.tar.gz" ]; then
  printf 'gpu-tests\tleft out: the bundle has no tests.tar.gz (pack.sh --with-tests)\t0\n' >>"$results/steps.tsv"
elif ! unpack_tree; then
  printf 'gpu-tests\tfailed: cannot unpack tests.tar.gz into a copy of the tree\t0\n' >>"$results/steps.tsv"
  failed=1
else
  (cd "$work/tree" && NO_COLOR=1 CAKE_TEST_ADAPTERS=$test_adapters step gpu-tests 150 "$node" node_modules/vitest/vitest.mjs run "${test_files[@]}") || failed=1
  # the status names the counts and the adapters the tests opened (test/gpu.ts logs each: "[gpu] NAME: vendor/...")
  counts=$(grep -E '^ *Tests +[0-9]' "$results/gpu-tests.txt" | sed 's/^ *Tests *//')
  opened=$(grep -o '^\[gpu\] .*' "$results/gpu-tests.txt" | sed 's/^\[gpu\] //' | sort -u | paste -sd ';')
  awk -F '\t' -v OFS='\t' -v more="${counts:-no test count}, on ${opened:-$test_adapters}" '$1 == "gpu-tests" { $2 = $2 ": " more } 1' \
    "$results/steps.tsv" >"$work/steps.tsv" && cp "$work/steps.tsv" "$results/steps.tsv"
fi
large=pool-simd,gpu,gpu-resident,minimal-gpu
if grep -q '^  gpu-stream ' "$results/info.txt" && ! grep -q '^  gpu-stream  *unavailable' "$results/info.txt"; then
  large+=,gpu-stream
else
  printf 'gpu-stream\tleft out: cake info does not list it\t0\n' >>"$results/steps.tsv"
fi
step large 240 "${cake[@]}" bench --strategies "$large" --sizes "$large_sizes" --rounds light --runs 5 --min-time 0 "${adapter_args[@]}" --json "$results/large.json" --csv "$results/large.csv"
step sweep "$sweep_timeout" "${cake[@]}" bench --sweep "${sweep_args[@]}" "${adapter_args[@]}" --report "$results/sweep"
step tune 90 "${cake[@]}" tune "${tune_args[@]}" "${adapter_args[@]}" --json "$results/tune.json"
for cache in .cake/tune-*.json; do [ -f "$cache" ] && cp "$cache" "$results/"; done # the samples behind tune.json

"$node" "$work/dist/node/gpu-run.js" summary "$results" >"$results/summary.txt" 2>>"$results/run.log" || failed=1
echo "wall time: $((SECONDS - started)) s for the whole run (deadline $deadline s); load average (1, 5, 15 min) at the start $load_at_start, at the end $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >>"$results/summary.txt"
cat "$results/summary.txt"
if [ -n "${OUT:-}" ]; then
  tar -czf "$OUT/results.tar.gz" -C "$(dirname "$results")" "$(basename "$results")" && cp "$results/summary.txt" "$results/run.log" "$OUT/"
  say "packed $results into $OUT/results.tar.gz"
fi
exit "$failed"
