// Paragraphs composed ahead (typeset/precompose.h) must change nothing: the same
// pages as composing in place, on one thread or two; and what composing
// throws on the other thread reaches the layout.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "layout/layout.h"
#include "layout/page_flow.h"
#include "style/page_geometry.h"
#include "typeset/precompose.h"

#include "fake_measurer.h"

using namespace broadsheet;

namespace {

Inline text(const std::string& t) { return Inline{InlineKind::Text, t, {}, {}}; }

Block block(BlockKind kind, const std::string& t = "") {
  Block b;
  b.kind = kind;
  if (!t.empty()) b.inlines = {text(t)};
  return b;
}

std::string words(int n, int seed) {
  static const char* kWords[] = {"the", "committee", "approved", "an", "extraordinary", "budget",
                                 "for", "Wednesday", "and", "unexpectedly", "adjourned", "early"};
  std::string out;
  for (int i = 0; i < n; ++i) out += std::string(i ? " " : "") + kWords[(i * 7 + seed) % 12];
  return out;
}

// Paragraphs after paragraphs (indented), after headings, lists and quotes
// (not indented), inside quotes and lists (not composed ahead), in three
// languages, across more articles than the precomposer runs ahead.
Document varied() {
  Document doc;
  doc.meta.title = "Ahead";
  doc.long_date = "Wednesday, 6 November 2024";
  const char* kLanguages[] = {"en", "de", ""};
  for (int s = 0; s < 3; ++s) {
    SectionDoc section{"s" + std::to_string(s), "Section " + std::to_string(s), {}};
    for (int a = 0; a < 6; ++a) {
      ArticleDoc article;
      article.title = "Article " + std::to_string(s) + "." + std::to_string(a);
      article.language = kLanguages[(s + a) % 3];
      for (int p = 0; p < 8; ++p) {
        article.body.push_back(block(BlockKind::Paragraph, words(30 + 11 * p, s + a + p)));
        if (p == 2) article.body.push_back(block(BlockKind::Heading, "A heading"));
        if (p == 4) {
          Block quote = block(BlockKind::Quote);
          quote.children.push_back(block(BlockKind::Paragraph, "a quoted paragraph, set in place"));
          article.body.push_back(quote);
        }
        if (p == 5) {
          Block list = block(BlockKind::List);
          Block item = block(BlockKind::ListItem);
          item.children.push_back(block(BlockKind::Paragraph, "a list item, set in place"));
          list.children.push_back(item);
          article.body.push_back(list);
        }
      }
      section.articles.push_back(article);
    }
    doc.sections.push_back(section);
  }
  return doc;
}

Style three_columns() {
  Style st;
  st.columns = 3;
  st.gutter = 12;
  st.body_size = 9;
  st.body_leading = 12;
  return st;
}

std::string laid_out(const Document& doc, const Style& style, bool ahead, bool threaded) {
  HalfEm measurer;
  LayoutOptions options;
  if (ahead) options.ahead_measurer = [] { return std::make_unique<HalfEm>(); };
  Executor executor(1);
  options.ahead_executor = threaded ? &executor : nullptr;
  return dump_layout(layout(doc, style, measurer, options));
}

// Remembers whether it measured a given word.
struct Watching : HalfEm {
  explicit Watching(std::string w) : word(std::move(w)) {}
  double width(const FontFace& face, std::string_view text, double size) override {
    seen = seen || text.find(word) != std::string_view::npos;
    return HalfEm::width(face, text, size);
  }
  std::string word;
  bool seen = false;
};

struct Throwing : TextMeasurer {
  double width(const FontFace&, std::string_view, double) override {
    throw std::runtime_error("the measurer failed");
  }
};

}  // namespace

TEST_CASE("precompose: the same pages as composing in place, on one thread or two") {
  const Document doc = varied();
  for (const Style& style : {Style{}, three_columns()}) {
    CAPTURE(style.columns);
    const std::string in_place = laid_out(doc, style, false, false);
    CHECK(in_place.size() > 10000);
    CHECK(laid_out(doc, style, true, false) == in_place);
    for (int run = 0; run < 3; ++run) CHECK(laid_out(doc, style, true, true) == in_place);
  }
}

