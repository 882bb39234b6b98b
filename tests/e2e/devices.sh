#!/usr/bin/env bash
# End-to-end checks of the device work (docs/devices.md): build --device, lint,
# the OPDS shelf. Usage: devices.sh CASE BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
case_name=$1 bin=$2 src=$3 work=$4/devices-$1
sample=$src/examples/world-brief.yaml
export LC_ALL=C.UTF-8
fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"

case $case_name in
device_build)
  # Kindle: the EPUB only, grey images; reMarkable: both, the PDF on the ereader page.
  "$bin" build "$sample" --device kindle --out "$work/kindle" -q --date 2024-11-06
  [ "$(ls "$work/kindle" | tr '\n' ' ')" = "2024-11-06.epub catalog.xml covers index.html " ] || fail "kindle: $(ls "$work/kindle")"
  "$bin" build "$sample" --device remarkable --out "$work/remarkable" -q --date 2024-11-06
  [ "$(ls "$work/remarkable" | tr '\n' ' ')" = "2024-11-06.epub 2024-11-06.pdf catalog.xml covers index.html " ] || fail "remarkable: $(ls "$work/remarkable")"
  pdfinfo "$work/remarkable/2024-11-06.pdf" | grep -q "^Page size: *432 x 648 pts" || fail "remarkable: not the ereader page"
  # --format and --style given by hand win over the profile.
  "$bin" build "$sample" --device kindle --format pdf --out "$work/both" -q --date 2024-11-06
  [ "$(ls "$work/both" | tr '\n' ' ')" = "2024-11-06.pdf catalog.xml index.html " ] || fail "--format wins: $(ls "$work/both")"
  set +e
  "$bin" build "$sample" --device kindel --out "$work/typo" 2> "$work/typo.err"; rc=$?
  set -e
  [ $rc -eq 2 ] || fail "unknown device: exit 2, got $rc"
  expected="broadsheet: usage error: --device: unknown device 'kindel'; did you mean 'kindle'?"
  [ "$(cat "$work/typo.err")" = "$expected" ] || fail "message: $(cat "$work/typo.err")"
  [ ! -e "$work/typo" ] || fail "nothing written for an unknown device"
  echo "build --device: kindle EPUB only, remarkable PDF on the ereader page, typo diagnosed"
  ;;
