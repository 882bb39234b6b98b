#!/usr/bin/env bash
# Work that is not redone, and duplicate articles, with the real binary on a
# copy of the sample. Usage: skip.sh CASE BINARY SOURCE_DIR WORK_DIR
#   skip        a second build leaves all three days (bytes and mtimes), a day
#               given an article is the only one rebuilt, a corrupt record or a
#               lost file means a rebuild, --force rebuilds all, --quiet is quiet
#   duplicates  the same article twice in one file and across two: kept once,
#               a warning naming both places
set -euo pipefail
case_name=$1 bin=$2 src=$3 work=$4/skip-$1
days=(2024-11-05 2024-11-06 2024-11-07)
export LC_ALL=C.UTF-8
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
cp -r "$src/examples" "$work/in"
sample=$work/in/world-brief.yaml
out=$work/out

# Size, hash and modification time (to the nanosecond) of every day's files.
state() { for d in "${days[@]}"; do for f in "$out/$d".{pdf,epub}; do echo "$(stat -c '%s %y' "$f") $(sha256sum < "$f")"; done; done; }
day_state() { for f in "$out/$1".{pdf,epub}; do echo "$(stat -c '%s %y' "$f") $(sha256sum < "$f")"; done; }
build() { "$bin" build "$@" --out "$out" > "$work/out.txt" 2> "$work/err.txt" || { cat "$work/err.txt"; fail "build $* exited $?"; }; }
expect_unchanged() {  # the days given were left, every other one written
  for d in "${days[@]}"; do
    if [[ " $* " == *" $d "* ]]; then
      grep -qx "unchanged: $d" "$work/out.txt" || { cat "$work/out.txt"; fail "$d was not left unchanged"; }
      ! grep -q "wrote .*/$d\." "$work/out.txt" || { cat "$work/out.txt"; fail "$d was written again"; }
    else
      ! grep -q "unchanged: $d" "$work/out.txt" || { cat "$work/out.txt"; fail "$d was left unchanged"; }
      [ "$(grep -c "wrote .*/$d\.\(pdf\|epub\)" "$work/out.txt")" = 2 ] || { cat "$work/out.txt"; fail "$d was not rebuilt"; }
    fi
  done
}
case $case_name in
skip)
  build "$sample"
  expect_unchanged
  before=$(state)
  sleep 0.02
  build "$sample"
  expect_unchanged "${days[@]}"
  [ "$(state)" = "$before" ] || fail "an unchanged day's files changed: $before / $(state)"
  ! grep -q catalog.xml "$work/out.txt" || fail "the shelf was rewritten though no edition was"
  echo "second build: all three days unchanged, files and mtimes as they were, the shelf left"
  rm "$out/catalog.xml"
  build "$sample"
  expect_unchanged "${days[@]}"
  [ -s "$out/catalog.xml" ] || fail "a missing shelf was not made again"
  cp "$out/2024-11-05.pdf" "$out/extra.pdf"
  build "$sample"
  grep -q 'extra.pdf' "$out/catalog.xml" || fail "a file added by hand is not on the shelf"
  rm "$out/extra.pdf"

  build "$sample" --quiet
  [ ! -s "$work/out.txt" ] || { cat "$work/out.txt"; fail "--quiet printed"; }

  printf '  - title: An evening note\n    date: 2024-11-06T20:00:00+04:00\n    body: Added by the hourly fetch.\n' >> "$sample"
  keep5=$(day_state 2024-11-05) keep7=$(day_state 2024-11-07) old6=$(day_state 2024-11-06)
  build "$sample"
  expect_unchanged 2024-11-05 2024-11-07
  [ "$(day_state 2024-11-05)$(day_state 2024-11-07)" = "$keep5$keep7" ] || fail "the days without a new article changed"
  [ "$(day_state 2024-11-06)" != "$old6" ] || fail "2024-11-06 did not change"
  grep -q "An evening note" <<<"$(pdftotext "$out/2024-11-06.pdf" -)" || fail "the new article is not in 2024-11-06.pdf"
  echo "an article added to 2024-11-06: only that day rebuilt"

  build "$sample" --style newspaper
  expect_unchanged
  build "$sample" --style newspaper --format pdf
  ! grep -q unchanged "$work/out.txt" || fail "another format was left unchanged"
  [ "$(grep -c 'wrote .*\.pdf' "$work/out.txt")" = 3 ] || { cat "$work/out.txt"; fail "PDF only: not every day rebuilt"; }
  build "$sample"
  expect_unchanged
  echo "another style, another format: every day rebuilt"

  record=$out/.broadsheet-build
  [ -f "$record" ] || fail "no record"
  head -c 300 /dev/urandom > "$record"
  build "$sample"
  expect_unchanged
  printf 'broadsheet build record 1\nday 2024-11-05 zz\n' > "$record"
  build "$sample"
  expect_unchanged
  head -c -10 "$record" > "$record.cut" && mv "$record.cut" "$record"
  build "$sample"
  expect_unchanged
  echo "a corrupt, foreign or truncated record: every day rebuilt"

  rm "$out/2024-11-07.epub"
  printf 'x' >> "$out/2024-11-05.pdf"
  build "$sample"
  expect_unchanged 2024-11-06
  echo "a lost or changed file: its day rebuilt"

  build "$sample" --force
  expect_unchanged
  build "$sample"
  expect_unchanged "${days[@]}"
  echo "--force: every day rebuilt"
  ;;