TEST_CASE("precompose: every body paragraph is composed ahead, none by the layout's measurer") {
  Executor executor(1);
  // "extraordinary" is only in body paragraphs; the layout's own measurer
  // must never see it when they are composed ahead (nor the PDF's subsets).
  const Document doc = varied();
  for (const Style& style : {Style{}, three_columns()}) {
    for (bool threaded : {false, true}) {
      CAPTURE(threaded);
      Watching measurer("extraordinary");
      LayoutOptions options;
      options.ahead_measurer = [] { return std::make_unique<HalfEm>(); };
      options.ahead_executor = threaded ? &executor : nullptr;
      layout(doc, style, measurer, options);
      CHECK_FALSE(measurer.seen);
    }
    Watching in_place("extraordinary");
    layout(doc, style, in_place);
    CHECK(in_place.seen);
  }
}

TEST_CASE("precompose: take hands over only the next paragraph, composed for the asked key") {
  Executor executor(1);
  const Document doc = varied();
  const Style style;
  const ArticleDoc& article = doc.sections[0].articles[0];
  const Block& first = article.body[0];
  const Block& second = article.body[1];
  REQUIRE(first.kind == BlockKind::Paragraph);
  REQUIRE(second.kind == BlockKind::Paragraph);
  const double width = page_geometry(style).column_width;
  for (bool threaded : {false, true}) {
    CAPTURE(threaded);
    ParagraphPrecomposer ahead(doc, style, width, [] { return std::make_unique<HalfEm>(); },
                               std::make_shared<HyphenDictionaries>(), LineBreaker::TotalFit,
                               threaded ? &executor : nullptr);
    CHECK_FALSE(ahead.take(second, {width, article.language, true, false}));  // not next: first is
    std::optional<SetText> got = ahead.take(first, {width, article.language, false, false});
    REQUIRE(got);
    CHECK_FALSE(got->lines.empty());
    ahead.give_back(std::move(*got));
    // The next one, but asked for another width: the caller composes it.
    CHECK_FALSE(ahead.take(second, {width - 10, article.language, true, false}));
  }
}

TEST_CASE("precompose: what composing throws on the other thread reaches the layout") {
  Executor executor(1);
  const Document doc = varied();
  for (bool threaded : {false, true}) {
    CAPTURE(threaded);
    HalfEm measurer;
    LayoutOptions options;
    options.ahead_measurer = [] { return std::make_unique<Throwing>(); };
    options.ahead_executor = threaded ? &executor : nullptr;
    CHECK_THROWS_WITH_AS(layout(doc, Style{}, measurer, options), "the measurer failed", std::runtime_error);
  }
}

TEST_CASE("precompose: a paragraph that cannot be composed fails the layout when it is reached") {
  Executor executor(1);
  // Paragraph 60 of 144 cannot be measured; the threads have composed past it
  // by the time the layout gets there, or not: the error is the same.
  struct Poisoned : HalfEm {
    double width(const FontFace& face, std::string_view text, double size) override {
      if (text.find("POISON") != std::string_view::npos) throw std::runtime_error("cannot measure POISON");
      return HalfEm::width(face, text, size);
    }
  };
  Document doc = varied();
  size_t seen = 0;
  for (SectionDoc& section : doc.sections) {
    for (ArticleDoc& article : section.articles) {
      for (Block& b : article.body) {
        if (b.kind == BlockKind::Paragraph && ++seen == 60) b.inlines = {text("a POISON paragraph")};
      }
    }
  }
  REQUIRE(seen > 100);
  for (bool threaded : {false, true}) {
    CAPTURE(threaded);
    for (int run = 0; run < 3; ++run) {
      Poisoned measurer;
      LayoutOptions options;
      options.ahead_measurer = [] { return std::make_unique<Poisoned>(); };
      options.ahead_executor = threaded ? &executor : nullptr;
      CHECK_THROWS_WITH_AS(layout(doc, Style{}, measurer, options), "cannot measure POISON", std::runtime_error);
    }
  }
}
