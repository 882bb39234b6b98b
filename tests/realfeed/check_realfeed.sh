#!/usr/bin/env bash
# The real-feed corpus end to end. Usage: check_realfeed.sh CASE BINARY SOURCE_DIR WORK_DIR
#   build   feed.yaml builds with exit 0 and exactly the warnings in expected-stderr.txt
#           (one per article that loses images, naming its day and each src);
#           --strict-images turns them into errors and writes nothing
#   valid   epubcheck (0 errors, 0 warnings) and qpdf --check on one edition
#   links   relative links resolved against each article's url, in the PDF's link
#           annotations (read back with qpdf --qdf) and the EPUB's hrefs
#   voices  language of parts: every contents entry, headline, label and link in
#           broadsheet's own structure is in a script its inherited xml:lang voices;
#           the same of the tagged PDFs' headings and contents (their /Lang)
#   hostile links.yaml: every hostile scheme in Markdown, HTML and url: leaves no
#           target but http, https and mailto, and no /JavaScript, /Launch, /OpenAction
set -euo pipefail
case_name=$1 bin=$2 src=$3 work=$4/realfeed-$1
here=$src/tests/realfeed
export LC_ALL=C.UTF-8
fail() { echo "FAIL: $*" >&2; exit 1; }
# A fresh folder per case: a build record left by an earlier run would skip every day.
rm -rf "$work" && mkdir -p "$work"
stamp=(--timestamp 2024-11-08T00:00:00Z)

# Every /URI of a PDF, one a line, read from its uncompressed qdf form.
pdf_uris() {
  qpdf --qdf --object-streams=disable "$1" "$work/uris.qdf"
  perl -ne 'while (/\/URI \(((?:\\.|[^\\)])*)\)/g) { my $u = $1; $u =~ s/\\(.)/$1/g; print "$u\n" }' \
    "$work/uris.qdf" | sort -u
}
# Every external href of an EPUB's pages, entities decoded.
epub_hrefs() {
  unzip -p "$1" 'OEBPS/*.xhtml' | grep -o 'href="[^"]*"' | sed 's/^href="//; s/"$//; s/&amp;/\&/g' |
    grep -v '\.xhtml\|\.css\|^#' | sort -u
}

case $case_name in
build)
  (cd "$here" && "$bin" build feed.yaml --out "$work/out" "${stamp[@]}") > "$work/stdout" 2> "$work/stderr" ||
    { cat "$work/stderr"; fail "exit $? building feed.yaml"; }
  diff -u "$here/expected-stderr.txt" "$work/stderr" || fail "warnings differ from expected-stderr.txt"
  [ "$(ls "$work/out"/*.pdf "$work/out"/*.epub | wc -l)" = 6 ] || fail "expected 3 days x 2 files: $(ls "$work/out")"
  set +e
  (cd "$here" && "$bin" build feed.yaml --out "$work/strict" --strict-images "${stamp[@]}") > /dev/null 2> "$work/strict.err"
  code=$?
  set -e
  [ "$code" = 1 ] || fail "--strict-images: exit $code, expected 1"
  [ ! -e "$work/strict" ] || [ -z "$(ls -A "$work/strict")" ] || fail "--strict-images wrote files"
  [ "$(grep -c 'error: article .* left out' "$work/strict.err")" = 7 ] || { cat "$work/strict.err"; fail "--strict-images: 7 errors expected"; }
  grep -q '^broadsheet: 7 errors; nothing written$' "$work/strict.err" || fail "--strict-images summary"
  # The summary line counts in the singular too.
  printf -- '- {title: One, date: 2024-11-05, body: Short.}\n' > "$work/one.yaml"
  "$bin" build "$work/one.yaml" --out "$work/one" "${stamp[@]}" > "$work/one.out"
  grep -q '^wrote .*/2024-11-05.pdf (1 page, ' "$work/one.out" || { cat "$work/one.out"; fail "'1 page'"; }
  grep -q '^wrote .*/2024-11-05.epub (1 article, ' "$work/one.out" || { cat "$work/one.out"; fail "'1 article'"; }
  echo "feed.yaml: exit 0, 7 body-image warnings as pinned; --strict-images: 7 errors, nothing written; '1 page'"
  ;;
