// Diagnostics: collecting, counting and the exact printed form.
#include <doctest/doctest.h>

#include "diag/diagnostics.h"

using namespace broadsheet;

TEST_CASE("errors are counted, warnings are not") {
  Diagnostics d;
  d.warning({"a.yaml", 1, 1}, "careful");
  CHECK_FALSE(d.has_errors());
  d.error({"a.yaml", 2, 1}, "broken");
  CHECK(d.has_errors());
  CHECK(d.error_count() == 1);
  CHECK(d.items().size() == 2);
}

TEST_CASE("headline has the location parts that are known") {
  CHECK(Diagnostics::headline({Severity::Error, {"w.yaml", 14, 12}, "bad", ""}) ==
        "w.yaml:14:12: error: bad");
  CHECK(Diagnostics::headline({Severity::Warning, {"w.yaml", 3, 0}, "odd", ""}) ==
        "w.yaml:3: warning: odd");
  CHECK(Diagnostics::headline({Severity::Error, {"w.yaml"}, "cannot read", ""}) ==
        "w.yaml: error: cannot read");
  CHECK(Diagnostics::headline({Severity::Error, {}, "no file", ""}) == "error: no file");
}

TEST_CASE("format quotes the line with a caret under the column and a note") {
  Diagnostics d;
  d.add_source("w.yaml", "- title: X\n  titel: Y\r\n");
  d.warning({"w.yaml", 2, 3}, "article 1 ('X'): unknown key 'titel'", "did you mean 'title'?");
  CHECK(d.format() ==
        "w.yaml:2:3: warning: article 1 ('X'): unknown key 'titel'\n"
        "    2 |   titel: Y\n"
        "      |   ^\n"
        "      = note: did you mean 'title'?\n");
}

TEST_CASE("format counts columns in code points and copies tabs before the caret") {
  Diagnostics d;
  d.add_source("u.yaml", "t\xC3\xA9st:\tx: y\n");
  d.error({"u.yaml", 1, 8}, "bad");
  CHECK(d.format() ==
        "u.yaml:1:8: error: bad\n"
        "    1 | t\xC3\xA9st:\tx: y\n"
        "      |      \t ^\n");
}

TEST_CASE("format without a known line prints only the headline and the note") {
  Diagnostics d;
  d.add_source("a.yaml", "one\n");
  d.error({"a.yaml"}, "the file is UTF-16; save it as UTF-8");
  d.error({"b.yaml", 1, 1}, "unregistered file", "a hint");
  d.error({"a.yaml", 9, 1}, "line beyond the end");
  CHECK(d.format() ==
        "a.yaml: error: the file is UTF-16; save it as UTF-8\n"
        "b.yaml:1:1: error: unregistered file\n"
        "      = note: a hint\n"
        "a.yaml:9:1: error: line beyond the end\n");
}

TEST_CASE("format shows invalid bytes and control characters as U+FFFD, keeping alignment") {
  Diagnostics d;
  d.add_source("b.yaml", "a: \xE9t\x01\xE9\n");
  d.error({"b.yaml", 1, 6}, "here");
  CHECK(d.format() ==
        "b.yaml:1:6: error: here\n"
        "    1 | a: \xEF\xBF\xBDt\xEF\xBF\xBD\xEF\xBF\xBD\n"
        "      |      ^\n");
}

TEST_CASE("format right-aligns line numbers in five columns and omits the caret without a column") {
  Diagnostics d;
  std::string text;
  for (int i = 1; i <= 12345; ++i) text += "line " + std::to_string(i) + "\n";
  d.add_source("big.yaml", text);
  d.error({"big.yaml", 12345, 0}, "late");
  CHECK(d.format() == "big.yaml:12345: error: late\n12345 | line 12345\n");
}
