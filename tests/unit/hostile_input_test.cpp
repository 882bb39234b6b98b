// Hostile input at the input stage: encodings, control characters, YAML traps,
// wrong types, sentinel dates, and diagnostics that stay readable (and safe
// for a terminal) whatever the source holds. Complements load_test.cpp.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "diag/utf8.h"
#include "input/load.h"

using namespace broadsheet;
using namespace std::string_literals;

namespace {

// Every diagnostic's headline, in order.
std::vector<std::string> headlines(std::string_view yaml) {
  Diagnostics diags;
  parse_digest("h.yaml", yaml, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) out.push_back(Diagnostics::headline(d));
  return out;
}

Digest parse_clean(std::string_view yaml) {
  Diagnostics diags;
  Digest digest = parse_digest("h.yaml", yaml, diags);
  CHECK(diags.format() == "");
  return digest;
}

std::vector<std::string> one(std::string line) { return {std::move(line)}; }

}  // namespace

TEST_CASE("hostile: a UTF-8 BOM and CRLF line ends are accepted; bodies keep LF only") {
  Digest digest = parse_clean(
      "\xEF\xBB\xBF- title: \"Both\"\r\n  date: 2024-11-06\r\n  body: |\r\n    one\r\n    two\r\n");
  REQUIRE(digest.articles.size() == 1);
  CHECK(digest.articles[0].title == "Both");
  CHECK(digest.articles[0].body == "one\ntwo\n");
}

TEST_CASE("hostile: binary garbage and raw surrogates are invalid UTF-8 at their position") {
  CHECK(headlines("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"s) ==
        one("h.yaml:1:1: error: the file is not valid UTF-8 (byte 0x89)"));
  CHECK(headlines("- title: \"CESU \xED\xA0\x80\"\n  date: 2024-11-06\n") ==
        one("h.yaml:1:16: error: the file is not valid UTF-8 (byte 0xED)"));
}

TEST_CASE("hostile: a lone surrogate escape is an error that says so") {
  CHECK(headlines("- title: \"lone \\uD800 surrogate\"\n  date: 2024-11-06\n") ==
        one("h.yaml:1:16: error: invalid YAML: a \\u or \\U escape names no Unicode character "
            "(a lone surrogate, or above U+10FFFF)"));
  CHECK(headlines("- title: \"\\U00110000\"\n  date: 2024-11-06\n").at(0).ends_with(
      "(a lone surrogate, or above U+10FFFF)"));
  CHECK(headlines("- title: \"\\xZZ\"\n  date: 2024-11-06\n") ==
        one("h.yaml:1:11: error: invalid YAML: a \\x, \\u or \\U escape has a character that is not a hex digit"));
}

TEST_CASE("hostile: escaped control characters are dropped from every text field") {
  Digest digest = parse_clean(
      "- title: \"T\\u0000i\\x1b[31mt\\x7fl\\u0085e\\uFFFE\"\n"
      "  date: 2024-11-06\n"
      "  source: \"\\x01S\"\n"
      "  author: [\"\\x0bA\"]\n"
      "  tags: \"\\x1bT\"\n"
      "  summary: \"s\\u0000\\r\\nx\"\n"
      "  body: \"b\\u0000\\x08\\u009bo\\rdy\"\n");
  REQUIRE(digest.articles.size() == 1);
  const Article& a = digest.articles[0];
  CHECK(a.title == "Ti[31mtle");
  CHECK(a.source == "S");
  CHECK(a.authors == std::vector<std::string>{"A"});
  CHECK(a.tags == std::vector<std::string>{"T"});
  CHECK(a.summary == "s\nx");
  CHECK(a.body == "bo\ndy");
}

TEST_CASE("hostile: a title of only control characters is empty; of only spaces, blank") {
  CHECK(headlines("- title: \"\\u0000\\x07\\x1b\"\n  date: 2024-11-06\n") ==
        one("h.yaml:1:10: error: article 1: 'title' is empty"));
  CHECK(headlines("- title: \"\\t \\n \"\n  date: 2024-11-06\n") ==
        one("h.yaml:1:10: error: article 1: 'title' has only whitespace"));
}

