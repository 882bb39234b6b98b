#!/usr/bin/env bash
# Installs the build into a temporary prefix (with DESTDIR, as packagers do),
# moves the prefix, then, in a mount namespace where the source and build folders
# are empty, runs the moved binary from another folder with a bare environment:
# the installed sample must build with every installed style, a user's own style
# must be found in $XDG_DATA_HOME and in $BROADSHEET_STYLES, and the man pages and
# completion must be where a Debian system looks for them.
# Usage: install_prefix.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 src=$2 work=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
# Outside the build and source folders, which are hidden below.
tmp=$(mktemp -d /tmp/broadsheet-install.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

DESTDIR="$tmp/stage" cmake --install "$build" --prefix /opt/broadsheet > "$work/install.log"
stage=$tmp/stage/opt/broadsheet
for f in bin/broadsheet share/man/man1/broadsheet.1.gz share/man/man5/broadsheet-digest.5.gz \
         share/man/man5/broadsheet-style.5.gz share/bash-completion/completions/broadsheet \
         share/doc/broadsheet/examples/world-brief.yaml share/doc/broadsheet/copyright; do
  [ -e "$stage/$f" ] || fail "not installed: $f"
done
styles=$(cd "$stage/share/broadsheet/styles" && ls *.yaml | sed 's/\.yaml$//')
[ -n "$styles" ] || fail "no styles installed"
for s in $styles; do [ -f "$stage/share/broadsheet/styles/$s.css" ] || fail "style $s has no .css"; done
# No path of the source tree or the build folder is compiled into the binary
# (its debug information, which names the sources, aside).
strip --strip-debug -o "$tmp/stripped" "$stage/bin/broadsheet"
for dir in "$src" "$build"; do
  ! grep -qaF "$dir" "$tmp/stripped" || fail "the binary contains the path $dir"
done

# The prefix moved elsewhere: the binary finds its styles from its own place.
mv "$tmp/stage/opt/broadsheet" "$tmp/moved"
prefix=$tmp/moved
mkdir -p "$tmp/home/.local/share/broadsheet/styles" "$tmp/extra" "$tmp/run"
for d in "$tmp/home/.local/share/broadsheet/styles" "$tmp/extra"; do
  sed 's/^page: .*/page: A5/' "$prefix/share/broadsheet/styles/classic.yaml" > "$d/mine.yaml"
  cp "$prefix/share/broadsheet/styles/classic.css" "$d/mine.css"
done
sed -i 's/^page: .*/page: Letter/' "$tmp/extra/mine.yaml"

cat > "$tmp/inside.sh" <<'INSIDE'
set -euo pipefail
prefix=$1 tmp=$2 styles=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$tmp/run"
# A bare environment, but for the sanitizers' options (make sanitize).
bs() {
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin XDG_DATA_DIRS=/nonexistent \
    ${ASAN_OPTIONS:+ASAN_OPTIONS=$ASAN_OPTIONS} ${UBSAN_OPTIONS:+UBSAN_OPTIONS=$UBSAN_OPTIONS} \
    ${LSAN_OPTIONS:+LSAN_OPTIONS=$LSAN_OPTIONS} "$@"
}
sample=$prefix/share/doc/broadsheet/examples/world-brief.yaml
for style in $styles; do
  bs "$prefix/bin/broadsheet" build "$sample" --style "$style" --out "out-$style" -q \
    || fail "building the sample with style $style"
  n=$(ls "out-$style" | wc -l)
  [ "$n" -eq 6 ] || fail "style $style: expected 6 files (3 days, PDF and EPUB), got $n"
  pdfinfo "out-$style/2024-11-05.pdf" > /dev/null || fail "style $style: pdfinfo"
done
page_size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'; }
# A user's own style in $XDG_DATA_HOME (here its default, ~/.local/share) ...
bs "$prefix/bin/broadsheet" build "$sample" --style mine --date 2024-11-05 --format pdf --out user -q
[ "$(page_size user/2024-11-05.pdf)" = "419.528 x 595.276" ] || fail "the XDG_DATA_HOME style (A5) was not used"
# ... and in $BROADSHEET_STYLES, which comes first.
bs env BROADSHEET_STYLES="$tmp/extra" "$prefix/bin/broadsheet" build "$sample" \
  --style mine --date 2024-11-05 --format pdf --out env -q
[ "$(page_size env/2024-11-05.pdf)" = "612 x 792" ] || fail "the BROADSHEET_STYLES style (Letter) was not used"
# An unknown style names those that exist.
if bs "$prefix/bin/broadsheet" build "$sample" --style nosuch --out x 2> err.txt; then fail "unknown style accepted"; fi
grep -q "unknown style 'nosuch'; available styles: " err.txt || { cat err.txt; fail "unknown style message"; }
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$prefix/share/man/man1/broadsheet.1.gz" > man.txt 2> man.err
[ ! -s man.err ] && grep -q "EXIT STATUS" man.txt || fail "the installed man page does not render"
echo "styles [$(echo $styles)]: the sample builds with each; user styles found; man page renders"
INSIDE

# The leak suppressions of make sanitize live in the checkout, about to be hidden.
if [[ ${LSAN_OPTIONS:-} =~ suppressions=([^:]*) ]]; then
  cp "${BASH_REMATCH[1]}" "$tmp/lsan.supp"
  export LSAN_OPTIONS=${LSAN_OPTIONS/${BASH_REMATCH[1]}/$tmp/lsan.supp}
fi

# Hide the checkout and the build folder: an empty tmpfs over each, in a mount
# namespace of this process only (a user namespace when not root).
ns=(unshare --mount --propagation private)
[ "$(id -u)" -eq 0 ] || ns=(unshare --map-root-user --mount --propagation private)
"${ns[@]}" bash -c '
  set -e
  for dir in "$5" "$4"; do mount -t tmpfs none "$dir"; done  # the build folder may lie inside the checkout
  [ -z "$(ls -A "$4")" ] && [ -z "$(ls -A "$5")" ] || { echo "FAIL: could not hide $4 and $5" >&2; exit 1; }
  bash "$1" "$2" "$3" "$6"
' _ "$tmp/inside.sh" "$prefix" "$tmp" "$src" "$build" "$styles"
