#!/usr/bin/env bash
# Installs the Debian packages broadsheet needs: with no argument, to build and
# run it; `test`, `fuzz`, `bench`, `package`, `a11y` add what those make targets need.
# Idempotent: it asks dpkg what is missing and runs apt-get only for that.
set -euo pipefail

# What building and running need (`make digest`, `make build`, `make install`).
# One package, or a small group, per line with why: branches add lines here.
packages=(
  # toolchain
  g++ cmake make pkg-config ccache
  # libraries the core links against
  libhpdf-dev libzip-dev libtinyxml2-dev libyaml-cpp-dev libmd4c-dev
  libhyphen-dev libunibreak-dev libfontconfig-dev libhowardhinnant-date-dev
  libcli11-dev libgumbo-dev liburiparser-dev libpng-dev libjpeg-dev libwebp-dev libgif-dev
  # page content deflated whole, faster than zlib at the same size
  libdeflate-dev
  # HarfBuzz: the PDF's fonts embedded as true subsets (harfbuzz-subset.pc), and
  # glyph ids beyond the BMP (emoji) from a font's full cmap
  libharfbuzz-dev
  # right-to-left text in the PDF (bidi, Arabic shaping)
  libfribidi-dev
  # the EPUB cover: text in any script drawn with pango onto a cairo surface
  libpango1.0-dev libcairo2-dev
  # broadsheet send: MIME messages (GMime), SMTP (libcurl), the delivery journal (SQLite)
  libgmime-3.0-dev libcurl4-openssl-dev libsqlite3-dev
  # the unit-test framework: a header, compiled by the default build
  doctest-dev
  # the man pages: scdoc sources turned into roff at build time
  scdoc
  # CMake configure finds python3 for the layering check (tests/layering)
  python3
  # data read at run time: fonts (fonts-dejavu-extra: the newspaper style's
  # condensed body face), hyphenation dictionaries, time zones
  fonts-dejavu-core fonts-dejavu-extra fonts-droid-fallback fonts-nanum tzdata
  # fallback faces for what DejaVu, Droid and Nanum lack: Noto Sans (the manat
  # sign U+20BC, scripts), Noto Sans Symbols/Symbols 2 (dingbats such as U+274C),
  # Symbola (emoji, regional indicators: beyond the BMP)
  fonts-noto-core fonts-symbola
  hyphen-en-us hyphen-de hyphen-ru hyphen-fr hyphen-pl hyphen-el
  hyphen-es hyphen-it hyphen-pt-pt hyphen-nl hyphen-hu hyphen-cs hyphen-sk
  hyphen-uk hyphen-ro hyphen-hr hyphen-sl hyphen-lt hyphen-da hyphen-sv hyphen-ca
)
# `install-deps.sh test` (make test, make sanitize): the real validators the
# tests run the outputs through, and the tools the test scripts use.
test_packages=(
  # EPUB validation (epubcheck is a jar: it needs a Java runtime)
  epubcheck default-jre-headless
  # PDF validation and text extraction
  qpdf poppler-utils mupdf-tools
  # glyph ids and ink per character of a rendered PDF (tests/e2e/check_glyphs.py)
  python3-fitz
  # reading EPUBs back
  unzip
  # tests of lint and the OPDS shelf: zip crafts a bad EPUB, xmllint reads catalog.xml
  zip libxml2-utils
  # the OPDS shelf's catalog.xml against the OPDS 1.2 RELAX NG schema (tests/opds/schema):
  # jing, the RELAX NG validator (Java, like epubcheck)
  jing
  # the man-page tests: man renders with groff, col flattens its output
  man-db groff-base bsdextrautils
  # the send tests: a real SMTP server on loopback, a certificate made at test time
  python3-aiosmtpd openssl
  # libyaml, the reference YAML parser, as an oracle for our reader (yaml_differential)
  libyaml-dev
)
case "${1:-}" in
  test) packages+=("${test_packages[@]}") ;;
  # fuzzing (make fuzz): clang and its libFuzzer and sanitizer runtimes
  fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
  # the peers `make bench` compares against
  bench) packages+=(htmldoc pandoc) ;;
  # `make a11y`: Ace by DAISY runs in Debian's chromium; npm fetches Ace itself
  a11y) packages+=(chromium); command -v npm > /dev/null || packages+=(npm) ;;
  # `make package`: dpkg-shlibdeps for the .deb's dependencies, lintian to check it
  package) packages+=(dpkg-dev file lintian) ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ ! -r /etc/debian_version ] || ! command -v apt-get >/dev/null; then
  echo "install-deps: this is not a Debian system; install these packages (or their equivalents) yourself:" >&2
  echo "  ${missing[*]}" >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo="sudo"
  else
    echo "install-deps: missing packages and not root (and no sudo); run as root:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
