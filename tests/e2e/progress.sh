#!/usr/bin/env bash
# The progress line: shown on a terminal (a pseudo-terminal made by script(1)),
# erased before the summary; absent when stderr is a file (cron), with --quiet,
# and with TERM=dumb. Usage: progress.sh BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
bin=$1 src=$2 work=$3/progress
sample=$src/examples/world-brief.yaml
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
esc=$'\033'

# On a terminal: the line counts days and pages, names the day being rendered,
# and is erased ("\r ESC[K") before the "wrote" lines.
TERM=xterm script -qec "'$bin' build '$sample' --out '$work/tty' --format pdf --jobs 1" /dev/null > "$work/tty.txt"
grep -qF "broadsheet: 0 of 3 days; rendering 2024-11-05" "$work/tty.txt" || { cat -v "$work/tty.txt"; fail "no progress line on a terminal"; }
grep -qE "broadsheet: 3 of 3 days, [0-9]+ pages" "$work/tty.txt" || { cat -v "$work/tty.txt"; fail "no final count"; }
# The last progress drawing is followed by the erase, then the summary lines.
last=$(tr '\r' '\n' < "$work/tty.txt" | grep -v '^$' | grep -n "3 of 3 days" | tail -1 | cut -d: -f1)
after=$(tr '\r' '\n' < "$work/tty.txt" | grep -v '^$' | sed -n "$((last + 1))p")
[[ $after == "${esc}[Kwrote "* ]] || { cat -v "$work/tty.txt"; fail "the line is not erased before the summary: $(cat -v <<<"$after")"; }

# Not a terminal (cron, a pipe, a file): stderr stays empty on success.
"$bin" build "$sample" --out "$work/cron" --format pdf > "$work/cron.out" 2> "$work/cron.err"
[ ! -s "$work/cron.err" ] || { cat -v "$work/cron.err"; fail "stderr not empty without a terminal"; }
grep -q "^wrote " "$work/cron.out" || fail "no summary without a terminal"

# --quiet and TERM=dumb: no line on a terminal either.
TERM=xterm script -qec "'$bin' build '$sample' --out '$work/quiet' --format pdf -q" /dev/null > "$work/quiet.txt"
! grep -q "days" "$work/quiet.txt" || { cat -v "$work/quiet.txt"; fail "progress shown with --quiet"; }
TERM=dumb script -qec "'$bin' build '$sample' --out '$work/dumb' --format pdf" /dev/null > "$work/dumb.txt"
! grep -q "of 3 days" "$work/dumb.txt" || { cat -v "$work/dumb.txt"; fail "progress shown with TERM=dumb"; }
echo "progress: shown and erased on a terminal; silent without one, with --quiet, with TERM=dumb"