duplicates)
  # Within one file: the first article again (same title and source), with other text.
  printf '  - title: Caspian ports agree on a shared timetable for winter shipping\n    date: 2024-11-05T09:00:00+04:00\n    source: Broadsheet Sample Press\n    body: DUPLICATE ONE\n' >> "$sample"
  # Across files: the last article's url again, and one on another day (kept).
  url=https://example.org/news/caspian-ports-timetable
  printf -- '- title: Another take\n  date: 2024-11-05T10:00:00+04:00\n  url: %s\n  body: DUPLICATE TWO\n- title: Next day follow-up\n  date: 2024-11-06T10:00:00+04:00\n  url: %s\n  body: KEPT THREE\n' "$url" "$url" > "$work/in/more.yaml"
  n=$(wc -l < "$src/examples/world-brief.yaml")
  build "$sample" "$work/in/more.yaml"
  cat "$work/err.txt"
  grep -qF "$sample:$((n + 1)):5: warning: duplicate article: the same title and source 'Broadsheet Sample Press' as the article at $sample:9:5; this one is left out" "$work/err.txt" \
    || fail "no warning for the duplicate within the file"
  grep -qF "$work/in/more.yaml:1:3: warning: duplicate article: the same url '$url' as the article at $sample:9:5; this one is left out" "$work/err.txt" \
    || fail "no warning for the duplicate across files"
  [ "$(grep -c 'duplicate article' "$work/err.txt")" = 2 ] || fail "expected two duplicate warnings"
  text=$(pdftotext "$out/2024-11-05.pdf" -)
  ! grep -q "DUPLICATE" <<<"$text" || fail "a duplicate is in 2024-11-05.pdf"
  grep -q "KEPT THREE" <<<"$(pdftotext "$out/2024-11-06.pdf" -)" || fail "the same url on another day was dropped"
  nav=$(unzip -p "$out/2024-11-05.epub" OEBPS/nav.xhtml)
  [ "$(grep -o 'Caspian ports agree' <<<"$nav" | wc -l)" = 1 ] || fail "the EPUB's contents list the article $(grep -o 'Caspian ports agree' <<<"$nav" | wc -l) times"
  ! grep -q "Another take" <<<"$nav" || fail "the duplicate by url is in the EPUB's contents"
  echo "duplicates within a file and across files: kept once, both places named"
  ;;
*) fail "unknown case $case_name" ;;
esac
