// Scripts in the PDF: bidi reordering of mixed lines (Arabic/English, Hebrew),
// Arabic joining into presentation forms, right-to-left paragraphs set right
// aligned, the style's extra fallbacks, and the warnings for characters the PDF
// cannot show (no glyph in any font, beyond the BMP too) with their exact text.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "env/fonts.h"
#include "typeset/bidi.h"
#include "typeset/hyphenate.h"
#include "typeset/linebreak.h"
#include "typeset/set_text.h"
#include "pdf/write_pdf.h"

#include "fake_measurer.h"
#include "run_command.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

// The paragraph set as one ragged line of `width` at x = 0.
std::vector<PageItem> one_line(const std::string& text, const std::string& language, double width) {
  HalfEm m;
  Hyphenator hyphenator;
  std::vector<Word> words = collect_words(text, TextStyle{FontFace{}, 10, {}, {}});
  BreakRules rules;
  rules.language = language;
  prepare_words(words, rules, width, m, hyphenator);
  Line line{0, words.size(), natural_width(words, 0, words.size()), true};
  return set_line(words, line, {0, 100, width, Align::Left});
}

Block para(const std::string& text) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.inlines.push_back(Inline{InlineKind::Text, text, {}, {}});
  return b;
}

ArticleDoc article(const std::string& title, const std::string& language, const std::string& body) {
  ArticleDoc a;
  a.title = title;
  a.language = language;
  a.body.push_back(para(body));
  a.label = "article 1 ('" + title + "')";
  a.field_locs["title"] = {"day.yaml", 3, 12};
  a.body_loc = {"day.yaml", 5, 11};
  return a;
}

Document edition(std::vector<ArticleDoc> articles) {
  Document doc;
  doc.meta.title = "Scripts";
  doc.iso_date = "2024-11-06";
  doc.long_date = "Wednesday, 6 November 2024";
  doc.build_time = std::chrono::sys_seconds{std::chrono::seconds{1730878200}};
  doc.sections.push_back(SectionDoc{"s1", "World", std::move(articles)});
  return doc;
}

}  // namespace

TEST_CASE("bidi: has_rtl") {
  CHECK_FALSE(has_rtl("Plain English, Ελληνικά, Русский, 日本語"));
  CHECK(has_rtl("abc שלום"));
  CHECK(has_rtl("مرحبا"));
  CHECK(has_rtl("\uFEFC"));  // a lam-alef ligature form
}

TEST_CASE("bidi: a mixed Arabic/English line reorders only the Arabic run") {
  // Left-to-right base: the Arabic word is reversed (and shaped), the rest stays.
  std::string shown = visual_order("news \u0633\u0644\u0627\u0645 today", false);
  CHECK(shown == "news \uFEE1\uFEFC\uFEB3 today");
  // Right-to-left base: the English run keeps its order but moves to the left.
  CHECK(visual_order("\u0633\u0644\u0627\u0645 news", true) == "news \uFEE1\uFEFC\uFEB3");
}

TEST_CASE("bidi: Hebrew reads right to left; numbers stay left to right") {
  CHECK(visual_order("\u05E9\u05DC\u05D5\u05DD", true) == "\u05DD\u05D5\u05DC\u05E9");
  CHECK(visual_order("\u05E9\u05DC\u05D5\u05DD 123", true) == "123 \u05DD\u05D5\u05DC\u05E9");
  // Brackets mirror inside a right-to-left run.
  CHECK(visual_order("\u05D0 (\u05D1)", true) == "(\u05D1) \u05D0");
}

TEST_CASE("bidi: Arabic is measured and drawn in presentation forms") {
  // seen (initial) + lam-alef (final ligature) + meem (isolated): joined glyphs.
  CHECK(shape_for_measuring("\u0633\u0644\u0627\u0645") == "\uFEB3\uFEFC\uFEE1");
  // beh in its four forms: isolated, initial, medial, final.
  CHECK(shape_for_measuring("\u0628") == "\uFE8F");
  CHECK(shape_for_measuring("\u0628\u0628\u0628") == "\uFE91\uFE92\uFE90");
  CHECK(shape_for_measuring("plain") == "plain");
}

