#!/usr/bin/env bash
# End-to-end check of one shipped style: the sample built with --style NAME,
# then qpdf --check on every PDF, every title found by pdftotext (without a
# warning), and the page size the style asks for. Usage: styles.sh NAME BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
style=$1 bin=$2 src=$3 work=$4/style-$1
sample=$src/examples/world-brief.yaml
export LC_ALL=C.UTF-8
fail() { echo "FAIL ($style): $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
"$bin" build "$sample" --style "$style" --format pdf --out "$work/out" -q
pdfs=("$work"/out/*.pdf)
[ ${#pdfs[@]} -eq 3 ] || fail "expected 3 PDFs, got ${#pdfs[@]}"
for pdf in "${pdfs[@]}"; do
  qpdf --check "$pdf" > "$work/qpdf.txt" 2>&1 || { cat "$work/qpdf.txt"; fail "qpdf --check $pdf"; }
  grep -q "No syntax or stream encoding errors" "$work/qpdf.txt" || fail "qpdf output for $pdf"
  pdftotext -enc UTF-8 "$pdf" - >> "$work/text.txt" 2> "$work/err.txt"
  [ ! -s "$work/err.txt" ] || { cat "$work/err.txt"; fail "pdftotext warned on $pdf"; }
done
text=$(tr -s ' \n\t\f' '    ' < "$work/text.txt")
while IFS= read -r title; do
  [[ "$text" == *"$title"* ]] || fail "title not found: $title"
done < <(sed -n 's/^  - title: //p' "$sample" | sed 's/^"\(.*\)"$/\1/')

case $style in
  classic | newspaper) size="595.276 x 841.89 pts" ;;  # A4
  ereader) size="432 x 648 pts" ;;                     # 6 x 9 in
  *) fail "no expected page size for this style" ;;
esac
pdfinfo "${pdfs[0]}" | grep -q "^Page size: *$size" || fail "page size is not $size"
echo "$style: ${#pdfs[@]} PDFs pass qpdf --check, every title found, pages $size"
