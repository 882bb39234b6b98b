#!/usr/bin/env bash
# Runs one error case end to end: `broadsheet check NAME.yaml` from this folder,
# then `broadsheet build NAME.yaml --out FRESH_DIR` when the case must fail.
# Usage: check_error_case.sh BROADSHEET NAME.yaml
#
# Convention: the case's expectations are its leading comment lines (or, when
# the file cannot hold comments, e.g. UTF-16 or empty, the lines of NAME.expect):
#   # expect-exit: N         exit code of `check` (default 1)
#   # expect: TEXT           a line of stderr; leading spaces of stderr lines are
#                            ignored, so "= note: ..." lines can be expected too
# The expected lines must appear in stderr in that order, and stderr must hold
# exactly as many diagnostic headlines ("NAME.yaml...: error|warning: ") as are
# expected, so that no unexpected diagnostic slips through. Caret lines are not pinned.
set -u
binary=$1
case_file=$2
name=${case_file%.yaml}
fail() { echo "FAIL $case_file: $*" >&2; exit 1; }

spec=$case_file
[[ -f $name.expect ]] && spec=$name.expect
expected_exit=1
expected=()
while IFS= read -r line; do
  case $line in
    "# expect-exit: "*) expected_exit=${line#"# expect-exit: "} ;;
    "# expect: "*) expected+=("${line#"# expect: "}") ;;
    "#"*) ;;
    *) break ;;
  esac
done < "$spec"
(( ${#expected[@]} > 0 )) || fail "no '# expect:' lines in $spec"

stderr=$("$binary" check "$case_file" 2>&1 >/dev/null)
status=$?
echo "$stderr"
[[ $status == "$expected_exit" ]] || fail "exit code $status, expected $expected_exit"

# The expected lines, in order, as a subsequence of stderr's lines.
next=0
while IFS= read -r line; do
  line="${line#"${line%%[! ]*}"}"
  if (( next < ${#expected[@]} )) && [[ $line == "${expected[next]}" ]]; then
    next=$((next + 1))
  fi
done <<< "$stderr"
(( next == ${#expected[@]} )) || fail "missing or out of order: ${expected[next]}"

headlines() { grep -cE "^$(printf '%s' "$case_file" | sed 's/[.]/[.]/g')(:[0-9]+)*: (error|warning): " || true; }
actual_count=$(printf '%s\n' "$stderr" | headlines)
expected_count=$(printf '%s\n' "${expected[@]}" | headlines)
[[ $actual_count == "$expected_count" ]] ||
  fail "$actual_count diagnostics in stderr, $expected_count expected"

# A failing input must not write anything, not even the output folder's files.
if [[ $expected_exit != 0 ]]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  "$binary" build "$case_file" --out "$out/digests" >/dev/null 2>&1
  build_status=$?
  [[ $build_status == "$expected_exit" ]] || fail "build exit code $build_status, expected $expected_exit"
  [[ -z $(find "$out" -mindepth 1 -type f -print -quit) ]] || fail "build wrote $(find "$out" -type f)"
fi
echo "ok $case_file"
