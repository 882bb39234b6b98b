#!/usr/bin/env bash
# Writes a generated hostile input to stdout, so that megabytes are made at test
# time rather than committed. Usage: generate.sh CASE. Each input starts with the
# "# expect..." lines that check_hostile.sh reads (see there). perl is part of
# every Debian system (perl-base is essential).
set -euo pipefail

article() {  # title date [extra YAML lines]
  printf -- '  - title: "%s"\n    date: %s\n' "$1" "$2"
  [ $# -lt 3 ] || printf '%s\n' "$3"
}

case $1 in
title2000)  # one title of exactly 2,000 characters, words and a final marker
  echo "# expect-pdf: TITLEEND2000"
  echo "# expect-xhtml: TITLEEND2000</h1>"
  echo "articles:"
  title=$(perl -e '$t = join(" ", map { "word$_" } 1..400); print substr($t, 0, 2000 - 13), " TITLEEND2000"')
  [ ${#title} -eq 2000 ] || { echo "generate.sh: title is ${#title} characters" >&2; exit 1; }
  article "$title" 2024-11-06 "    body: A short body."
  ;;
word50k)  # a 50,000-character word: no break opportunity at all
  echo "# expect-pdf: Before the word"
  echo "# expect-pdf: After the word"
  echo "# expect-xhtml: $(perl -e 'print "x" x 1000')"
  echo "articles:"
  article "One long word" 2024-11-06 "    body: |"
  printf '      Before the word.\n\n      %s\n\n      After the word.\n' "$(perl -e 'print "x" x 50000')"
  ;;
paragraph2mb)  # one paragraph of 2 MiB: 350,000 words with no blank line
  echo "# expect-pdf: FIRSTWORD"
  echo "# expect-pdf: LASTWORD"
  echo "articles:"
  article "A two-megabyte paragraph" 2024-11-06 "    format: text"
  printf '    body: |\n      FIRSTWORD '
  perl -e 'print join(" ", ("lorem ipsum dolor sit amet") x 80660), " LASTWORD\n"'
  ;;
list10k)  # a Markdown list of 10,000 items
  echo "# expect-pdf: item number 1 here"
  echo "# expect-pdf: item number 10000 here"
  echo "# expect-xhtml: item number 10000 here<"
  echo "articles:"
  article "Ten thousand items" 2024-11-06 "    body: |"
  perl -e 'print "      - item number $_ here\n" for 1..10000'
  ;;
deep_nesting)  # lists and quotes 300 deep, and emphasis 300 deep
  echo "# expect-pdf: list level 299"
  echo "# expect-pdf: quote level 16"
  echo "# expect-pdf: deep emphasis"
  echo "# expect-xhtml: list level 299"
  echo "# expect-xhtml: quote level 299"
  echo "# epubcheck: yes"
  echo "articles:"
  article "Deep lists" 2024-11-06 "    body: |"
  perl -e 'print "      ", "  " x $_, "- list level $_\n" for 0..299'
  article "Deep quotes" 2024-11-06 "    body: |"
  perl -e 'print "      ", "> " x ($_ + 1), "quote level $_\n\n" for 0..299'
  article "Deep emphasis" 2024-11-06 "    body: |"
  perl -e 'print "      ", "*_" x 150, "deep emphasis", "_*" x 150, "\n"'
  ;;
deep_quotes_pdf)  # KNOWN BUG (src/pdf, hostile.cmake): quotes past level 16 vanish from the PDF
  echo "# expect-pdf: quote level 17"
  echo "# expect-pdf: quote level 299"
  echo "articles:"
  article "Deep quotes" 2024-11-06 "    body: |"
  perl -e 'print "      ", "> " x ($_ + 1), "quote level $_\n\n" for 0..299'
  ;;
sections100)  # 100 sections of one article each
  echo "# expect-pdf: Section 1 "
  echo "# expect-pdf: Section 100 "
  echo "# expect-xhtml: >Section 100<"
  echo "articles:"
  for i in $(seq 1 100); do article "Story $i" 2024-11-06 "    section: Section $i"; done
  ;;
articles1000)  # 1,000 articles in one day, every minute of it in a +05:45 zone
  echo "# expect-files: 2024-11-06.pdf 2024-11-06.epub"
  echo "# expect-pdf: Article 1000 "
  echo "# expect-pdf: 00:00 +05:45"
  echo "# expect-pdf: 23:59 +05:45"
  echo "timezone: Asia/Kathmandu"
  echo "articles:"
  for i in $(seq 0 999); do
    minute=$(( i == 999 ? 1439 : i * 1439 / 999 ))
    printf -- '  - title: "Article %d of the day"\n    date: 2024-11-06T%02d:%02d:00+05:45\n' \
      $((i + 1)) $((minute / 60)) $((minute % 60))
    printf '    body: "Paragraph one of article %d.\\n\\nParagraph two, with *emphasis*."\n' $((i + 1))
  done
  ;;
bom_crlf)  # a UTF-8 byte order mark and CRLF line ends throughout
  printf '\xEF\xBB\xBF'
  perl -pe 's/\n/\r\n/' <<'YAML'
# expect-pdf: CRLF line one
# expect-pdf: CRLF line two
# expect-xhtml: CRLF line one<br/>CRLF line two
articles:
  - title: "Byte order mark and CRLF"
    date: 2024-11-06
    format: text
    body: |
      CRLF line one
      CRLF line two
YAML
  ;;
*) echo "generate.sh: unknown case $1" >&2; exit 2 ;;
esac
