// The real PDF back end: a small multilingual document rendered through
// fontconfig and libharu, checked with qpdf, pdftotext and pdffonts (required
// tools), and rendered twice to prove the output is byte-identical.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "env/fonts.h"
#include "pdf/haru_compat.h"
#include "pdf/haru_save.h"
#include "pdf/write_pdf.h"
#include "typeset/precompose.h"

#include "run_command.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

Block para(std::vector<Inline> inlines) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.inlines = std::move(inlines);
  return b;
}

Inline txt(const std::string& t) { return Inline{InlineKind::Text, t, {}, {}}; }

Document multilingual() {
  Document doc;
  doc.meta.title = "Tägliche Übersicht";
  doc.meta.subtitle = "News from everywhere";
  doc.meta.publisher = "Broadsheet Press";
  doc.long_date = "Wednesday, 6 November 2024";
  doc.build_time = std::chrono::sys_seconds{std::chrono::seconds{1730878200}};
  ArticleDoc latin;
  latin.title = "Zażółć gęślą jaźń in Kraków";
  latin.url = "https://example.org/kraków?q=ü";
  latin.summary = "Crème brûlée, façade, naïve: diacritics survive.";
  Inline strong{InlineKind::Strong, "", "", {txt("Azərbaycan şəhərləri")}};
  Inline link{InlineKind::Link, "", "https://example.org/az", {txt("bağlantı")}};
  latin.body.push_back(para({txt("Bakı: "), strong, txt(" və ığdır dağları, "), link, txt(".")}));
  ArticleDoc cyr;
  cyr.title = "Новости дня";
  cyr.body.push_back(para({txt("Съешь же ещё этих мягких французских булок, да выпей чаю.")}));
  cyr.body.push_back(para({txt("Ελληνικά: Ξεσκεπάζω την ψυχοφθόρα βδελυγμία.")}));
  ArticleDoc cjk;
  cjk.title = "日本語のニュース";
  cjk.body.push_back(para({txt("東京で日本語の新聞を読みます。Mixed 漢字 and Latin.")}));
  doc.sections.push_back(SectionDoc{"s1", "Europe", {latin, cyr}});
  doc.sections.push_back(SectionDoc{"s2", "Asia", {cjk}});
  return doc;
}

fs::path write_temp(const std::string& bytes, const std::string& name) {
  fs::path path = fs::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// The edition's objects as text: font dictionaries sit in deflated object
// streams, so they are read back through qpdf's uncompressed form.
std::string plain_objects(const std::string& bytes) {
  fs::path packed = write_temp(bytes, "broadsheet_pdf_packed.pdf");
  int status = 0;
  std::string plain = test::run_command("qpdf --qdf --object-streams=disable " + packed.string() + " -", status);
  CHECK(status == 0);
  fs::remove(packed);
  return plain;
}

}  // namespace

TEST_CASE("pdf: fonts resolve to TrueType files with CJK, symbol and emoji fallbacks") {
  FontFiles files = find_fonts(FontRoles{});
  CHECK(files.body.regular.filename() == "DejaVuSerif.ttf");
  CHECK(files.body.bold_italic.filename() == "DejaVuSerif-BoldItalic.ttf");
  CHECK(files.heading.bold.filename() == "DejaVuSans-Bold.ttf");
  CHECK(files.mono.regular.filename() == "DejaVuSansMono.ttf");
  REQUIRE(files.fallbacks.size() == 7);
  CHECK(files.fallbacks[0].filename() == "DejaVuSans.ttf");
  CHECK(files.fallbacks[1].filename() == "DroidSansFallbackFull.ttf");
  CHECK(files.fallbacks[2].filename() == "NanumGothic.ttf");
  CHECK(files.fallbacks[3].filename() == "NotoSans-Regular.ttf");
  CHECK(files.fallbacks[4].filename() == "NotoSansSymbols-Regular.ttf");
  CHECK(files.fallbacks[5].filename() == "NotoSansSymbols2-Regular.ttf");
  CHECK(files.fallbacks[6].filename() == "Symbola_hint.ttf");
}

