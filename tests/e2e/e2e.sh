#!/usr/bin/env bash
# End-to-end checks of the real binary. Usage: e2e.sh CASE BINARY SOURCE_DIR WORK_DIR
# Each case prints what it checks and fails (exit 1) with the reason.
set -euo pipefail
case_name=$1 bin=$2 src=$3 work=$4
sample=$src/examples/world-brief.yaml
out=$work/sample
days=(2024-11-05 2024-11-06 2024-11-07)
mkdir -p "$work"
export LC_ALL=C.UTF-8

fail() { echo "FAIL: $*" >&2; exit 1; }
epubcheck() {
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /usr/share/java/epubcheck.jar "$@"
}
# Every whitespace run becomes one space, so wrapped lines still match phrases.
flatten() { tr -s ' \n\t\f' '    ' ; }

case $case_name in
sample_build)
  rm -rf "$out"
  "$bin" build "$sample" --out "$out" > "$work/build.log"
  cat "$work/build.log"
  expected=$( (for d in "${days[@]}"; do echo "$d.epub"; echo "$d.pdf"; done; echo catalog.xml; echo covers; echo index.html) | sort)
  actual=$(ls "$out" | sort)
  [ "$actual" = "$expected" ] || fail "expected files: $expected; got: $actual"
  ;;
qpdf)
  for d in "${days[@]}"; do
    qpdf --check "$out/$d.pdf" > "$work/qpdf-$d.txt" 2>&1 || { cat "$work/qpdf-$d.txt"; fail "qpdf --check $d.pdf"; }
    grep -q "No syntax or stream encoding errors" "$work/qpdf-$d.txt" || fail "qpdf output for $d.pdf"
  done
  echo "qpdf --check: ${#days[@]} PDFs clean"
  ;;
fonts)
  # True subsets (#20): every font program small and valid, CIDToGIDMaps cut to
  # the used CIDs, each edition far under libharu's own 250-340 KB (about
  # 40-55 KB with object streams, #20's goal is 60 KB); text extraction of the
  # same files is the pdftotext case.
  pdfs=()
  for d in "${days[@]}"; do pdfs+=("$out/$d.pdf"); done
  python3 "$src/tests/e2e/check_pdf_fonts.py" --max-font 12000 --max-pdf 60000 "${pdfs[@]}" \
    || fail "embedded fonts"
  for d in "${days[@]}"; do
    pdffonts "$out/$d.pdf" > "$work/fonts-$d.txt" || fail "pdffonts $d.pdf"
    fonts=$(tail -n +3 "$work/fonts-$d.txt")
    [ -n "$fonts" ] || fail "no fonts in $d.pdf"
    ! grep -v 'yes yes yes' <<< "$fonts" || fail "a font of $d.pdf is not embedded, subset and mapped to Unicode"
  done
  echo "fonts: every program a small unhinted subset, emb/sub/uni yes"
  ;;
pdftotext)
  for d in "${days[@]}"; do
    pdftotext -enc UTF-8 "$out/$d.pdf" "$work/$d.txt" 2> "$work/$d.err"
    [ ! -s "$work/$d.err" ] || { cat "$work/$d.err"; fail "pdftotext warned on $d.pdf"; }
  done
  text=$(cat "$work"/2024-11-0?.txt | flatten)
  # Every title of the sample, then phrases in each script.
  while IFS= read -r title; do
    [[ "$text" == *"$title"* ]] || fail "title not found in the PDFs: $title"
  done < <(sed -n 's/^  - title: //p' "$sample" | sed 's/^"\(.*\)"$/\1/')
  for phrase in "World Brief" "Contents" "ğ, ı, ş, ç, ö, ü və ə" "Bakının mərkəzində" \
                "Подсчёт голосов продолжается" "Η νέα γραμμή του τραμ" "Wednesday, 6 November 2024" \
                "5 < 6 & 7 > 3" "Leyla Mammadova"; do
    [[ "$text" == *"$phrase"* ]] || fail "phrase not found in the PDFs: $phrase"
  done
  echo "pdftotext: every title and phrase found, no warnings"
  ;;
