#!/usr/bin/env bash
# End-to-end image cases: the real binary on generated fixtures.
#   check_images.sh formats BIN FIXTURES SRC WORK   every accepted format in both outputs, validated
#   check_images.sh hostile BIN FIXTURES SRC WORK   each bad image: exact diagnostic, exit 1, no file;
#                                                   with --skip-bad-images: a warning and exit 0
set -euo pipefail
mode=$1 bin=$2 make_fixtures=$3 src=$4 work=$5/images-$1
fail() { echo "FAIL images $mode: $*" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work/digest/photos" "$work/outside" "$work/out"
"$make_fixtures" "$work/digest/photos"
cp "$work/digest/photos/alpha.png" "$work/outside/secret.png"
ln -s "$work/outside/secret.png" "$work/digest/photos/link-out.png"

article() {  # title, then extra YAML lines
  printf '  - title: %s\n    date: 2024-11-06\n' "$1"; shift
  for line in "$@"; do printf '    %s\n' "$line"; done
}

if [ "$mode" = formats ]; then
  {
    echo "articles:"
    i=0
    for f in alpha.png interlaced.png deep16.png baseline.jpg progressive.jpg cmyk.jpg picture.webp animation.gif huge.jpg; do
      i=$((i + 1))
      article "Image $i $f" "image: photos/$f" "image_caption: Fixture $f"
    done
    article "Markdown images" "body: |" "  Before ![A gif](photos/animation.gif \"A caption\") after."
  } > "$work/digest/all.yaml"
  "$bin" build "$work/digest/all.yaml" -o "$work/out" --timestamp 2024-11-06T12:00:00Z --verbose > "$work/log" 2>&1 ||
    { cat "$work/log"; fail "build failed"; }
  grep -qx "2024-11-06: images: 10, .* read -> PDF .*, EPUB .*" "$work/log" || { cat "$work/log"; fail "no size report"; }
  pdf=$work/out/2024-11-06.pdf epub=$work/out/2024-11-06.epub
  qpdf --check "$pdf" > "$work/qpdf" 2>&1 || { cat "$work/qpdf"; fail "qpdf --check"; }
  # An SMask needs PDF 1.4 at least (every edition is 1.5 now: tagging's /Tabs).
  head -c 8 "$pdf" | grep -Eq '%PDF-1\.[4-7]' || fail "an SMask needs PDF 1.4 or later: $(head -c 8 "$pdf")"
  # 9 distinct files (animation.gif twice) -> 9 image XObjects, plus one SMask per transparent one.
  images=$(pdfimages -list "$pdf" | awk 'NR > 2 && $3 == "image"' | sort -u -k4,5 | wc -l)
  [ "$(pdfimages -list "$pdf" | awk 'NR > 2 && $3 == "smask"' | wc -l)" -ge 3 ] || fail "alpha PNG, WebP and GIF need SMasks"
  [ "$images" -ge 8 ] || fail "expected the images in the PDF, found $images"
  widest=$(pdfimages -list "$pdf" | awk 'NR > 2 {print $4}' | sort -n | tail -1)
  [ "$widest" -le 1342 ] || fail "the huge photo was not downscaled for the PDF: $widest px"
  # 9 files, but the baseline and progressive JPEGs hold the same pixels: one content name.
  [ "$(unzip -l "$epub" | grep -c 'OEBPS/images/[0-9a-f]\{16\}\.\(jpg\|png\)')" = 8 ] || fail "expected 8 content-named images in the EPUB"
  unzip -p "$epub" OEBPS/content.opf | grep -q 'href="images/[0-9a-f]*\.jpg" media-type="image/jpeg"' || fail "JPEG media type"
  unzip -p "$epub" OEBPS/content.opf | grep -q 'href="images/[0-9a-f]*\.png" media-type="image/png"' || fail "PNG media type"
  unzip -p "$epub" 'OEBPS/articles/*.xhtml' | grep -q '<figure><img src="../images/[0-9a-f]*\.png" alt="A gif"/><figcaption>A caption</figcaption></figure>' ||
    fail "Markdown image as <figure>"
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /usr/share/java/epubcheck.jar "$epub" --json "$work/check.json" > /dev/null 2>&1 || true
  grep -q '"nError" : 0' "$work/check.json" && grep -q '"nWarning" : 0' "$work/check.json" || { grep -A3 '"ID"' "$work/check.json" | head -40; fail "epubcheck"; }
  "$bin" build "$work/digest/all.yaml" -o "$work/again" --timestamp 2024-11-06T12:00:00Z -q
  cmp -s "$pdf" "$work/again/2024-11-06.pdf" && cmp -s "$epub" "$work/again/2024-11-06.epub" || fail "not reproducible"
  echo "ok images formats"
  exit 0
fi

# hostile: NAME | image field value | expected diagnostic (after "FILE:LINE:COL: error: ")
cases=(
  "escape|../outside/secret.png|'image' '../outside/secret.png' leads outside the digest's folder ('..')"
  "absolute|/etc/passwd|'image' '/etc/passwd' is an absolute path outside the digest's folder"
  "symlink|photos/link-out.png|'image' 'photos/link-out.png' is a symbolic link that leads outside the digest's folder"
  "url|file:///etc/passwd|'image' 'file:///etc/passwd' is a URL; only local files are read"
  "missing|photos/none.png|'image' 'photos/none.png' does not exist"
  "device|/dev/zero|'image' '/dev/zero' is an absolute path outside the digest's folder"
  "text|photos/notes.png|'image' 'photos/notes.png' cannot be used: not a PNG, JPEG, WebP or GIF image"
  "truncated-png|photos/truncated.png|'image' 'photos/truncated.png' cannot be used: truncated PNG data"
  "truncated-jpeg|photos/truncated.jpg|'image' 'photos/truncated.jpg' cannot be used: corrupt JPEG data: Premature end of JPEG file"
  "bomb|photos/bomb.png|'image' 'photos/bomb.png' cannot be used: 30000 x 30000 pixels is over the limit of 50 megapixels"
)
for entry in "${cases[@]}"; do
  IFS='|' read -r name value expected <<< "$entry"
  yaml=$work/digest/$name.yaml
  { echo "articles:"; article "Case $name" "image: $value"; } > "$yaml"
  status=0
  "$bin" build "$yaml" -o "$work/out" > "$work/$name.out" 2> "$work/$name.err" || status=$?
  [ "$status" = 1 ] || fail "$name: exit $status, expected 1"
  want="$yaml:4:12: error: article 1 ('Case $name'): $expected"
  [ "$(head -1 "$work/$name.err")" = "$want" ] || fail "$name: got '$(head -1 "$work/$name.err")', expected '$want'"
  [ -z "$(ls -A "$work/out")" ] || fail "$name: files were written"
  # Skipped: a warning, exit 0, both outputs without the image.
  "$bin" build "$yaml" -o "$work/skip-$name" --skip-bad-images -q 2> "$work/$name.skip" || fail "$name: --skip-bad-images failed"
  grep -qF "warning: article 1 ('Case $name'): $expected" "$work/$name.skip" || fail "$name: no warning with --skip-bad-images"
  ! unzip -l "$work/skip-$name/2024-11-06.epub" | grep -q 'images/[0-9a-f]\{16\}' || fail "$name: skipped image in the EPUB"
done
# A body image is part of the text: left out with a warning at the body (exit 0);
# --strict-images makes it an error.
{ echo "articles:"; article "In the body" "body: |" "  Text ![x](../outside/secret.png)"; } > "$work/digest/body.yaml"
body_problem="article 1 ('In the body') of 2024-11-06: a body image is left out: '../outside/secret.png' leads outside the digest's folder ('..')"
status=0
"$bin" check "$work/digest/body.yaml" > /dev/null 2> "$work/body.err" || status=$?
[ "$status" = 0 ] || fail "body image: check exited $status, expected 0"
[ "$(head -1 "$work/body.err")" = "$work/digest/body.yaml:4:11: warning: $body_problem" ] ||
  fail "body image: $(head -1 "$work/body.err")"
status=0
"$bin" check "$work/digest/body.yaml" --strict-images > /dev/null 2> "$work/body-strict.err" || status=$?
[ "$status" = 1 ] || fail "body image, --strict-images: check exited $status, expected 1"
[ "$(head -1 "$work/body-strict.err")" = "$work/digest/body.yaml:4:11: error: $body_problem" ] ||
  fail "body image, --strict-images: $(head -1 "$work/body-strict.err")"
# --allow-images-from widens the roots.
"$bin" build "$work/digest/escape.yaml" -o "$work/allowed" -q --allow-images-from "$work/outside" || fail "--allow-images-from"
echo "ok images hostile (${#cases[@]} cases)"
