// Styles: lengths and their units, page presets and custom sizes, the exact
// text of bad-value and unknown-key diagnostics, lookup by name, and the
// shipped styles/classic loading cleanly.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "style/style.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;

const fs::path kShippedStyles = fs::path(BROADSHEET_BUILT_STYLES);

// A throwaway styles folder holding NAME.yaml (and NAME.css unless told not to).
class StyleDir {
 public:
  StyleDir() : dir_(fs::temp_directory_path() / ("broadsheet-style-" + std::to_string(getpid()))) {
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~StyleDir() { fs::remove_all(dir_); }
  StyleDir(const StyleDir&) = delete;
  StyleDir& operator=(const StyleDir&) = delete;

  fs::path add(const std::string& name, const std::string& yaml, bool with_css = true) {
    std::ofstream(dir_ / (name + ".yaml")) << yaml;
    if (with_css) std::ofstream(dir_ / (name + ".css")) << "body { margin: 0; }\n";
    return dir_ / (name + ".yaml");
  }
  const fs::path& path() const { return dir_; }

 private:
  fs::path dir_;
};

double length(const std::string& text) {
  double points = -1;
  REQUIRE(parse_length(text, points));
  return points;
}

std::string first_message(const Diagnostics& diags) {
  REQUIRE(!diags.items().empty());
  return diags.items().front().message;
}

TEST_CASE("parse_length: units and plain numbers") {
  CHECK(length("12") == doctest::Approx(12));
  CHECK(length("12pt") == doctest::Approx(12));
  CHECK(length("1in") == doctest::Approx(72));
  CHECK(length("25.4mm") == doctest::Approx(72));
  CHECK(length("2.54cm") == doctest::Approx(72));
  CHECK(length(" 10 mm ") == doctest::Approx(28.3465).epsilon(1e-4));
  double points = 0;
  for (const char* bad : {"", "mm", "12px", "-3mm", "1,5mm", "abc", "inf", "12 pt pt"}) {
    CHECK_FALSE(parse_length(bad, points));
  }
}

TEST_CASE("style: page presets and a custom size") {
  StyleDir dir;
  Diagnostics diags;
  dir.add("letter", "page: Letter\n");
  Style letter = load_style("letter", dir.path(), diags);
  CHECK(letter.page_width == doctest::Approx(612));
  CHECK(letter.page_height == doctest::Approx(792));
  dir.add("a5", "page: a5\n");
  CHECK(load_style("a5", dir.path(), diags).page_width == doctest::Approx(419.528));
  dir.add("book", "page: {width: 6in, height: 9in}\nmargins: {top: 0.5in, inner: 0.75in}\n");
  Style book = load_style("book", dir.path(), diags);
  CHECK(book.page_width == doctest::Approx(432));
  CHECK(book.page_height == doctest::Approx(648));
  CHECK(book.margin_top == doctest::Approx(36));
  CHECK(book.margin_inner == doctest::Approx(54));
  CHECK(book.margin_bottom == doctest::Approx(62));  // the default
  CHECK(book.name == "book");
  CHECK(diags.items().empty());
}

TEST_CASE("style: every key is read") {
  StyleDir dir;
  Diagnostics diags;
  dir.add("full",
          "columns: 2\ngutter: 5mm\nfonts: {body: Noto Serif, mono: Noto Sans Mono}\n"
          "sizes: {body: 11, leading: 15, code: 8.5}\nparagraph_indent: 0\n"
          "justify: false\nhyphenate: false\ncolors: {accent: \"#FF8000\"}\n"
          "letter_spacing: 0.02\nmax_word_space: 2\n");
  Style style = load_style("full", dir.path(), diags);
  CHECK(diags.items().empty());
  CHECK(style.columns == 2);
  CHECK(style.gutter == doctest::Approx(14.1732).epsilon(1e-4));
  CHECK(style.fonts.body == "Noto Serif");
  CHECK(style.fonts.heading == "DejaVu Sans");
  CHECK(style.fonts.mono == "Noto Sans Mono");
  CHECK(style.body_size == 11);
  CHECK(style.body_leading == 15);
  CHECK(style.code_size == 8.5);
  CHECK(style.paragraph_indent == 0);
  CHECK_FALSE(style.justify);
  CHECK_FALSE(style.hyphenate);
  CHECK(style.letter_spacing == 0.02);
  CHECK(style.max_word_space == 2);
  CHECK(style.accent.r == doctest::Approx(1));
  CHECK(style.accent.g == doctest::Approx(128 / 255.0));
  CHECK(style.accent.b == doctest::Approx(0));
  CHECK(style.css == "body { margin: 0; }\n");
}

TEST_CASE("style: a bad colour is an error naming the key, at the value") {
  StyleDir dir;
  Diagnostics diags;
  fs::path file = dir.add("bad", "colors:\n  accent: red\n");
  load_style("bad", dir.path(), diags);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.severity == Severity::Error);
  CHECK(d.message == "colors.accent: expected a color \"#RRGGBB\", got \"red\"");
  CHECK(d.loc.file == file.string());
  CHECK(d.loc.line == 2);
  CHECK(d.loc.column == 11);
}

TEST_CASE("style: an unquoted colour is a comment; the hint says so") {
  StyleDir dir;
  Diagnostics diags;
  dir.add("bare", "colors:\n  text: #102030\n");
  load_style("bare", dir.path(), diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message == "colors.text: expected a color \"#RRGGBB\", got nothing");
  CHECK(diags.items()[0].hint == "quote the color: an unquoted # starts a YAML comment");
}