structure)
  # Tagged PDF: the sample's editions, then a two-column page small enough that
  # paragraphs cross columns and pages (tests/e2e/check_pdf_structure.py).
  python3 "$src/tests/e2e/check_pdf_structure.py" "$out"/*.pdf || fail "tagged structure of the sample"
  narrow=$work/structure-narrow
  rm -rf "$narrow"
  "$bin" build "$sample" --style "$src/tests/golden/_styles/narrow-columns.yaml" --date 2024-11-07 --out "$narrow" -q
  python3 "$src/tests/e2e/check_pdf_structure.py" \
    --phrase "Ten years ago the town had four working boats left. Today it has twenty-two, a cooperative cold store and a school for young crews. This is how it happened, and what other towns can borrow from it." \
    --phrase "Graduates could crew on a member's boat for a season at a guaranteed wage, paid partly from the cold store's margin." \
    "$narrow/2024-11-07.pdf" || fail "tagged structure across columns and pages"
  ;;
pdfinfo)
  info=$(pdfinfo "$out/2024-11-06.pdf" 2>&1)
  echo "$info"
  grep -q "^Title: *World Brief" <<<"$info" || fail "pdfinfo title"
  grep -q "^Author: *Broadsheet Sample Press" <<<"$info" || fail "pdfinfo author"
  grep -q "^Keywords: .*budget" <<<"$info" || fail "pdfinfo keywords from tags"
  grep -q "^CreationDate: .*2024" <<<"$info" || fail "pdfinfo creation date from the articles"
  pages=$(sed -n 's/^Pages: *//p' <<<"$info")
  [ "$pages" -ge 2 ] || fail "expected at least 2 pages, got $pages"
  ! grep -qi "error\|warning" <<<"$info" || fail "pdfinfo reported a problem"
  ;;
epubcheck)
  pids=()
  for d in "${days[@]}"; do
    epubcheck "$out/$d.epub" --json "$work/epubcheck-$d.json" > "$work/epubcheck-$d.log" 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  for d in "${days[@]}"; do
    grep -q '"nFatal" : 0' "$work/epubcheck-$d.json" || { cat "$work/epubcheck-$d.log"; fail "$d.epub: fatal errors"; }
    grep -q '"nError" : 0' "$work/epubcheck-$d.json" || { cat "$work/epubcheck-$d.log"; fail "$d.epub: errors"; }
    grep -q '"nWarning" : 0' "$work/epubcheck-$d.json" || { cat "$work/epubcheck-$d.log"; fail "$d.epub: warnings"; }
    echo "epubcheck $d.epub: 0 errors, 0 warnings"
  done
  ;;
mutool)
  # mupdf 1.21 warns about two things of its own, not of ours: it was built without
  # ICC support, and it does not know the version string "3.0". Anything else fails.
  benign='^warning: (ICC support is not available|unknown epub version: 3\.0)$'
  for d in "${days[@]}"; do
    mutool draw -q -F txt -o "$work/mutool-$d.txt" "$out/$d.epub" 2> "$work/mutool-epub-$d.err" || fail "mutool draw $d.epub"
    ! grep -Ev "$benign" "$work/mutool-epub-$d.err" || fail "mutool warned on $d.epub"
    mutool draw -q -F txt -o /dev/null "$out/$d.pdf" 2> "$work/mutool-pdf-$d.err" || fail "mutool draw $d.pdf"
    ! grep -Ev "$benign" "$work/mutool-pdf-$d.err" || fail "mutool warned on $d.pdf"
  done
  grep -q "Parliament opens debate" "$work/mutool-2024-11-06.txt" || fail "mutool text of the EPUB lacks a title"
  echo "mutool draws every EPUB and PDF without a warning"
  ;;
