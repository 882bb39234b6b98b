// UTF-8 helpers: the strict decoder, validation positions, sanitizing.
#include <doctest/doctest.h>

#include "diag/utf8.h"

using namespace broadsheet;
using namespace std::string_literals;

namespace {
char32_t first_code_point(std::string_view text, size_t& advanced) {
  advanced = 0;
  return next_code_point(text, advanced);
}
}  // namespace

TEST_CASE("next_code_point decodes valid sequences of every length") {
  size_t n = 0;
  CHECK(first_code_point("A", n) == U'A');
  CHECK(n == 1);
  CHECK(first_code_point("\xC3\xA9", n) == U'\u00E9');
  CHECK(n == 2);
  CHECK(first_code_point("\xE2\x82\xAC", n) == U'\u20AC');
  CHECK(n == 3);
  CHECK(first_code_point("\xF0\x9F\x93\xB0", n) == U'\U0001F4F0');
  CHECK(n == 4);
  CHECK(first_code_point("\xF4\x8F\xBF\xBF", n) == U'\U0010FFFF');
}

TEST_CASE("next_code_point turns each invalid sequence into U+FFFD and advances one byte") {
  size_t n = 0;
  for (std::string bad : {"\xC0\xAF"s, "\xE0\x80\xAF"s, "\xF0\x80\x80\xAF"s,  // overlongs
                          "\xED\xA0\x80"s,                                    // surrogate D800
                          "\xF4\x90\x80\x80"s,                                // above U+10FFFF
                          "\xF5\x80\x80\x80"s, "\xFF"s, "\x80"s,              // never valid
                          "\xE2\x82"s, "\xC3"s, "\xC3("s}) {                  // truncated
    CAPTURE(bad);
    CHECK(first_code_point(bad, n) == 0xFFFD);
    CHECK(n == 1);
  }
}

TEST_CASE("append_utf8 encodes every length and replaces what cannot be encoded") {
  std::string out;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F4F0'}) append_utf8(out, cp);
  CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x93\xB0");
  out.clear();
  append_utf8(out, 0xD800);
  append_utf8(out, 0x110000);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("append_utf8 and next_code_point round-trip every length, at each length's edges") {
  for (char32_t cp : {U'\0', U'\x7F', U'\x80', U'\u07FF', U'\u0800', U'\uFFFD', U'\U00010000', U'\U0010FFFF'}) {
    CAPTURE(static_cast<unsigned>(cp));
    std::string bytes;
    append_utf8(bytes, cp);
    CHECK(bytes.size() == utf8_sequence_length(static_cast<unsigned char>(bytes[0])));
    size_t i = 0;
    CHECK(next_code_point(bytes, i) == cp);
    CHECK(i == bytes.size());
  }
}

TEST_CASE("utf8_sequence_length reads the lead byte and gives 1 for bytes that start nothing") {
  CHECK(utf8_sequence_length('A') == 1);
  CHECK(utf8_sequence_length(0xC3) == 2);
  CHECK(utf8_sequence_length(0xE2) == 3);
  CHECK(utf8_sequence_length(0xF0) == 4);
  for (unsigned char junk : {0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xFF}) CHECK(utf8_sequence_length(junk) == 1);
}

TEST_CASE("code_point_start backs over continuation bytes to the lead byte") {
  const std::string text = "a\xC3\xA9\xF0\x9F\x93\xB0";  // a, e acute, newspaper
  CHECK(code_point_start(text, 0) == 0);
  CHECK(code_point_start(text, 2) == 1);
  CHECK(code_point_start(text, 6) == 3);
  CHECK(code_point_start(text, text.size()) == text.size());
  CHECK(code_point_start("\x80\x80", 1) == 0);  // stray continuations stop at 0
  CHECK(is_utf8_continuation('\x9F'));
  CHECK_FALSE(is_utf8_continuation('\xF0'));
}

TEST_CASE("count_code_points counts lead bytes") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x93\xB0") == 4);
}

TEST_CASE("find_invalid_utf8 reports line and column in code points") {
  CHECK_FALSE(find_invalid_utf8("title: caf\xC3\xA9\nnull byte \0 is valid UTF-8"s));
  auto bad = find_invalid_utf8("a: 1\ntitle: caf\xC3\xA9 \xE9t\xE9\n");
  REQUIRE(bad);
  CHECK(bad->line == 2);
  CHECK(bad->column == 13);  // "title: café " is 12 code points
  CHECK(bad->offset == 18);
  auto truncated = find_invalid_utf8("ok\xE2\x82");
  REQUIRE(truncated);
  CHECK(truncated->line == 1);
  CHECK(truncated->column == 3);
  CHECK(find_invalid_utf8("\xED\xA0\x80")->column == 1);
}

TEST_CASE("sanitize_text normalizes line breaks and drops what XML cannot hold") {
  CHECK(sanitize_text("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(sanitize_text("nul\0bell\x07tab\t"s) == "nulbelltab\t");
  CHECK(sanitize_text("x\xEF\xBF\xBEy\xEF\xBF\xBFz") == "xyz");           // U+FFFE, U+FFFF
  CHECK(sanitize_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte");        // U+FFFD
  CHECK(sanitize_text("caf\xC3\xA9 \xE2\x82\xAC") == "caf\xC3\xA9 \xE2\x82\xAC");
}

TEST_CASE("sanitize_text for attributes turns TAB and line breaks into spaces") {
  CHECK(sanitize_text("a\tb\r\nc", true) == "a b c");
}

TEST_CASE("collapse_whitespace collapses runs and trims") {
  CHECK(collapse_whitespace("  Markets \t\r\n rally  ") == "Markets rally");
  CHECK(collapse_whitespace(" \n\t ") == "");
  CHECK(collapse_whitespace("one") == "one");
  CHECK(collapse_whitespace("caf\xC3\xA9  ol\xC3\xA9") == "caf\xC3\xA9 ol\xC3\xA9");
}

TEST_CASE("utf8: utf16be_with_bom encodes the BMP directly and the rest as surrogate pairs") {
  CHECK(broadsheet::utf16be_with_bom("") == std::string("\xFE\xFF"));
  CHECK(broadsheet::utf16be_with_bom("A\xC3\xA9") == std::string("\xFE\xFF\x00" "A\x00\xE9", 6));
  CHECK(broadsheet::utf16be_with_bom("\xF0\x9F\x98\x80") == std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6));  // U+1F600
}