TEST_CASE("pdf: a multilingual edition passes qpdf, extracts, embeds subsets, is reproducible") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  PdfResult first = render_pdf(multilingual(), style, fonts);
  REQUIRE(first.bytes.rfind("%PDF-", 0) == 0);
  fs::path path = write_temp(first.bytes, "broadsheet_pdf_test.pdf");
  int status = 0;

  test::run_command("qpdf --check " + path.string() + " 2>&1", status);
  CHECK(status == 0);

  std::string text = test::run_command("pdftotext -enc UTF-8 " + path.string() + " - 2>&1", status);
  CHECK(status == 0);
  for (const char* phrase : {"Tägliche Übersicht", "Zażółć gęślą jaźń", "Azərbaycan şəhərləri",
                             "ığdır", "Новости дня", "французских булок", "ψυχοφθόρα",
                             "日本語のニュース", "東京", "Contents"}) {
    CAPTURE(phrase);
    CHECK(text.find(phrase) != std::string::npos);
  }
  CHECK(text.find("Syntax Warning") == std::string::npos);

  std::string fonts_out = test::run_command("pdffonts " + path.string() + " 2>&1", status);
  CHECK(status == 0);
  CHECK(fonts_out.find("DejaVuSerif") != std::string::npos);
  CHECK(fonts_out.find("DroidSansFallback") != std::string::npos);
  CHECK(fonts_out.find(" no  ") == std::string::npos);  // every font emb/sub/uni = yes

  PdfResult second = render_pdf(multilingual(), style, fonts);
  CHECK(first.bytes == second.bytes);
  fs::remove(path);
}

TEST_CASE("pdf: dictionaries travel in object streams with a cross-reference stream") {
  Style style;
  const std::string bytes = render_pdf(multilingual(), style, find_fonts(style.fonts)).bytes;
  CHECK(bytes.rfind("%PDF-1.5", 0) == 0);
  CHECK(bytes.find("/Type /ObjStm") != std::string::npos);
  CHECK(bytes.find("/Type /XRef") != std::string::npos);
  CHECK(bytes.find("\nxref\n") == std::string::npos);  // no plain-text table
  CHECK(bytes.find("/Type /StructElem") == std::string::npos);  // packed, so not readable as text
  fs::path path = write_temp(bytes, "broadsheet_pdf_objstm.pdf");
  int status = 0;
  std::string check = test::run_command("qpdf --check " + path.string() + " 2>&1", status);
  CAPTURE(check);
  CHECK(status == 0);
  CHECK(check.find("WARNING") == std::string::npos);
  const std::string plain = plain_objects(bytes);
  CHECK(plain.find("/Type /StructElem") != std::string::npos);  // the same objects, unpacked
  fs::remove(path);
}

TEST_CASE("pdf: each ToUnicode CMap maps only the codes the edition uses") {
  Style style;
  const std::string plain = plain_objects(render_pdf(multilingual(), style, find_fonts(style.fonts)).bytes);
  // libharu's identity CMap spans the whole BMP in 256 ranges (1.7 KB a face).
  CHECK(plain.find("begincmap") != std::string::npos);
  CHECK(plain.find("<0000> <00FF> <0000>") == std::string::npos);
  CHECK(plain.find("<4E00> <4EFF> <4E00>") == std::string::npos);
}

TEST_CASE("pdf: character codes that contain string delimiters extract intact") {
  // Codes are two bytes in literal strings: č is 01 0D (a CR), Ċ 01 0A (LF),
  // Ĩ 01 28 and ĩ 01 29 (parentheses), Ŝ 01 5C (backslash), next to the ASCII
  // delimiters themselves. An unescaped byte would end the string or vanish.
  const std::string phrase = "(a) \\b\\ čĊĨĩŜ [c] <d>";
  Document doc;
  doc.meta.title = "Delimiters";
  doc.long_date = "Thursday, 7 November 2024";
  ArticleDoc article;
  article.title = "Escapes";
  article.body.push_back(para({txt(phrase)}));
  doc.sections.push_back(SectionDoc{"s", "News", {article}});
  Style style;
  fs::path path = write_temp(render_pdf(doc, style, find_fonts(style.fonts)).bytes, "broadsheet_pdf_escapes.pdf");
  int status = 0;
  test::run_command("qpdf --check " + path.string() + " 2>&1", status);
  CHECK(status == 0);
  std::string text = test::run_command("pdftotext -enc UTF-8 " + path.string() + " - 2>&1", status);
  CHECK(status == 0);
  CAPTURE(text);
  CHECK(text.find(phrase) != std::string::npos);
  CHECK(text.find("Syntax") == std::string::npos);
  fs::remove(path);
}

