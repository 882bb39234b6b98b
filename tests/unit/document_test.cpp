// The document tree outside Markdown: plain-text bodies, build_document (ids,
// bylines, languages, time labels), the tree queries, and the dump format.
#include <doctest/doctest.h>

#include "doc/document.h"
#include "doc/long_paragraphs.h"
#include "doc_test_support.h"

namespace broadsheet {
namespace {

using namespace std::chrono;

std::string text_body(const std::string& text) { return test::dump_body(parse_plain_text(text)); }

PlacedArticle placed(std::string title, BodyFormat format, std::string body) {
  PlacedArticle p;
  p.article.title = std::move(title);
  p.article.format = format;
  p.article.body = std::move(body);
  return p;
}

Edition two_section_edition() {
  Edition edition;
  edition.meta.title = "World Brief";
  edition.meta.language = "en";
  edition.day = sys_days{2024y / November / 6};
  edition.build_time = sys_days{2024y / November / 6} + 7h + 30min;
  PlacedArticle first = placed("First", BodyFormat::Markdown, "*hi*");
  first.article.authors = {"Press Service", "Ann Lee"};
  first.article.source = "president.az";
  first.article.language = "az";
  first.article.tags = {"politics", "baku"};
  first.has_time = true;
  first.local_time = local_days{2024y / November / 6} + 7h + 30min;
  first.utc_offset = "+04:00";
  PlacedArticle second = placed("Second", BodyFormat::Text, "*literal*");
  second.article.tags = {"baku", "energy"};
  edition.sections = {Section{"Politics", {first, second}},
                      Section{"Energy", {placed("Third", BodyFormat::Html, "<p>x</p>")}}};
  return edition;
}

TEST_CASE("plain text: blank lines split paragraphs; single newlines are breaks") {
  CHECK(text_body("a\nb\n\n  \t\nc") ==
        "paragraph\n  text \"a\"\n  break\n  text \"b\"\nparagraph\n  text \"c\"\n");
}

TEST_CASE("plain text: CRLF and CR line ends") {
  CHECK(text_body("a\r\nb\r\n\r\nc\rd") ==
        "paragraph\n  text \"a\"\n  break\n  text \"b\"\n"
        "paragraph\n  text \"c\"\n  break\n  text \"d\"\n");
}

TEST_CASE("plain text: every character is literal") {
  CHECK(text_body("*not* <b>markup</b> &amp; # x\n  - y") ==
        "paragraph\n  text \"*not* <b>markup</b> &amp; # x\"\n  break\n  text \"  - y\"\n");
  CHECK(text_body("").empty());
  CHECK(text_body("\n\n \n").empty());
}

TEST_CASE("build_document: ids, sections and article order") {
  Document doc = build_document(two_section_edition());
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].id == "s1");
  CHECK(doc.sections[0].title == "Politics");
  CHECK(doc.sections[0].articles[0].id == "s1-a1");
  CHECK(doc.sections[0].articles[1].id == "s1-a2");
  CHECK(doc.sections[1].articles[0].id == "s2-a1");
  CHECK(doc.article_count() == 3);
  CHECK(doc.meta.title == "World Brief");
  CHECK(doc.build_time == sys_days{2024y / November / 6} + 7h + 30min);
}

TEST_CASE("build_document: byline, time label and language") {
  Document doc = build_document(two_section_edition());
  const ArticleDoc& first = doc.sections[0].articles[0];
  CHECK(first.time_label == "07:30 +04:00");
  CHECK(first.byline() == "Press Service, Ann Lee \xC2\xB7 president.az \xC2\xB7 07:30 +04:00");
  CHECK(first.language == "az");
  const ArticleDoc& second = doc.sections[0].articles[1];
  CHECK(second.time_label.empty());
  CHECK(second.byline().empty());
  CHECK(second.language == "en");
}

TEST_CASE("build_document: bodies parsed by format") {
  Document doc = build_document(two_section_edition());
  CHECK(doc.sections[0].articles[0].body[0].inlines[0].kind == InlineKind::Emphasis);
  CHECK(plain_text(doc.sections[0].articles[1].body[0].inlines) == "*literal*");
  CHECK(doc.sections[1].articles[0].body[0].kind == BlockKind::Paragraph);
  CHECK(plain_text(doc.sections[1].articles[0].body[0].inlines) == "x");
}

TEST_CASE("build_document: a lead figure's alt text is image_alt, never a copy of its caption") {
  PlacedArticle placed;
  placed.article.image = "port.jpg";
  placed.article.image_caption = "The port at dawn.";
  Edition edition;
  edition.sections.push_back(Section{"News", {placed}});
  Block lead = build_document(edition).sections[0].articles[0].body.at(0);
  CHECK(lead.lead);
  CHECK(lead.caption == "The port at dawn.");
  CHECK(lead.alt.empty());  // the caption describes it; a screen reader reads it once
  edition.sections[0].articles[0].article.image_alt = "Fishing boats moored at a stone quay";
  CHECK(build_document(edition).sections[0].articles[0].body.at(0).alt == "Fishing boats moored at a stone quay");
}