reproducible)
  for variant in "America/New_York fr_FR.UTF-8" "Pacific/Kiritimati C" "Asia/Kathmandu de_DE.UTF-8"; do
    read -r tz lang <<<"$variant"
    dir=$work/repro-${tz//\//-}
    rm -rf "$dir"
    TZ=$tz LANG=$lang LC_ALL=$lang "$bin" build "$sample" --out "$dir" -q 2>/dev/null
    for f in "$out"/*; do
      [ -f "$f" ] || continue  # covers/ of the shelf: its files are named in catalog.xml
      cmp "$f" "$dir/$(basename "$f")" || fail "$(basename "$f") differs under TZ=$tz LANG=$lang"
    done
  done
  # One explicit build time feeds every date.
  dir=$work/repro-epoch
  rm -rf "$dir"
  SOURCE_DATE_EPOCH=1730966400 "$bin" build "$sample" --out "$dir" -q --date 2024-11-06
  pdfinfo -isodates "$dir/2024-11-06.pdf" | grep -q "^CreationDate: *2024-11-07T08:00:00" || fail "SOURCE_DATE_EPOCH not in the PDF"
  unzip -p "$dir/2024-11-06.epub" OEBPS/content.opf | grep -q "2024-11-07T08:00:00Z" || fail "SOURCE_DATE_EPOCH not in the EPUB"
  "$bin" build "$sample" --out "$dir" -q --date 2024-11-06 --timestamp 2024-12-01T00:00:00Z
  unzip -p "$dir/2024-11-06.epub" OEBPS/content.opf | grep -q "2024-12-01T00:00:00Z" || fail "--timestamp not in the EPUB"
  echo "byte-identical under three TZ/LANG pairs; SOURCE_DATE_EPOCH and --timestamp honoured"
  ;;
cli_usage)
  "$bin" --help > "$work/help.txt"
  grep -q "build" "$work/help.txt" && grep -q "check" "$work/help.txt" || fail "--help lists the subcommands"
  "$bin" --version | grep -q "^0\.\|^broadsheet" || fail "--version"
  set +e
  "$bin" > /dev/null 2>&1; [ $? -eq 2 ] || fail "no subcommand: exit 2"
  "$bin" build --no-such-flag "$sample" > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown flag: exit 2"
  "$bin" build "$sample" --date 2024-13-01 > /dev/null 2> "$work/usage.err"; rc=$?
  [ $rc -eq 2 ] || fail "bad --date: exit 2, got $rc"
  grep -q "expected a date YYYY-MM-DD" "$work/usage.err" || fail "bad --date message"
  "$bin" check "$sample" > "$work/check.out"; rc=$?
  set -e
  [ $rc -eq 0 ] || fail "check on the sample: exit 0"
  grep -q "^ok: 10 articles in 3 editions: 2024-11-05, 2024-11-06, 2024-11-07" "$work/check.out" || { cat "$work/check.out"; fail "check summary"; }
  echo "usage errors exit 2, help and check behave"
  ;;
day_filter)
  dir=$work/days
  rm -rf "$dir"
  "$bin" build "$sample" --out "$dir" -q --date 2024-11-06
  [ "$(ls "$dir" | tr '\n' ' ')" = "2024-11-06.epub 2024-11-06.pdf catalog.xml covers index.html " ] || fail "--date builds one day"
  rm -rf "$dir"
  "$bin" build "$sample" --out "$dir" -q --from 2024-11-06 --to 2024-11-07 --format pdf
  [ "$(ls "$dir" | tr '\n' ' ')" = "2024-11-06.pdf 2024-11-07.pdf catalog.xml index.html " ] || fail "--from/--to with --format pdf"
  rm -rf "$dir"
  set +e
  "$bin" build "$sample" --out "$dir" -q --date 2030-01-01 2> "$work/nodays.err"; rc=$?
  set -e
  [ $rc -eq 1 ] || fail "a day without articles: exit 1, got $rc"
  [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] || fail "nothing written for an empty selection"
  echo "--date, --from/--to and --format select what is built"
  ;;
unwritable_output)
  touch "$work/a-file"
  set +e
  "$bin" build "$sample" --out "$work/a-file/sub" -q 2> "$work/unwritable.err"; rc=$?
  set -e
  [ $rc -eq 3 ] || fail "unwritable output: exit 3, got $rc"
  grep -q "^broadsheet: error: " "$work/unwritable.err" || fail "environment error message"
  ro=$work/readonly
  rm -rf "$ro"; mkdir -p "$ro"; chmod 0555 "$ro"
  if [ "$(id -u)" -ne 0 ]; then
    set +e; "$bin" build "$sample" --out "$ro" -q 2>/dev/null; rc=$?; set -e
    [ $rc -eq 3 ] || fail "read-only output folder: exit 3"
  fi
  [ -z "$(ls -A "$ro")" ] || [ "$(id -u)" -eq 0 ] || fail "no partial file in a read-only folder"
  echo "unwritable output: exit 3 with a clear message"
  ;;
glyphs)
  # The manat sign, dingbats, emoji beyond the BMP, a flag, Japanese and Arabic
  # in one edition (tests/e2e/glyphs.yaml): no missing-glyph warning, a clean
  # PDF, the characters copied back, each drawn with a real glyph (not glyph 0,
  # ink in its box), and the same bytes with one job or two.
  input=$src/tests/e2e/glyphs.yaml glyphs=$work/glyphs
  rm -rf "$glyphs"
  "$bin" build "$input" --out "$glyphs/one" --jobs 1 2> "$work/glyphs.err"
  cat "$work/glyphs.err"
  ! grep -q "no font has a glyph\|outside the Basic Multilingual Plane" "$work/glyphs.err" || fail "a glyph warning for characters the chain draws"
  "$bin" build "$input" --out "$glyphs/two" --jobs 2 -q
  cmp "$glyphs/one/2024-11-06.pdf" "$glyphs/two/2024-11-06.pdf" || fail "the PDF differs between --jobs 1 and 2"
  pdf=$glyphs/one/2024-11-06.pdf
  qpdf --check "$pdf" > "$work/glyphs-qpdf.txt" 2>&1 || { cat "$work/glyphs-qpdf.txt"; fail "qpdf --check"; }
  grep -q "No syntax or stream encoding errors" "$work/glyphs-qpdf.txt" || fail "qpdf output"
  pdftotext -enc UTF-8 "$pdf" "$work/glyphs.txt" 2> "$work/glyphs-pdftotext.err"
  [ ! -s "$work/glyphs-pdftotext.err" ] || { cat "$work/glyphs-pdftotext.err"; fail "pdftotext warned"; }
  text=$(flatten < "$work/glyphs.txt")
  for phrase in "1,70 ₼ səviyyəsində" "artdı ✅, idxal azaldı ❌. Bazar 😀 ilə qarşıladı 🇦🇿." \
                "Tokyo and Baku 😀" "東京で日本語の新聞を読みます。価格は 5 ₼ です ✅。"; do
    [[ "$text" == *"$phrase"* ]] || fail "phrase not found in the PDF: $phrase"
  done
  # Arabic comes back as the presentation forms drawn (meem initial, reh final, ...).
  [[ "$text" == *"ﻣﺮﺣﺒﺎ"* ]] || fail "the Arabic title not found in the PDF"
  # Debian's python3-fitz, hence Debian's python (not one earlier in PATH).
  /usr/bin/python3 "$src/tests/e2e/check_glyphs.py" "$pdf" "₼❌✅😀🇦🇿東語ﻣ" || fail "a character drawn as an empty box"
  ;;
golden)
  # tests/golden/CASE/input.yaml -> expected/document.txt and expected/layout.txt.
  # BROADSHEET_UPDATE_GOLDEN=1 rewrites the expected files instead of comparing.
  status=0
  for input in "$src"/tests/golden/*/input.yaml; do
    [ -e "$input" ] || continue
    case_dir=$(dirname "$input")
    for kind in document layout; do
      actual=$work/golden-$(basename "$case_dir")-$kind.txt
      (cd "$case_dir" && "$bin" build input.yaml --dump $kind --timestamp 2024-11-06T12:00:00Z) > "$actual"
      expected=$case_dir/expected/$kind.txt
      if [ "${BROADSHEET_UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$case_dir/expected"; cp "$actual" "$expected"; echo "updated $expected"
      elif ! diff -u "$expected" "$actual"; then
        echo "golden mismatch: $expected (make golden-update rewrites it)"; status=1
      fi
    done
  done
  exit $status
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