TEST_CASE("hostile: sanitize_text drops DEL and C1 controls, keeps what follows them") {
  CHECK(sanitize_text("a\x7F" "b\xC2\x80" "c\xC2\x9B" "d\xC2\xA0" "e") == "abcd\xC2\xA0" "e");
}

TEST_CASE("hostile: YAML syntax errors of every kind name the place") {
  CHECK(headlines("- title: *nope\n  date: 2024-11-06\n") ==
        one("h.yaml:1:10: error: invalid YAML: the alias refers to an anchor that is not defined"));
  CHECK(headlines("- title: a\n  date: 2024-11-06\n- {title: b, date: 2024-11-06\n") ==
        one("h.yaml:4:1: error: invalid YAML: a '{' mapping is not closed with '}'"));
  CHECK(headlines("- title: a\n   date: 2024-11-06\n") ==
        one("h.yaml:2:8: error: invalid YAML: a ':' is not where YAML expects it"));
  CHECK(headlines("title: x\n\tarticles: []\n") ==
        one("h.yaml:2:1: error: invalid YAML: a tab is used for indentation"));
}

TEST_CASE("hostile: YAML nested 600 deep is an error, not a stack overflow") {
  const std::string flow = "- title: deep\n  date: 2024-11-06\n  body: " + std::string(600, '[') +
                           std::string(600, ']') + "\n";
  auto found = headlines(flow);
  REQUIRE(found.size() == 1);
  CHECK(found[0].starts_with("h.yaml:3:"));
  CHECK(found[0].ends_with(": error: invalid YAML: nested too deeply"));
  std::string block = "- title: deep\n  date: 2024-11-06\n  body:\n";
  for (int i = 1; i <= 700; ++i) block += std::string(static_cast<size_t>(i) + 3, ' ') + "k:\n";
  found = headlines(block);
  REQUIRE(found.size() == 1);
  CHECK(found[0].ends_with(": error: invalid YAML: nested too deeply"));
}

TEST_CASE("hostile: wrong types in every field, top level and article") {
  CHECK(headlines("title: [a]\nsubtitle: {a: 1}\npublisher: [p]\ntimezone: {x: 1}\n"
                  "language: [en]\nstyle: [s]\narticles: [{title: T, date: 2024-11-06}]\n") ==
        std::vector<std::string>{
            "h.yaml:1:8: error: 'title' must be text, not a list",
            "h.yaml:2:11: error: 'subtitle' must be text, not a mapping",
            "h.yaml:3:12: error: 'publisher' must be text, not a list",
            "h.yaml:4:11: error: 'timezone' must be text, not a mapping",
            "h.yaml:5:11: error: 'language' must be text, not a list",
            "h.yaml:6:8: error: 'style' must be text, not a list"});
  CHECK(headlines("- title: {a: b}\n  date: [2024-11-06]\n  source: [a]\n  url: {u: 1}\n"
                  "  author: {n: x}\n  section: [s]\n  tags: {t: 1}\n  summary: [s]\n"
                  "  image: [i]\n  image_caption: {c: 1}\n  language: [en]\n  format: [markdown]\n"
                  "  body: [b]\n  extra: 1\n") ==
        std::vector<std::string>{
            "h.yaml:1:10: error: article 1: 'title' must be text, not a mapping",
            "h.yaml:2:9: error: article 1: 'date' must be text, not a list",
            "h.yaml:3:11: error: article 1: 'source' must be text, not a list",
            "h.yaml:4:8: error: article 1: 'url' must be text, not a mapping",
            "h.yaml:5:11: error: article 1: 'author' must be text or a list of texts, not a mapping",
            "h.yaml:6:12: error: article 1: 'section' must be text, not a list",
            "h.yaml:7:9: error: article 1: 'tags' must be text or a list of texts, not a mapping",
            "h.yaml:8:12: error: article 1: 'summary' must be text, not a list",
            "h.yaml:9:10: error: article 1: 'image' must be text, not a list",
            "h.yaml:10:18: error: article 1: 'image_caption' must be text, not a mapping",
            "h.yaml:11:13: error: article 1: 'language' must be text, not a list",
            "h.yaml:12:11: error: article 1: 'format' must be text, not a list",
            "h.yaml:13:9: error: article 1: 'body' must be text, not a list",
            "h.yaml:14:3: warning: article 1: unknown key 'extra'"});
}