TEST_CASE("bidi: a right-to-left paragraph is set flush right, words in visual order") {
  // Two Arabic words, then English: the first logical word is the rightmost item.
  std::vector<PageItem> items = one_line("\u0633\u0644\u0627\u0645 \u0628\u0628 ok", "ar", 200);
  REQUIRE(items.size() == 3);
  CHECK(items[0].text == "ok");
  CHECK_FALSE(items[0].rtl);
  CHECK(items[1].text == "\u0628\u0628");
  CHECK(items[1].rtl);
  CHECK(items[2].text == "\u0633\u0644\u0627\u0645");
  CHECK(items[2].rtl);
  // 8 code points and 2 spaces at 5 pt: 50 pt of a 200 pt line, flush right.
  CHECK(items[2].x + items[2].w == doctest::Approx(200));
  CHECK(items[0].x == doctest::Approx(150));
  CHECK(items[0].line_role == (kLineInParagraph | kParagraphFirstLine | kParagraphLastLine));
}

TEST_CASE("bidi: the first-line indent is on the paragraph's start side") {
  LineSettings s;
  s.indent = 10;
  s.width = 200;
  s.first_indent = 12;
  // Left to right: the first line starts 12 pt in; right to left, it ends 12 pt
  // short of the right edge (x stays, the width shrinks); other lines are full.
  CHECK(line_box(s, 0, false).x == doctest::Approx(22));
  CHECK(line_box(s, 0, false).width == doctest::Approx(188));
  CHECK(line_box(s, 0, true).x == doctest::Approx(10));
  CHECK(line_box(s, 0, true).width == doctest::Approx(188));
  CHECK(line_box(s, 1, true).x == doctest::Approx(10));
  CHECK(line_box(s, 1, true).width == doctest::Approx(200));
}

TEST_CASE("bidi: a left-to-right paragraph without RTL text keeps its one merged item") {
  std::vector<PageItem> items = one_line("plain words here", "en", 200);
  REQUIRE(items.size() == 1);
  CHECK(items[0].text == "plain words here");
  CHECK(items[0].x == 0);
  CHECK_FALSE(items[0].rtl);
}

TEST_CASE("scripts: a Hebrew word inside English is reordered in place") {
  std::vector<PageItem> items = one_line("say \u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD now", "en", 200);
  REQUIRE(items.size() == 4);
  CHECK(items[0].text == "say");
  CHECK(items[1].text == "\u05E2\u05D5\u05DC\u05DD");  // the second Hebrew word is drawn first
  CHECK(items[2].text == "\u05E9\u05DC\u05D5\u05DD");
  CHECK(items[3].text == "now");
  CHECK(items[0].x == 0);
}

TEST_CASE("scripts: characters beyond the BMP draw, copy back, and warn only when no face has them") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  Document doc = edition({article("Emoji day", "en", "Smile \U0001F600, party \U0001F389 and \U0001F680."),
                          article("Noncharacters", "en", "Not a character: \U0001FFFD.")});
  PdfResult pdf = render_pdf(doc, style, fonts);
  REQUIRE(pdf.warnings.size() == 1);
  CHECK(Diagnostics{}.format(pdf.warnings) ==
        "day.yaml:5:11: warning: article 1 ('Noncharacters') of 2024-11-06: no font has a glyph for U+1FFFD "
        "'\U0001FFFD'; it is shown as an empty box in the PDF\n");
  // Private CIDs carry the real code points in the ToUnicode CMap.
  std::string text = test::pdftotext(pdf.bytes);
  CHECK(text.find("Smile \U0001F600, party \U0001F389 and \U0001F680.") != std::string::npos);
}

