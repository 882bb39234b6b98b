#!/usr/bin/env bash
# Runs the libFuzzer target. Usage:
#   run_fuzzer.sh BUILD_DIR SECONDS [JOBS]   fuzz for SECONDS (make fuzz)
#   run_fuzzer.sh BUILD_DIR replay           run every seed and regression once
# The seed corpus is gathered fresh from the test inputs each run; the growing
# corpus stays in BUILD_DIR/fuzz-corpus, findings go to BUILD_DIR/fuzz-artifacts/.
set -euo pipefail
build=$1 mode=$2 jobs=${3:-1}
src=$(cd "$(dirname "$0")/.." && pwd)
fuzzer=$build/fuzz_pipeline
seeds=$build/fuzz-seeds corpus=$build/fuzz-corpus artifacts=$build/fuzz-artifacts
mkdir -p "$seeds" "$corpus" "$artifacts"

# Seeds: every YAML the tests already hold, named after its origin.
for f in "$src"/tests/errors/*.yaml "$src"/examples/*.yaml "$src"/tests/golden/*/input.yaml \
         "$src"/tests/hostile/*.yaml "$src"/fuzz/regressions/*.yaml; do
  [ -f "$f" ] || continue
  rel=${f#"$src"/}
  cp "$f" "$seeds/${rel//\//_}"
done

# Leaks inside fontconfig/libharu (uninstrumented) are not findings: see lsan.supp.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=suppressions=$src/tests/hostile/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# 60 s: under ASan, loading the en+de+ru hyphenation dictionaries alone takes ~8 s
# on a quiet machine (each run loads its own), so 20 s flagged a loaded machine.
options=(-dict="$src/fuzz/yaml.dict" -max_len=65536 -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=2048
         -artifact_prefix="$artifacts/" -print_final_stats=1)

if [ "$mode" = replay ]; then
  exec "$fuzzer" "${options[@]}" -runs=0 "$seeds"
fi
# One job keeps one core free for the rest of the machine; -jobs>1 forks workers.
if [ "$jobs" -gt 1 ]; then options+=(-jobs="$jobs" -workers="$jobs"); fi
exec "$fuzzer" "${options[@]}" -max_total_time="$mode" "$corpus" "$seeds"
