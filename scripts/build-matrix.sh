#!/usr/bin/env bash
# The builds users and distributions make (docs/install.md, "Build types"):
# every CMake build type with g++ and with clang, warnings NOT errors (as a
# plain `cmake` configure leaves them), each in build-matrix/COMPILER-TYPE.
# Each build makes the binary and the unit tests, runs the unit tests, and
# builds the sample with every shipped style. Prints one line per build and
# exits 1 if any failed. Not part of CI (eight builds take ~40 min on two
# cores): `make build-matrix`, or `make build-matrix MATRIX="clang:Debug"`.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-$(nproc)}
matrix=${MATRIX:-}
[ -n "$matrix" ] || matrix="gcc:Release gcc:RelWithDebInfo gcc:Debug gcc:MinSizeRel clang:Release clang:RelWithDebInfo clang:Debug clang:MinSizeRel"
failed=0
for entry in $matrix; do
  compiler=${entry%%:*} type=${entry#*:}
  case $compiler in
    gcc) cc=gcc cxx=g++ ;;
    clang) cc=clang cxx=clang++ ;;
    *) echo "unknown compiler '$compiler' (gcc or clang)"; exit 2 ;;
  esac
  dir=build-matrix/$compiler-$type
  log=$dir.log
  mkdir -p build-matrix
  start=$(date +%s)
  verdict=ok
  {
    CC=$cc CXX=$cxx cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE="$type" &&
      cmake --build "$dir" -j "$jobs" --target broadsheet unit_tests &&
      (cd "$dir" && ./unit_tests --no-intro=true --minimal=true) &&
      for style in classic newspaper ereader; do
        out=$(mktemp -d) &&
          "$dir/broadsheet" build examples/world-brief.yaml --style "$dir/styles/$style.yaml" --out "$out" -q &&
          ls "$out"/*.pdf "$out"/*.epub > /dev/null && rm -rf "$out" || exit 1
      done
  } > "$log" 2>&1 || verdict=FAILED
  warnings=$(grep -c 'warning:' "$log")
  printf '%-7s %-15s %-6s %4ss  %s compiler warnings  (%s)\n' "$compiler" "$type" "$verdict" \
    "$(($(date +%s) - start))" "$warnings" "$log"
  [ "$verdict" = ok ] || failed=1
done
exit $failed