TEST_CASE("scripts: a character no font has is named in a warning") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  Document doc = edition({article("Tibetan", "bo", "The syllable \u0F00 and \u0F00 again, and \u0F01.")});
  PdfResult pdf = render_pdf(doc, style, fonts);
  REQUIRE(pdf.warnings.size() == 1);
  CHECK(pdf.warnings[0].severity == Severity::Warning);
  CHECK(pdf.warnings[0].message ==
        "article 1 ('Tibetan') of 2024-11-06: no font has a glyph for U+0F00 '\u0F00', U+0F01 '\u0F01'; "
        "they are shown as an empty box in the PDF");
  CHECK(pdf.warnings[0].loc.line == 5);  // the body's
}

TEST_CASE("scripts: a glyph warning stands at the first field that holds a missing character") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  ArticleDoc a = article("Tibetan", "bo", "And \u0F01 in the body.");
  a.summary = "Summary \u0F00";
  a.field_locs["summary"] = {"day.yaml", 4, 14};
  PdfResult pdf = render_pdf(edition({a}), style, fonts);
  REQUIRE(pdf.warnings.size() == 1);  // one per article, naming both characters
  CHECK(pdf.warnings[0].loc.line == 4);  // first in the summary, though the body has one too
  CHECK(pdf.warnings[0].loc.column == 14);
}

TEST_CASE("scripts: Latin, Cyrillic, Greek, CJK, Hangul, Arabic and Hebrew build with no warning") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  Document doc = edition({
      article("Latin", "en", "Zażółć gęślą jaźń, crème brûlée."),
      article("Кириллица", "ru", "Съешь же ещё этих мягких французских булок."),
      article("Ελληνικά", "el", "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία."),
      article("日本語", "ja", "東京で日本語の新聞を読みます。中文新闻。"),
      article("한국어", "ko", "한국어 뉴스를 읽습니다."),
      article("العربية", "ar", "مرحبا بالعالم، سلام عليكم."),
      article("עברית", "he", "שלום עולם, זוהי פסקה."),
  });
  PdfResult pdf = render_pdf(doc, style, fonts);
  CHECK(pdf.warnings.empty());
  std::string text = test::pdftotext(pdf.bytes);
  for (const char* phrase : {"Zażółć gęślą jaźń", "французских булок", "ψυχοφθόρα", "東京で日本語の新聞",
                             "한국어 뉴스를"}) {
    CAPTURE(phrase);
    CHECK(text.find(phrase) != std::string::npos);
  }
  // poppler gives right-to-left text back in logical order; Arabic as the
  // presentation forms that were drawn (joined: seen initial, lam-alef final, meem isolated).
  CHECK(text.find("\u05E9\u05DC\u05D5\u05DD") != std::string::npos);
  CHECK(text.find("\uFEB3\uFEFC\uFEE1") != std::string::npos);
}

TEST_CASE("scripts: the style names extra fallbacks, tried before the built-in chain") {
  fs::path dir = fs::temp_directory_path() / ("broadsheet-fallbacks-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "fb.yaml") << "fonts:\n  fallbacks: [\"DejaVu Sans Mono\"]\n";
  std::ofstream(dir / "fb.css") << "body { margin: 0; }\n";
  std::ofstream(dir / "bad.yaml") << "fonts:\n  fallbacks: DejaVu Sans\n";
  std::ofstream(dir / "bad.css") << "body { margin: 0; }\n";
  Diagnostics diags;
  Style style = load_style("fb", dir, diags);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(style.fonts.fallbacks == std::vector<std::string>{"DejaVu Sans Mono"});
  FontFiles files = find_fonts(style.fonts);
  REQUIRE(files.fallbacks.size() == 8);
  CHECK(files.fallbacks[0].filename() == "DejaVuSansMono.ttf");
  CHECK(files.fallbacks[1].filename() == "DejaVuSans.ttf");

  load_style("bad", dir, diags);
  CHECK(diags.has_errors());
  style.fonts.fallbacks = {"No Such Family Anywhere"};
  CHECK_THROWS_WITH(find_fonts(style.fonts),
                    "no TrueType font file found for the fallback font family 'No Such Family Anywhere' "
                    "named in the style's fonts.fallbacks (install it, or remove it)");
  fs::remove_all(dir);
}
