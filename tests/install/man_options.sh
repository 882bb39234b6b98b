#!/usr/bin/env bash
# --help and the documentation in step: every subcommand and every option that
# `broadsheet --help` and `broadsheet SUBCOMMAND --help` list must appear in
# broadsheet(1), and the bash completion must offer them.
# Usage: man_options.sh BINARY PAGE COMPLETION
set -euo pipefail
bin=$1 page=$2 completion=$3
# The page as text, one long line per paragraph so no option is hyphenated or
# broken, groff's hyphens folded back to ASCII.
text=$(LC_ALL=C.UTF-8 MANWIDTH=2000 man -l "$page" 2>/dev/null | col -bx | sed 's/‐/-/g; s/−/-/g')
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }
in_page() {  # the word stands in the page, not as part of a longer option
  grep -qE -- "(^|[^a-z-])$1([^a-z-]|$)" <<<"$text" || fail "$1 is in --help but not in $(basename "$page")"
}
options_of() {
  "$@" --help | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n' | grep -v -e '^-h$' -e '^--help$' || true
}
# What the completion offers after `broadsheet WORDS... CUR`.
complete_words() {
  ( source "$completion"
    COMP_WORDS=("$bin" "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _broadsheet; printf '%s\n' "${COMPREPLY[@]}" )
}
offered() {  # offered WORD CONTEXT...
  local word=$1; shift
  local words
  words=$(complete_words "$@")
  grep -qxF -- "$word" <<<"$words" || fail "the completion does not offer $word after '$*'"
}

subcommands=$("$bin" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$subcommands" ] || { echo "FAIL: no subcommands in --help" >&2; exit 1; }
count=0
for opt in $(options_of "$bin"); do in_page "$opt"; offered "$opt" "-"; count=$((count + 1)); done
for sub in $subcommands; do
  in_page "$sub"
  offered "$sub" ""
  for opt in $(options_of "$bin" "$sub"); do
    in_page "$opt"
    offered "$opt" "$sub" "-"
    count=$((count + 1))
  done
done
[ $failed -eq 0 ] || exit 1
echo "$count options of $(wc -w <<<"$subcommands") subcommands: all in $(basename "$page"), all completed"