TEST_CASE("style: other bad values name the key and what was expected") {
  StyleDir dir;
  Diagnostics diags;
  dir.add("bad", "page: B5\ncolumns: 4\njustify: maybe\nsizes: {body: -1}\nmargins: {top: 2furlongs}\n"
                 "fonts: {body: [a]}\nletter_spacing: 0.5\nmax_word_space: wide\n");
  load_style("bad", dir.path(), diags);
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.items()) messages.push_back(d.message);
  CHECK(messages == std::vector<std::string>{
      "page: expected A4, A5, Letter or {width: ..., height: ...}, got \"B5\"",
      "columns: expected a whole number from 1 to 3, got \"4\"",
      "justify: expected true or false, got \"maybe\"",
      "sizes.body: expected a size in points such as 10.5, got \"-1\"",
      "margins.top: expected a length such as 12pt, 20mm, 2cm or 0.75in, got \"2furlongs\"",
      "fonts.body: expected a font family name such as \"DejaVu Serif\", got a list",
      "letter_spacing: expected a number from 0 to 0.05 (em), got \"0.5\"",
      "max_word_space: expected a number from 0 to 10, got \"wide\"",
  });
}

TEST_CASE("style: unknown keys are warnings with a location and a suggestion, as a digest's") {
  StyleDir dir;
  Diagnostics diags;
  fs::path file = dir.add("typo", "page: A4\ncolour: red\nmargins:\n  left: 1in\n");
  load_style("typo", dir.path(), diags);
  REQUIRE(diags.items().size() == 2);
  CHECK_FALSE(diags.has_errors());
  const Diagnostic& top = diags.items()[0];
  CHECK(top.severity == Severity::Warning);
  CHECK(top.message == "unknown style key 'colour'");
  CHECK(top.loc.file == file.string());
  CHECK(top.loc.line == 2);
  CHECK(top.loc.column == 1);
  CHECK(top.hint == "did you mean 'colors'?");
  const Diagnostic& nested = diags.items()[1];
  CHECK(nested.message == "unknown style key 'left' in margins");
  CHECK(nested.loc.line == 4);
  CHECK(nested.loc.column == 3);
  CHECK(nested.hint.empty());  // nothing close, as a digest says nothing
}

TEST_CASE("style: columns count code points, as a digest's do") {
  StyleDir dir;
  Diagnostics diags;
  // "é" and "—" are two and three bytes: yaml-cpp's byte column for 'bodyy' is 3 more.
  fs::path file = dir.add("wide", "fonts: {body: \"Sérif — X\", bodyy: DejaVu Sans}\n");
  load_style("wide", dir.path(), diags);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.message == "unknown style key 'bodyy' in fonts");
  CHECK(d.hint == "did you mean 'body'?");
  CHECK(d.loc.line == 1);
  CHECK(d.loc.column == 28);  // yaml-cpp says 31 (bytes)
}

TEST_CASE("style: an unknown name lists the available styles, sorted") {
  StyleDir dir;
  dir.add("zebra", "");
  dir.add("alpha", "");
  Diagnostics diags;
  load_style("fancy", dir.path(), diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(first_message(diags) == "unknown style 'fancy'; available styles: alpha, zebra");
}

TEST_CASE("style: a missing file, missing CSS and broken YAML are diagnostics") {
  StyleDir dir;
  Diagnostics missing;
  CHECK_NOTHROW(load_style((dir.path() / "nope.yaml").string(), dir.path(), missing));
  CHECK(first_message(missing) == "style file not found: " + (dir.path() / "nope.yaml").string());

  Diagnostics no_css;
  fs::path file = dir.add("plain", "page: A4\n", false);
  load_style(file.string(), dir.path(), no_css);  // by path
  CHECK(first_message(no_css) == "style 'plain' has no stylesheet: " +
                                     (dir.path() / "plain.css").string() + " is missing");

  Diagnostics broken;
  dir.add("broken", "page: [A4\n");
  load_style("broken", dir.path(), broken);
  CHECK(broken.has_errors());
  CHECK(first_message(broken).starts_with("not a valid style file: "));
}

TEST_CASE("style: margins that leave no room for text are an error") {
  StyleDir dir;
  Diagnostics diags;
  dir.add("cramped", "page: A5\nmargins: {inner: 3in, outer: 3in}\n");
  load_style("cramped", dir.path(), diags);
  CHECK(first_message(diags) ==
        "the margins, columns and gutter leave less than 1in for text on the page");
}

TEST_CASE("style: the shipped classic style loads with no diagnostics") {
  Diagnostics diags;
  Style classic = load_style("classic", kShippedStyles, diags);
  CHECK(diags.items().empty());
  CHECK(classic.name == "classic");
  CHECK(classic.page_width == doctest::Approx(595.276));
  CHECK(classic.columns == 1);
  CHECK(classic.fonts.body == "DejaVu Serif");
  CHECK(classic.fonts.heading == "DejaVu Sans");
  CHECK(classic.body_size == 10.5);
  CHECK(classic.body_leading == 14);
  CHECK(classic.justify);
  CHECK(classic.hyphenate);
  CHECK(classic.css.find(".article-title") != std::string::npos);
  CHECK(classic.css.find("--") == std::string::npos);  // no "--" anywhere (see classic.css)
}

}  // namespace
}  // namespace broadsheet