valid)
  (cd "$here" && "$bin" build feed.yaml --out "$work/valid" --date 2024-11-05 "${stamp[@]}") > /dev/null 2>&1
  qpdf --check "$work/valid/2024-11-05.pdf" > "$work/qpdf.txt" 2>&1 || { cat "$work/qpdf.txt"; fail "qpdf --check"; }
  grep -q "No syntax or stream encoding errors" "$work/qpdf.txt" || fail "qpdf output"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /usr/share/java/epubcheck.jar "$work/valid/2024-11-05.epub" \
    > "$work/epubcheck.txt" 2>&1 || { cat "$work/epubcheck.txt"; fail "epubcheck"; }
  grep -q "No errors or warnings detected" "$work/epubcheck.txt" || { cat "$work/epubcheck.txt"; fail "epubcheck warned"; }
  echo "2024-11-05: qpdf --check clean; epubcheck: 0 errors, 0 warnings"
  ;;
links)
  (cd "$here" && "$bin" build feed.yaml --out "$work/links" --date 2024-11-05 "${stamp[@]}") > /dev/null 2>&1
  expected="https://az.wikipedia.example/wiki/Az%C9%99rbaycan_manat%C4%B1
https://go.example/blog/go1.23-release
https://go.example/blog/range-functions
https://go.example/dl/
https://go.example/doc/go1.23#iterators
https://novosti.example/ru/ekonomika/hleb
https://novosti.example/ru/ekonomika/obzor
https://stat.example/ru/%D1%86%D0%B5%D0%BD%D1%8B
https://xeber.example/az/iqtisadiyyat/2024/11/05/istiqraz
https://xeber.example/az/iqtisadiyyat/arxiv?il=2024&ay=11"
  [ "$(pdf_uris "$work/links/2024-11-05.pdf")" = "$expected" ] || { pdf_uris "$work/links/2024-11-05.pdf"; fail "PDF link targets"; }
  [ "$(epub_hrefs "$work/links/2024-11-05.epub")" = "$expected" ] || { epub_hrefs "$work/links/2024-11-05.epub"; fail "EPUB hrefs"; }
  echo "2024-11-05: the same 10 link targets in the PDF and the EPUB, relative ones resolved"
  ;;
voices)
  (cd "$here" && "$bin" build feed.yaml --out "$work/voices" -q "${stamp[@]}") 2> /dev/null
  python3 "$here/check_language_of_parts.py" "$work/voices"/*.epub || fail "texts in the wrong voice"
  python3 "$src/tests/e2e/check_pdf_structure.py" "$work/voices"/*.pdf || fail "the tagged PDFs' structure or voices"
  ;;
hostile)
  (cd "$here" && "$bin" build links.yaml --out "$work/hostile" "${stamp[@]}") > /dev/null 2>&1
  pdf=$work/hostile/2024-11-05.pdf epub=$work/hostile/2024-11-05.epub
  expected="https://safe.example/good/html
https://safe.example/good/md
https://safe.example/news/html
https://safe.example/news/md"
  [ "$(pdf_uris "$pdf")" = "$expected" ] || { pdf_uris "$pdf"; fail "PDF link targets"; }
  [ "$(epub_hrefs "$epub")" = "$expected" ] || { epub_hrefs "$epub"; fail "EPUB hrefs"; }
  if grep -a -q -E '/(JavaScript|Launch|OpenAction|JS)([ /<>[(]|$)' "$work/uris.qdf"; then fail "an action in the PDF"; fi
  for word in md0 md10 html0 html10 "newline and tab"; do
    pdftotext -enc UTF-8 "$pdf" - | grep -q "$word" || fail "link text '$word' lost"
  done
  echo "links.yaml: no target but http(s) in the PDF and EPUB; no /JavaScript, /Launch, /OpenAction; the text stays"
  ;;
*) fail "unknown case $case_name" ;;
esac
