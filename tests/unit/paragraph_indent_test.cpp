// The first-line indent rule (doc/paragraph_indent.h) and the two back ends
// that follow it: the PDF layout, with and without the precomposer, indents
// exactly the paragraphs the EPUB writer marks with class "indent".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <tinyxml2.h>

#include "doc/paragraph_indent.h"
#include "epub/body.h"
#include "layout/layout.h"

#include "fake_measurer.h"

using namespace broadsheet;

namespace {

Block block(BlockKind kind, std::vector<Block> children = {}) {
  Block b;
  b.kind = kind;
  b.children = std::move(children);
  return b;
}

// A one-line paragraph whose text names it, so its line can be found on the page.
Block paragraph(int n) {
  Block b = block(BlockKind::Paragraph);
  b.inlines = {Inline{InlineKind::Text, "para" + std::to_string(n), {}, {}}};
  return b;
}

Block code() {
  Block b = block(BlockKind::CodeBlock);
  b.text = "x = 1";
  return b;
}

Block heading() {
  Block b = block(BlockKind::Heading);
  b.level = 2;
  b.inlines = {Inline{InlineKind::Text, "Heading", {}, {}}};
  return b;
}

// Every container and every kind of block before a paragraph; paragraphs 0..14
// in document order.
std::vector<Block> body() {
  return {paragraph(0), paragraph(1), paragraph(2), heading(), paragraph(3),
          block(BlockKind::Quote, {paragraph(4), paragraph(5)}), paragraph(6),
          block(BlockKind::List, {block(BlockKind::ListItem, {paragraph(7), paragraph(8)}),
                                  block(BlockKind::ListItem, {paragraph(9)})}),
          paragraph(10), block(BlockKind::Rule), paragraph(11), code(), paragraph(12), paragraph(13),
          block(BlockKind::Quote, {block(BlockKind::Quote, {paragraph(14)})})};
}

const std::vector<bool> kIndented = {false, true, true, false, false, true, false, false,
                                     false, false, false, false, false, true, false};

Document document() {
  ArticleDoc article;
  article.title = "Indents";
  article.body = body();
  SectionDoc section;
  section.title = "World";
  section.articles.push_back(std::move(article));
  Document doc;
  doc.sections.push_back(std::move(section));
  return doc;
}

// The left edge of each paragraph's line, in paragraph order.
std::vector<double> paragraph_x(const Style& style, bool ahead) {
  HalfEm measurer;
  LayoutOptions options;
  if (ahead) options.ahead_measurer = [] { return std::make_unique<HalfEm>(); };
  PageSet set = layout(document(), style, measurer, options);
  std::vector<double> x(kIndented.size(), -1);
  for (const Page& page : set.pages) {
    for (const PageItem& item : page.items) {
      if (item.kind != ItemKind::Text || item.text.rfind("para", 0) != 0) continue;
      x.at(static_cast<size_t>(std::stoi(item.text.substr(4)))) = item.x;
    }
  }
  return x;
}

void collect_marks(tinyxml2::XMLElement* element, std::vector<bool>& marks) {
  for (; element; element = element->NextSiblingElement()) {
    if (std::string(element->Name()) == "p") {
      const char* css_class = element->Attribute("class");
      marks.push_back(css_class && std::string(css_class) == "indent");
    }
    collect_marks(element->FirstChildElement(), marks);
  }
}

}  // namespace

TEST_CASE("paragraph indent: after a paragraph in the same container, never in a list") {
  const Block p = block(BlockKind::Paragraph);
  CHECK(first_line_indented(&p, false));
  CHECK_FALSE(first_line_indented(&p, true));
  CHECK_FALSE(first_line_indented(nullptr, false));
  for (BlockKind kind : {BlockKind::Heading, BlockKind::Quote, BlockKind::List, BlockKind::CodeBlock,
                         BlockKind::Rule, BlockKind::Table, BlockKind::Figure}) {
    const Block before = block(kind);
    CHECK_FALSE(first_line_indented(&before, false));
  }
}

TEST_CASE("paragraph indent: the EPUB marks exactly the paragraphs the PDF indents") {
  tinyxml2::XMLDocument xml;
  tinyxml2::XMLElement* root = xml.NewElement("body");
  xml.InsertEndChild(root);
  epub::append_blocks(root, body());
  std::vector<bool> marks;
  collect_marks(root, marks);
  CHECK(marks == kIndented);

  Style indented;
  indented.paragraph_indent = 12;
  Style flush = indented;
  flush.paragraph_indent = 0;
  for (bool ahead : {false, true}) {
    CAPTURE(ahead);
    const std::vector<double> with = paragraph_x(indented, ahead);
    const std::vector<double> without = paragraph_x(flush, ahead);
    for (size_t i = 0; i < kIndented.size(); ++i) {
      CAPTURE(i);
      REQUIRE(with[i] >= 0);
      CHECK(with[i] - without[i] == doctest::Approx(kIndented[i] ? 12 : 0));
    }
  }
}
