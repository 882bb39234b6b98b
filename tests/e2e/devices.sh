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
  [ "$(ls "$work/kindle" | tr '\n' ' ')" = "2024-11-06.epub " ] || fail "kindle: $(ls "$work/kindle")"
  "$bin" build "$sample" --device remarkable --out "$work/remarkable" -q --date 2024-11-06
  [ "$(ls "$work/remarkable" | tr '\n' ' ')" = "2024-11-06.epub 2024-11-06.pdf " ] || fail "remarkable: $(ls "$work/remarkable")"
  pdfinfo "$work/remarkable/2024-11-06.pdf" | grep -q "^Page size: *432 x 648 pts" || fail "remarkable: not the ereader page"
  # --format and --style given by hand win over the profile.
  "$bin" build "$sample" --device kindle --format pdf --out "$work/both" -q --date 2024-11-06
  [ "$(ls "$work/both" | tr '\n' ' ')" = "2024-11-06.pdf " ] || fail "--format wins: $(ls "$work/both")"
  set +e
  "$bin" build "$sample" --device kindel --out "$work/typo" 2> "$work/typo.err"; rc=$?
  set -e
  [ $rc -eq 2 ] || fail "unknown device: exit 2, got $rc"
  expected="broadsheet: usage error: --device: unknown device 'kindel'; did you mean 'kindle'?"
  [ "$(cat "$work/typo.err")" = "$expected" ] || fail "message: $(cat "$work/typo.err")"
  [ ! -e "$work/typo" ] || fail "nothing written for an unknown device"
  echo "build --device: kindle EPUB only, remarkable PDF on the ereader page, typo diagnosed"
  ;;
*)
  fail "unknown case"
  ;;
esac