TEST_CASE("build_document: headings rank in the article's outline without skipping a level") {
  PlacedArticle placed;
  placed.article.body = "## Two\n\n#### Four\n\n### Three\n\n## Two again\n\n> ###### Six in a quote";
  Edition edition;
  edition.sections.push_back(Section{"News", {placed}});
  const Document doc = build_document(edition);
  std::vector<int> ranks;
  for (const Block& b : doc.sections[0].articles[0].body) {
    if (b.kind == BlockKind::Heading) ranks.push_back(b.rank);
    for (const Block& c : b.children) {
      if (c.kind == BlockKind::Heading) ranks.push_back(c.rank);
    }
  }
  CHECK(ranks == std::vector<int>{1, 2, 2, 1, 2});
}

TEST_CASE("byline skips empty parts") {
  ArticleDoc a;
  a.source = "Reuters";
  CHECK(a.byline() == "Reuters");
  a.authors = {"A"};
  a.time_label = "09:05 +00:00";
  CHECK(a.byline() == "A \xC2\xB7 Reuters \xC2\xB7 09:05 +00:00");
}

TEST_CASE("all_tags: first appearance first, no duplicates") {
  Document doc = build_document(two_section_edition());
  CHECK(doc.all_tags() == std::vector<std::string>{"politics", "baku", "energy"});
}

TEST_CASE("plain_text flattens inlines; a break is a space") {
  std::vector<Block> body = parse_markdown("a *b* `c` [d **e**](u)\\\nf");
  CHECK(plain_text(body[0].inlines) == "a b c d e f");
}

TEST_CASE("dump_document: the whole format") {
  Document doc;
  doc.meta.title = "World \"Brief\"";
  doc.meta.language = "en";
  doc.meta.publisher = "Press";
  doc.iso_date = "2024-11-06";
  doc.long_date = "Wednesday, 6 November 2024";
  ArticleDoc article;
  article.id = "s1-a1";
  article.title = "Title";
  article.language = "az";
  article.source = "src";
  article.url = "https://e.org/a";
  article.summary = "Two\nlines \\ here";
  article.tags = {"x", "y"};
  article.body = parse_markdown("## H\n\n> q\n\n3. i\n\n```\nl1\nl2\n```\n\n---\n\nt\\\n`c`");
  doc.sections.push_back(SectionDoc{"s1", "Politics", {article}});
  std::string dump = dump_document(doc);
  std::string after_first_line = dump.substr(dump.find('\n') + 1);
  CHECK(dump.starts_with("document 2024-11-06 \"World \\\"Brief\\\"\" lang=en build="));
  CHECK(after_first_line ==
        "  publisher \"Press\"\n"
        "  long-date \"Wednesday, 6 November 2024\"\n"
        "section s1 \"Politics\"\n"
        "  article s1-a1 \"Title\" lang=az\n"
        "    byline \"src\"\n"
        "    url \"https://e.org/a\"\n"
        "    summary \"Two\\nlines \\\\ here\"\n"
        "    tags \"x\" \"y\"\n"
        "    heading 2\n      text \"H\"\n"
        "    quote\n      paragraph\n        text \"q\"\n"
        "    list ordered start=3\n      item\n        paragraph\n          text \"i\"\n"
        "    code-block \"l1\\nl2\"\n"
        "    rule\n"
        "    paragraph\n      text \"t\"\n      break\n      code \"c\"\n");
  CHECK(dump_document(doc) == dump);  // deterministic
}

TEST_CASE("dump_document escapes control characters") {
  CHECK(test::dump_body(parse_plain_text("a\tb\x01")) == "paragraph\n  text \"a\\tb\\x01\"\n");
}


TEST_CASE("document: a paragraph past the size limit is cut at sentence ends, nothing lost") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Sentence number " + std::to_string(i) + " ends here. ";
  text += "Tail";
  std::vector<Block> body{Block{}};
  body[0].inlines.push_back(Inline{InlineKind::Text, text, {}, {}});
  body[0].inlines.push_back(Inline{InlineKind::Emphasis, {}, {}, {Inline{InlineKind::Text, " word", {}, {}}}});
  CHECK(cut_long_paragraphs(body, 200) == 1);
  REQUIRE(body.size() > 5);
  std::string joined;
  for (const Block& b : body) {
    CHECK(b.kind == BlockKind::Paragraph);
    size_t bytes = 0;
    for (const Inline& in : b.inlines) {
      bytes += in.text.size() + (in.children.empty() ? 0 : in.children[0].text.size());
      if (in.kind == InlineKind::Text) joined += (joined.empty() ? "" : " ") + in.text;
    }
    CHECK(bytes <= 200);
  }
  CHECK(joined == text);  // every cut fell at a sentence end and dropped only its space
  CHECK(body.back().inlines.back().kind == InlineKind::Emphasis);
  CHECK(body.front().inlines.front().text.ends_with("ends here."));

  // A single word longer than the limit is cut between characters, never inside one.
  std::vector<Block> word{Block{}};
  std::string letters;
  for (int i = 0; i < 100; ++i) letters += "\u00E9";  // 2 bytes each
  word[0].inlines.push_back(Inline{InlineKind::Text, letters, {}, {}});
  CHECK(cut_long_paragraphs(word, 51) == 1);
  std::string rejoined;
  for (const Block& b : word) rejoined += b.inlines.at(0).text;
  CHECK(rejoined == letters);
  CHECK(word.front().inlines.at(0).text.size() == 50);

  // Nested in a quote, and untouched under the limit.
  std::vector<Block> quoted{Block{}};
  quoted[0].kind = BlockKind::Quote;
  quoted[0].children = body;
  CHECK(cut_long_paragraphs(quoted, 1000) == 0);
  CHECK(quoted[0].children.size() == body.size());
}

}  // namespace
}  // namespace broadsheet
