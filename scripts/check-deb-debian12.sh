#!/usr/bin/env bash
# The .deb on a clean Debian 12 (docs/install.md, "The Debian package"): a
# minimal bookworm root made by debootstrap (cached as a tarball, unpacked
# afresh for every run), the package installed there with apt and nothing but
# its Depends (no recommends), then the installed binary builds the installed
# sample in every shipped style, and the host's qpdf and epubcheck check what it
# wrote. Needs root (chroot) and the network (Debian's mirror). Not in CI:
# `make package-check` (it runs `make package` first), or check-deb-debian12.sh FILE.deb.
set -euo pipefail
cd "$(dirname "$0")/.."
# The package: the argument, or what `make package` made.
deb=${1:-$(ls build-release/broadsheet_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "no build-release/broadsheet_*.deb: run make package first"; exit 2; }
deb=$(realpath "$deb")
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p build-debian12
cache=build-debian12/bookworm-minbase.tar
if [ ! -f "$cache" ]; then
  echo "debootstrap: a minimal Debian 12 root from $mirror (once; cached in $cache)"
  rm -rf build-debian12/bootstrap
  debootstrap --variant=minbase bookworm build-debian12/bootstrap "$mirror" > build-debian12/debootstrap.log
  tar -C build-debian12/bootstrap -cf "$cache" .
  rm -rf build-debian12/bootstrap
fi
root=$(mktemp -d "$PWD/build-debian12/root.XXXXXX")
cleanup() { umount "$root/proc" 2>/dev/null || true; rm -rf "$root"; }
trap cleanup EXIT
tar -C "$root" -xf "$cache"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
in_root apt-get update -q > build-debian12/apt.log 2>&1
before=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >> build-debian12/apt.log 2>&1
after=$(in_root dpkg-query -W -f '${Package}\n' | wc -l)
echo "installed $(basename "$deb") on a clean Debian 12 ($(in_root cat /etc/debian_version)): $((after - before)) packages, dependencies included"
in_root broadsheet --version
for style in classic newspaper ereader; do
  in_root broadsheet build /usr/share/doc/broadsheet/examples/world-brief.yaml --style "$style" --out "/tmp/news-$style" -q
  out=$root/tmp/news-$style
  pdfs=$(ls "$out"/*.pdf | wc -l) epubs=$(ls "$out"/*.epub | wc -l)
  [ "$pdfs" -gt 0 ] && [ "$pdfs" = "$epubs" ] || { echo "FAIL: $style wrote $pdfs PDFs and $epubs EPUBs"; exit 1; }
  for pdf in "$out"/*.pdf; do qpdf --check "$pdf" > /dev/null || { echo "FAIL: qpdf --check $pdf"; exit 1; }; done
  echo "$style: $pdfs days, PDF and EPUB each; qpdf --check clean"
done
epub=$(ls "$root"/tmp/news-classic/*.epub | head -1)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /usr/share/java/epubcheck.jar -q "$epub" &&
  echo "epubcheck: $(basename "$epub") from the installed package: no errors or warnings"
in_root apt-get remove -y -q broadsheet >> build-debian12/apt.log 2>&1
in_root sh -c '! command -v broadsheet' && echo "removed cleanly"
