// Hyphenation through the system's libhyphen dictionaries (Debian hyphen-*
// packages): pinned points for English, German, Russian and Greek, language
// lookup, the dictionary-directory seam, the policy for URLs, code and capitals,
// soft hyphens, and the limit of two hyphenated lines in a row.
#include <doctest/doctest.h>

#include <memory>
#include <thread>

#include <string>

#include "typeset/hyphenate.h"
#include "fake_measurer.h"
#include "hyphen_test_support.h"
#include "layout/layout.h"
#include "typeset/linebreak.h"

using namespace broadsheet;
using broadsheet::test::shown;

namespace {

std::vector<Word> prepared(std::vector<Word> words, double width, const std::string& language) {
  HalfEm m;
  Hyphenator h;
  prepare_words(words, BreakRules{language, true, true}, width, m, h);
  return words;
}

}  // namespace

TEST_CASE("hyphenation: points as the installed dictionaries give them") {
  Hyphenator h;
  CHECK(shown("hyphenation", "en", h) == "hy-phen-ation");
  CHECK(shown("Typography,", "en-GB", h) == "Ty-pog-ra-phy,");
  CHECK(shown("(international)", "en-US", h) == "(in-ter-na-tional)");
  CHECK(shown("Silbentrennung", "de", h) == "Sil-ben-tren-nung");   // ISO 8859-1 dictionary
  CHECK(shown("Zusammenarbeit", "de-AT", h) == "Zu-sam-men-ar-beit");
  CHECK(shown("Библиотека", "ru", h) == "Биб-лио-тека");              // KOI8-R dictionary
  CHECK(shown("υπολογιστής", "el", h) == "υπο-λο-γι-στής");          // ISO 8859-7 dictionary
  CHECK(shown("Rzeczpospolita", "pl", h) == "Rzecz-po-spo-li-ta");
}

TEST_CASE("hyphenation: dictionaries are found by primary subtag, or not at all") {
  Hyphenator h;
  CHECK(h.dictionary_file("de-CH").filename() == "hyph_de_CH.dic");
  CHECK(h.dictionary_file("de").filename() == "hyph_de_DE.dic");
  CHECK(h.dictionary_file("pl").filename() == "hyph_pl_PL.dic");
  CHECK(h.has_dictionary("en-GB"));
  CHECK(h.dictionary_file("az").empty());
  CHECK(h.has_dictionary("az"));  // no file: the Turkic syllable rules (turkic_syllables_test.cpp)
  CHECK_FALSE(h.has_dictionary("sw"));
  CHECK(shown("maktaba", "sw", h) == "maktaba");
  CHECK(shown("hyphenation", "", h) == "hyphenation");
  Hyphenator nowhere("/nonexistent/hyphen-dictionaries");
  CHECK_FALSE(nowhere.has_dictionary("en"));
  CHECK(shown("hyphenation", "en", nowhere) == "hyphenation");
}

TEST_CASE("hyphenation: one load per dictionary file, shared by renders on several threads") {
  Executor executor(2);
  auto shared = std::make_shared<HyphenDictionaries>();
  shared->preload({"de", "ru", "de-AT", "az", ""}, executor);  // de-AT links to de's file
  auto de = shared->patterns("de");
  REQUIRE(de != nullptr);
  CHECK(shared->patterns("de-AT") == de);  // the same loaded copy
  CHECK(shared->patterns("de-CH") == de);
  CHECK(shared->patterns("az") == nullptr);
  CHECK(HyphenDictionaries("/nonexistent").patterns("en") == nullptr);
  // Two renders at once, each with its own caches, agree with a lone one.
  std::string one, two;
  std::thread a([&] {
    Hyphenator h(shared);
    one = shown("Silbentrennung", "de", h) + shown("Библиотека", "ru", h);
  });
  std::thread b([&] {
    Hyphenator h(shared);
    two = shown("Silbentrennung", "de", h) + shown("Библиотека", "ru", h);
  });
  a.join();
  b.join();
  CHECK(one == "Sil-ben-tren-nungБиб-лио-тека");
  CHECK(two == one);
}