TEST_CASE("hostile: impossible times and offsets, garbage dates") {
  auto date_problem = [](const std::string& date) {
    auto found = headlines("- title: T\n  date: " + date + "\n");
    REQUIRE(found.size() == 1);
    return found[0];
  };
  CHECK(date_problem("2024-11-06T07:60:00Z") ==
        "h.yaml:2:23: error: article 1 ('T'): 'date' is not a valid date: minute 60 is out of range (00 to 59)");
  CHECK(date_problem("2024-11-06T24:00:00Z") ==
        "h.yaml:2:20: error: article 1 ('T'): 'date' is not a valid date: hour 24 is out of range (00 to 23)");
  CHECK(date_problem("2024-11-06T07:30:61Z") ==
        "h.yaml:2:26: error: article 1 ('T'): 'date' is not a valid date: second 61 is out of range (00 to 59)");
  CHECK(date_problem("2024-11-06T07:30:00+25:00") ==
        "h.yaml:2:28: error: article 1 ('T'): 'date' is not a valid date: the UTC offset is out of range (-18:00 to +18:00)");
  CHECK(date_problem("tomorrow") ==
        "h.yaml:2:9: error: article 1 ('T'): 'date' is not a valid date: expected YYYY-MM-DD or a "
        "date-time such as 2024-11-06T07:30:00Z, not 'tomorrow'");
  parse_clean("- title: T\n  date: 2024-11-06T07:30:00." + std::string(5000, '9') + "+14:00\n");
}

TEST_CASE("hostile: sentinel years are refused so every day keeps four digits in any zone") {
  auto date_problem = [](const std::string& date) {
    auto found = headlines("timezone: Pacific/Kiritimati\narticles:\n- title: T\n  date: " + date + "\n");
    REQUIRE(found.size() == 1);
    return found[0];
  };
  CHECK(date_problem("0001-01-01T00:00:00Z") ==
        "h.yaml:4:9: error: article 1 ('T'): 'date' is not a valid date: year 0001 is out of range (1900 to 9998)");
  CHECK(date_problem("9999-12-31T23:59:59-18:00") ==
        "h.yaml:4:9: error: article 1 ('T'): 'date' is not a valid date: year 9999 is out of range (1900 to 9998)");
  CHECK(date_problem("1899-12-31") ==
        "h.yaml:4:9: error: article 1 ('T'): 'date' is not a valid date: year 1899 is out of range (1900 to 9998)");
  parse_clean("- {title: First, date: 1900-01-01T00:00:00+14:00}\n- {title: Last, date: 9998-12-31T23:59:59-12:00}\n");
}

TEST_CASE("hostile: a quoted line past 300 characters is cut around the caret") {
  Diagnostics d;
  d.add_source("w.yaml", std::string(1000, 'a') + "X" + std::string(1000, 'b') + "\n");
  d.error({"w.yaml", 1, 1001}, "here");
  CHECK(d.format() == "w.yaml:1:1001: error: here\n"
                      "    1 | ... " + std::string(150, 'a') + "X" + std::string(149, 'b') + " ...\n"
                      "      |     " + std::string(150, ' ') + "^\n");
}

TEST_CASE("hostile: quoted lines show C1 controls and bidi overrides as U+FFFD") {
  Diagnostics d;
  d.add_source("w.yaml", "a\xC2\x9B" "b\xE2\x80\xAE" "c\x7F" "d\n");
  d.error({"w.yaml", 1, 7}, "here");
  CHECK(d.format() == "w.yaml:1:7: error: here\n"
                      "    1 | a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\n"
                      "      |       ^\n");
}