TEST_CASE("pdf: each font's /W lists only the characters the edition uses") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  const std::string bytes = plain_objects(render_pdf(multilingual(), style, fonts).bytes);
  // libharu writes widths for every code point a face covers (DejaVuSerif:
  // about 3,000 entries, 40-60 KB); a short edition uses a few hundred.
  size_t arrays = 0;
  for (size_t at = bytes.find("/W ["); at != std::string::npos; at = bytes.find("/W [", at + 1)) {
    size_t depth = 0, end = at + 3;
    for (; end < bytes.size(); ++end) {
      if (bytes[end] == '[') ++depth;
      if (bytes[end] == ']' && --depth == 0) break;
    }
    CAPTURE(bytes.substr(at, 80));
    CHECK(end - at < 8000);
    ++arrays;
  }
  CHECK(arrays >= 3);  // serif, sans and the CJK fallback at least
}

TEST_CASE("pdf: a second core and dropping drawn items change no byte") {
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  PdfResult plain = render_pdf(multilingual(), style, fonts);
  Executor executor(3);
  PdfOptions options;
  options.helpers = &executor;
  options.keep_items = false;
  PdfResult lean = render_pdf(multilingual(), style, fonts, options);
  CHECK(lean.bytes == plain.bytes);
  REQUIRE(lean.pages.pages.size() == plain.pages.pages.size());
  for (const Page& page : lean.pages.pages) CHECK(page.items.empty());
  CHECK_FALSE(plain.pages.pages.front().items.empty());
}

TEST_CASE("pdf: paragraphs composed ahead on a second core change no byte") {
  // Long enough for the precomposer (kParagraphsWorthComposingAhead).
  Document doc = multilingual();
  ArticleDoc& article = doc.sections[0].articles[0];
  for (int i = 0; i < 240; ++i) {
    article.body.push_back(para({txt("Paragraph " + std::to_string(i) +
                                     ": the council approved an extraordinary budget, "
                                     "Zażółć gęślą jaźń, and adjourned.")}));
  }
  REQUIRE(body_paragraphs(doc) >= kParagraphsWorthComposingAhead);
  Style style;
  FontFiles fonts = find_fonts(style.fonts);
  Executor executor(3);
  PdfOptions two;
  two.helpers = &executor;
  const std::string one_core = render_pdf(doc, style, fonts).bytes;
  CHECK(render_pdf(doc, style, fonts, two).bytes == one_core);
  CHECK(render_pdf(doc, style, fonts, two).bytes == one_core);
}

TEST_CASE("pdf: an empty edition still renders a front page") {
  Document doc;
  doc.meta.title = "Empty";
  doc.long_date = "Thursday, 7 November 2024";
  PdfResult r = render_pdf(doc, Style{}, find_fonts(FontRoles{}));
  CHECK(r.pages.pages.size() == 1);
  fs::path path = write_temp(r.bytes, "broadsheet_pdf_empty.pdf");
  int status = 0;
  test::run_command("qpdf --check " + path.string() + " 2>&1", status);
  CHECK(status == 0);
  fs::remove(path);
}

TEST_CASE("pdf: raw objects give back the text set for each number, and nothing for others") {
  haru::RawObjects raw;
  raw.set(7, "<<\n/A 1\n>>");
  raw.set(9, "[ ]");
  CHECK(raw.find(7) == std::optional<std::string_view>("<<\n/A 1\n>>"));
  CHECK(raw.find(9) == std::optional<std::string_view>("[ ]"));
  CHECK_FALSE(raw.find(8).has_value());
  CHECK_FALSE(raw.find(10).has_value());
}

TEST_CASE("pdf: an object written as text takes its placeholder's number in the saved file") {
  std::unique_ptr<HPDF_Doc_Rec, decltype(&HPDF_Free)> doc(HPDF_New(nullptr, nullptr), &HPDF_Free);
  REQUIRE(doc);
  REQUIRE(HPDF_AddPage(doc.get()));
  void* placeholder = haru::new_placeholder(doc.get());
  REQUIRE(placeholder);
  REQUIRE(HPDF_Dict_Add(haru::catalog_of(doc.get()), "Written", placeholder) == HPDF_OK);
  const HPDF_UINT number = haru::object_number(placeholder);
  haru::RawObjects raw;
  raw.set(number, "<<\n/Greeting (as text)\n>>");
  const std::string plain = plain_objects(haru::save_with_object_streams(doc.get(), raw));
  // qpdf renumbers: follow the catalog's reference to the object it names.
  const size_t written = plain.find("/Written ");
  REQUIRE(written != std::string::npos);
  const std::string target = plain.substr(written + 9, plain.find(" 0 R", written) - written - 9);
  const size_t object = plain.find("\n" + target + " 0 obj\n");
  REQUIRE(object != std::string::npos);
  const std::string expected = "<<\n  /Greeting (as text)\n>>";
  CHECK(plain.compare(plain.find("<<", object), expected.size(), expected) == 0);
}
