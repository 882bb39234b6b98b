#!/usr/bin/env bash
# A man page renders with no warning from groff: man --warnings -l PAGE must
# print nothing on stderr. Usage: man_render.sh PAGE
set -euo pipefail
page=$1
err=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
if [ -n "$err" ]; then
  echo "FAIL: $page: man --warnings printed:" >&2
  echo "$err" >&2
  exit 1
fi
lines=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null | wc -l)
[ "$lines" -gt 20 ] || { echo "FAIL: $page renders to only $lines lines" >&2; exit 1; }
echo "$page: renders to $lines lines, no warning"