device_lint)
  # Our own editions, made for each device, lint clean for it (right-to-left included).
  for device in kindle kobo pocketbook koreader remarkable generic; do
    "$bin" build "$sample" --device $device --out "$work/$device" -q --date 2024-11-06
    (cd "$src/tests/golden/arabic" && "$bin" build input.yaml --device $device --out "$work/$device/ar" -q)
    files=$(ls "$work/$device"/*.epub "$work/$device"/*.pdf "$work/$device"/ar/*.epub 2>/dev/null || true)
    result=$("$bin" lint --device $device $files 2>&1) || fail "$device: $result"
    count=$(wc -l <<<"$files")
    [ "$result" = "ok: $count files for $device" ] || fail "$device: $result"
  done
  # A bad book: its findings on stderr, exit 1; warnings alone exit 0.
  mkdir -p "$work/bad" && (cd "$work/bad" && mkdir -p META-INF && printf 'application/epub+zip' > mimetype &&
    printf '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="nowhere.opf" media-type="application/oebps-package+xml"/></rootfiles></container>' > META-INF/container.xml &&
    zip -qX0 ../bad.epub mimetype && zip -qXr ../bad.epub META-INF)
  set +e
  "$bin" lint "$work/bad.epub" > "$work/bad.out" 2> "$work/bad.err"; rc=$?
  "$bin" lint > /dev/null 2>&1; rc_usage=$?
  "$bin" lint --device nook "$work/bad.epub" > /dev/null 2> "$work/nook.err"; rc_nook=$?
  set -e
  [ $rc -eq 1 ] || fail "a bad book: exit 1, got $rc"
  expected="$work/bad.epub: error: no package document: META-INF/container.xml names no file in the archive [format: all devices]
broadsheet: 1 error in 1 file for any device"
  [ "$(cat "$work/bad.err")" = "$expected" ] || fail "bad book: $(cat "$work/bad.err")"
  [ $rc_usage -eq 2 ] || fail "lint without files: exit 2"
  [ $rc_nook -eq 2 ] || fail "unknown device: exit 2"
  grep -q "unknown device 'nook'; devices: kindle, kobo" "$work/nook.err" || fail "nook message: $(cat "$work/nook.err")"
  echo "every device's editions lint clean; a bad book exits 1 with its finding"
  ;;
device_epubcheck)
  # A representative edition for Kindle, right to left, with its series: epubcheck 0/0.
  (cd "$src/tests/golden/arabic" && "$bin" build input.yaml --device kindle --out "$work" -q)
  epub=$(ls "$work"/*.epub)
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /usr/share/java/epubcheck.jar "$epub" > "$work/epubcheck.txt" 2>&1 || { cat "$work/epubcheck.txt"; fail "epubcheck"; }
  grep -q "0 fatals / 0 errors / 0 warnings" "$work/epubcheck.txt" || { cat "$work/epubcheck.txt"; fail "epubcheck not 0/0"; }
  opf=$(unzip -p "$epub" OEBPS/content.opf)
  for line in '<meta property="belongs-to-collection" id="series">RTL Daily</meta>' \
              '<meta refines="#series" property="collection-type">series</meta>' \
              '<meta refines="#series" property="group-position">20241106</meta>' \
              '<meta name="calibre:series" content="RTL Daily"/>' \
              '<meta name="calibre:series_index" content="20241106"/>'; do
    grep -qF "$line" <<<"$opf" || fail "series metadata missing: $line"
  done
  first=$(grep -o 'urn:uuid:[0-9a-f-]*' <<<"$opf" | head -1)
  (cd "$src/tests/golden/arabic" && "$bin" build input.yaml --out "$work/again" -q --timestamp 2030-01-01T00:00:00Z)
  again=$(unzip -p "$work"/again/*.epub OEBPS/content.opf | grep -o 'urn:uuid:[0-9a-f-]*' | head -1)
  [ "$first" = "$again" ] || fail "the identifier changed on a rebuild: $first / $again"
  page=$(unzip -p "$epub" OEBPS/articles/s1-a1.xhtml)
  grep -q '<body dir="rtl"' <<<"$page" || fail "dir=rtl not on <body>"
  grep -q '<article id="[^"]*" dir="rtl"' <<<"$page" || fail "dir=rtl not on <article>"
  echo "epubcheck 0/0; series metadata; identifier stable across rebuilds; dir=rtl on body and article"
  ;;
device_calibre)
  # calibre (Debian's package), when installed: ebook-meta reads the series back,
  # and the AZW3 conversion keeps right-to-left. Skipped (77) without it.
  command -v ebook-meta > /dev/null && command -v ebook-convert > /dev/null || { echo "calibre not installed: skipped"; exit 77; }
  (cd "$src/tests/golden/arabic" && "$bin" build input.yaml --device kindle --out "$work" -q)
  epub=$(ls "$work"/*.epub)
  ebook-meta "$epub" > "$work/meta.txt" 2>&1 || { cat "$work/meta.txt"; fail "ebook-meta"; }
  grep -q "^Series *: RTL Daily #20241106" "$work/meta.txt" || { cat "$work/meta.txt"; fail "ebook-meta: series"; }
  ebook-convert "$epub" "$work/book.azw3" > "$work/convert.log" 2>&1 || { tail "$work/convert.log"; fail "to AZW3"; }
  ebook-convert "$work/book.azw3" "$work/back.epub" > "$work/back.log" 2>&1 || { tail "$work/back.log"; fail "AZW3 back to EPUB"; }
  unzip -p "$work/back.epub" '*.html' > "$work/back.html" || fail "no pages in the converted book"
  grep -q '<body dir="rtl"' "$work/back.html" || fail "dir=rtl lost in the AZW3 conversion"
  echo "calibre: series read back, right to left kept through AZW3"
  ;;
shelf)
  # catalog.xml and index.html follow the files in the folder, byte for byte.
  "$bin" build "$sample" --out "$work/shelf" -q
  python3 "$src/tests/e2e/check_opds.py" "$work/shelf" || fail "the shelf of three days"
  cp "$work/shelf/catalog.xml" "$work/catalog.first"; cp "$work/shelf/index.html" "$work/index.first"
  "$bin" build "$sample" --out "$work/shelf" -q
  cmp "$work/shelf/catalog.xml" "$work/catalog.first" && cmp "$work/shelf/index.html" "$work/index.first" || fail "not reproducible"
  [ "$(grep -c '<entry>' "$work/shelf/catalog.xml")" = 3 ] || fail "three entries"
  # A thumbnail is made with its cover by the build that draws it. For the
  # other editions, an update reads it back while the cover is the same and
  # makes it again from the cover when that changed: the same bytes either way.
  cp "$work/shelf/covers/2024-11-06-thumb.jpg" "$work/thumb.first"
  printf 'kept' > "$work/shelf/covers/2024-11-06-thumb.jpg"
  "$bin" build "$sample" --out "$work/shelf" -q --force --date 2024-11-07
  [ "$(cat "$work/shelf/covers/2024-11-06-thumb.jpg")" = kept ] || fail "the thumbnail of an unchanged cover was made again"
  "$bin" build "$sample" --out "$work/shelf" -q --force --date 2024-11-06
  cmp -s "$work/shelf/covers/2024-11-06-thumb.jpg" "$work/thumb.first" || fail "a rebuilt day did not bring the thumbnail drawn with its cover"
  printf 'kept' > "$work/shelf/covers/2024-11-06-thumb.jpg"
  printf 'other' > "$work/shelf/covers/2024-11-06.png"
  "$bin" build "$sample" --out "$work/shelf" -q --force --date 2024-11-07
  cmp -s "$work/shelf/covers/2024-11-06-thumb.jpg" "$work/thumb.first" || fail "a changed cover kept its old thumbnail, or its new one differs from the drawn one"
  cmp "$work/shelf/catalog.xml" "$work/catalog.first" || fail "the shelf differs after its thumbnails were made again"
  # An edition deleted by hand disappears at the next build (of another day).
  rm "$work/shelf/2024-11-05.epub" "$work/shelf/2024-11-05.pdf"
  "$bin" build "$sample" --out "$work/shelf" -q --date 2024-11-07
  python3 "$src/tests/e2e/check_opds.py" "$work/shelf" || fail "the shelf after a deletion"
  [ "$(grep -c '<entry>' "$work/shelf/catalog.xml")" = 2 ] || fail "the deleted edition is still listed"
  ! grep -q "2024-11-05" "$work/shelf/index.html" || fail "index.html still lists the deleted edition"
  [ "$(ls "$work/shelf/covers" | tr '\n' ' ')" = "2024-11-06-thumb.jpg 2024-11-06.png 2024-11-07-thumb.jpg 2024-11-07.png " ] || fail "covers: $(ls "$work/shelf/covers")"
  xmllint --noout "$work/shelf/catalog.xml" || fail "xmllint"
  echo "shelf: OPDS feed checked, links resolve, reproducible, thumbnails drawn with their covers or made once per cover (same bytes), a deleted edition disappears"
  ;;
shelf_opds_schema)
  # catalog.xml against the OPDS 1.2 RELAX NG schema and RFC 4287's Atom schema under it
  # (tests/opds/schema, README there) by jing: three days of EPUB and PDF (covers, summaries,
  # authors), and a PDF-only day (entries with none of them). We write one kind of feed, the
  # acquisition feed; there is no navigation feed to check.
  command -v jing > /dev/null || fail "jing is not installed (scripts/install-deps.sh test)"
  "$bin" build "$sample" --out "$work/both" -q
  "$bin" build "$sample" --format pdf --out "$work/pdf" -q --date 2024-11-06
  [ "$(grep -c '<entry>' "$work/both/catalog.xml")" = 3 ] || fail "three days: $(grep -c '<entry>' "$work/both/catalog.xml") entries"
  grep -q 'href="2024-11-05.epub" type="application/epub+zip"' "$work/both/catalog.xml" || fail "no EPUB acquisition link"
  grep -q 'href="2024-11-05.pdf" type="application/pdf"' "$work/both/catalog.xml" || fail "no PDF acquisition link"
  for shelf in both pdf; do
    # jing prints one line per error (FILE:LINE:COLUMN: error: ...) and exits 1; the Debian
    # wrapper's notes about optional jars it does not find are not findings.
    if ! jing -c "$src/tests/opds/schema/opds.rnc" "$work/$shelf/catalog.xml" > "$work/$shelf.jing" 2>&1; then
      grep -v '^\[warning\] .*Unable to locate' "$work/$shelf.jing" >&2
      fail "$shelf: catalog.xml is not valid OPDS 1.2 for jing"
    fi
  done
  echo "shelf: catalog.xml valid OPDS 1.2 for jing (three days of EPUB and PDF; a PDF-only day)"
  ;;
*)
  fail "unknown case"
  ;;
esac