TEST_CASE("hyphenation: URLs, addresses, numbers, inner capitals and short words are left whole") {
  Hyphenator h;
  for (const char* token : {"https://example.org/information", "editor@newspaper.example",
                            "international2024", "iPhone-compatible", "McDonaldization", "UNESCO",
                            "about", "naïve—", "don't-stop"}) {
    CHECK(hyphenate_token(token, "en", h).empty());
  }
}

TEST_CASE("hyphenation: inline code is never hyphenated, and prose next to it is") {
  TextStyle base{FontFace{}, 10, {}, {}};
  InlineStyles styles{base, 0.9, {}};
  std::vector<Inline> inlines = {Inline{InlineKind::Text, "configuration ", {}, {}},
                                 Inline{InlineKind::Code, "configuration_management", {}, {}}};
  std::vector<Word> words = prepared(collect_words(inlines, styles), 400, "en");
  size_t prose_hyphens = 0;
  for (const Word& w : words) {
    bool code = w.parts.back().style.face.role == FontRole::Mono;
    if (w.joint == Joint::Hyphen) CHECK_FALSE(code);
    prose_hyphens += !code && w.joint == Joint::Hyphen;
  }
  CHECK(prose_hyphens >= 2);
}

TEST_CASE("hyphenation: a soft hyphen is a break hint, drawn as '-' only at a line end") {
  TextStyle base{FontFace{}, 10, {}, {}};
  InlineStyles styles{base, 0.9, {}};
  std::vector<Inline> inlines = {Inline{InlineKind::Text, "ab Donau\u00ADdampf\u00ADschiff", {}, {}}};
  std::vector<Word> words = prepared(collect_words(inlines, styles), 60, "de");
  std::vector<Line> lines = break_lines(words, {60, 60});
  REQUIRE(lines.size() == 2);
  std::string first, second;
  for (const PageItem& item : set_line(words, lines[0], {0, 0, 60, Align::Justify})) first += item.text;
  for (const PageItem& item : set_line(words, lines[1], {0, 0, 60, Align::Justify})) second += item.text;
  CHECK(first == "ab Donau-");           // U+002D, not U+2010
  CHECK(second == "dampfschiff");        // the second hint is not drawn
  CHECK((first + second).find("\u00AD") == std::string::npos);
}

TEST_CASE("hyphenation: never more than two hyphenated lines in a row") {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "international considerations notwithstanding extraordinary ";
  TextStyle base{FontFace{}, 10, {}, {}};
  std::vector<Word> words = prepared(collect_words(text, base), 130, "en");
  std::vector<Line> lines = break_lines(words, {130, 130});
  int run = 0, most = 0, hyphenated = 0;
  for (const Line& line : lines) {
    bool hyphen = !line.last && words[line.end - 1].joint == Joint::Hyphen;
    run = hyphen ? run + 1 : 0;
    hyphenated += hyphen;
    most = std::max(most, run);
  }
  MESSAGE(hyphenated << " of " << lines.size() << " lines hyphenated");
  CHECK(hyphenated > 5);
  CHECK(most <= 2);
  CHECK_FALSE(words[lines[lines.size() - 2].end - 1].joint == Joint::Hyphen);  // not before the last line
}

TEST_CASE("hyphenation: style.hyphenate = false sets no hyphen anywhere") {
  Document doc;
  ArticleDoc article;
  article.language = "en";
  std::string text;
  for (int i = 0; i < 40; ++i) text += "international considerations notwithstanding extraordinary ";
  Block paragraph;
  paragraph.inlines = {Inline{InlineKind::Text, text, {}, {}}};
  article.body.push_back(paragraph);
  doc.sections.push_back(SectionDoc{"s1", "News", {article}});
  HalfEm m;
  for (bool hyphenate : {true, false}) {
    Style st;
    st.hyphenate = hyphenate;
    st.margin_inner = st.margin_outer = 200;  // a narrow column
    size_t hyphens = 0;
    for (const Page& page : layout(doc, st, m).pages) {
      for (const PageItem& item : page.items) {
        hyphens += item.kind == ItemKind::Text && !item.text.empty() && item.text.back() == '-';
      }
    }
    CHECK((hyphens > 0) == hyphenate);
  }
}
