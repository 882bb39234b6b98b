#!/usr/bin/env bash
# Accessibility of the EPUBs (docs/accessibility.md): Ace by DAISY, the
# standard EPUB accessibility checker (axe-core in Debian's chromium, plus the
# EPUB rules), over the sample and the twelve-language real feed, and the
# language-of-parts check, which Ace has no rule for. Usage: a11y.sh BINARY
# Ace comes from npm, pinned, into build-a11y/ace (its electron and bundled
# browser downloads skipped: chromium is Debian's). Exit 1 on any violation.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
work=build-a11y
ace_version=1.4.6
mkdir -p "$work"
if [ ! -x "$work/ace/node_modules/.bin/ace-puppeteer" ]; then
  echo "a11y: installing @daisy/ace@$ace_version from npm into $work/ace"
  mkdir -p "$work/ace"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
    npm install --prefix "$work/ace" --no-audit --no-fund --loglevel=error "@daisy/ace@$ace_version" > "$work/npm.log"
fi
export PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium
rm -rf "$work/editions"
"$bin" build examples/world-brief.yaml --out "$work/editions/sample" -q --timestamp 2024-11-08T00:00:00Z
(cd tests/realfeed && "$bin" build feed.yaml --out "../../$work/editions/realfeed" -q --timestamp 2024-11-08T00:00:00Z) 2> /dev/null
status=0
for epub in "$work"/editions/*/*.epub; do
  report=$work/reports/$(basename "$(dirname "$epub")")-$(basename "$epub" .epub)
  "$work/ace/node_modules/.bin/ace-puppeteer" --silent --force --outdir "$report" "$epub"
  python3 - "$epub" "$report/report.json" <<'PY' || status=1
import collections, json, sys
epub, path = sys.argv[1], sys.argv[2]
report = json.load(open(path))
found = collections.Counter()
for page in report["assertions"]:
    for a in page.get("assertions", []):
        found[(a["earl:test"]["dct:title"], a["earl:test"]["earl:impact"], page["earl:testSubject"]["url"])] += 1
outcome = report["earl:result"]["earl:outcome"]
print(f"ace: {epub}: {outcome}, {sum(found.values())} violations")
for (rule, impact, where), n in sorted(found.items()):
    print(f"  {rule} ({impact}) x{n} in {where}")
sys.exit(0 if outcome == "pass" and not found else 1)
PY
done
python3 tests/realfeed/check_language_of_parts.py "$work"/editions/*/*.epub || status=1
exit $status
