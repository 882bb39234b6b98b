// The EPUB as a periodical: the cover, section pages, article navigation and
// the package's accessibility statement.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "env/files.h"
#include "epub/write_epub.h"
#include "epub_test_support.h"

namespace broadsheet {
namespace {

using namespace epub_test;
using namespace std::chrono;

XMLElement* element_with_class(XMLElement* root, const std::string& css_class) {
  return find_element(root, [&](XMLElement* e) { return attribute(e, "class") == css_class; });
}

std::vector<std::string> nav_classes(XMLElement* root) {
  std::vector<std::string> classes;
  for_each_element(root, [&](XMLElement* e) {
    if (std::string(e->Name()) == "li" && attribute(e, "class").rfind("nav-", 0) == 0) classes.push_back(attribute(e, "class"));
  });
  return classes;
}

}  // namespace

TEST_CASE("epub cover: first in the spine, declared cover-image, described and dated by the edition") {
  Document doc = sample_document();
  Book book = unzip(render_epub(doc, Style{}));
  ParsedXml opf(book.entries["OEBPS/content.opf"]);
  XMLElement* image = find_element(opf.root(), [](XMLElement* e) { return attribute(e, "properties") == "cover-image"; });
  REQUIRE(image);
  CHECK(attribute(image, "href") == "images/cover.png");
  CHECK(attribute(image, "media-type") == "image/png");
  XMLElement* meta = find_element(opf.root(), [](XMLElement* e) { return attribute(e, "name") == "cover"; });
  REQUIRE(meta);
  CHECK(attribute(meta, "content") == attribute(image, "id"));
  CHECK(book.entries["OEBPS/images/cover.png"].substr(1, 3) == "PNG");

  ParsedXml cover(book.entries["OEBPS/cover.xhtml"]);
  XMLElement* img = find_element(cover.root(), [](XMLElement* e) { return std::string(e->Name()) == "img"; });
  REQUIRE(img);
  CHECK(attribute(img, "src") == "images/cover.png");
  std::string alt = attribute(img, "alt");
  CHECK(alt.find("The Daily <Digest> & Co, Wednesday, 6 November 2024") != std::string::npos);
  CHECK(alt.find("Καλημέρα κόσμε") != std::string::npos);  // a headline
  CHECK(find_element(cover.root(), [](XMLElement* e) { return attribute(e, "epub:type") == "cover"; }));
  check_internal_links(book, "OEBPS/cover.xhtml");

  // The landmarks: cover, toc, and where reading starts.
  ParsedXml nav(book.entries["OEBPS/nav.xhtml"]);
  std::vector<std::string> landmarks;
  for_each_element(nav.root(), [&](XMLElement* e) {
    if (std::string(e->Name()) == "a" && !attribute(e, "epub:type").empty()) landmarks.push_back(attribute(e, "epub:type") + " " + attribute(e, "href"));
  });
  CHECK(landmarks == std::vector<std::string>{"cover cover.xhtml", "toc nav.xhtml#toc", "bodymatter front.xhtml"});

  // Dated by the news, not by the run: another day, another cover; another build time, the same.
  Document next_day = doc;
  next_day.long_date = "Thursday, 7 November 2024";
  std::string cover_png = book.entries["OEBPS/images/cover.png"];
  CHECK(unzip(render_epub(next_day, Style{})).entries["OEBPS/images/cover.png"] != cover_png);
  Document rebuilt = doc;
  rebuilt.build_time += days{30};
  CHECK(unzip(render_epub(rebuilt, Style{})).entries["OEBPS/images/cover.png"] == cover_png);
}

TEST_CASE("epub a digest's own cover is used as is, its type read from its bytes") {
  fs::path dir = scratch_dir("own-cover");
  static const char kJpeg[] = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xD9";
  const std::string jpeg_bytes(kJpeg, sizeof kJpeg - 1);  // the literal holds NULs: size from the array
  write_bytes(dir / "cover.png", jpeg_bytes);  // a JPEG, whatever its name says
  Document doc = sample_document();
  doc.meta.cover = (dir / "cover.png").string();
  Book book = unzip(render_epub(doc, Style{}));
  CHECK(book.entries["OEBPS/images/cover.jpg"] == jpeg_bytes);
  CHECK(book.entries.count("OEBPS/images/cover.png") == 0);
  CHECK(book.entries["OEBPS/content.opf"].find(
            R"(<item id="cover-image" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>)") !=
        std::string::npos);
  CHECK(book.entries["OEBPS/cover.xhtml"].find(
            R"(alt="Cover of The Daily &lt;Digest&gt; &amp; Co, Wednesday, 6 November 2024.")") != std::string::npos);
  check_internal_links(book, "OEBPS/cover.xhtml");
  write_bytes(dir / "cover.png", "GIF89a");
  CHECK_THROWS_AS(render_epub(doc, Style{}), EnvironmentError);
  fs::remove_all(dir);
}

TEST_CASE("epub section pages list their articles: title, byline, summary or opening words") {
  Document doc = sample_document();
  doc.sections[0].articles[1].summary = "";
  std::string words;
  for (int i = 1; i <= 40; ++i) words += "word" + std::to_string(i) + " ";
  doc.sections[0].articles[1].body = {para({text(words)})};
  Book book = unzip(render_epub(doc, Style{}));
  ParsedXml page(book.entries[section_entry("s1")]);
  CHECK(element_text(element_with_class(page.root(), "section-title")) == "World");
  CHECK(element_text(element_with_class(page.root(), "article-count")) == "2 articles");
  std::vector<std::string> teasers;
  for_each_element(page.root(), [&](XMLElement* e) {
    if (attribute(e, "class") == "teaser") teasers.push_back(attribute(e, "id"));
  });
  CHECK(teasers == std::vector<std::string>{"s1-a1", "s1-a2"});
  const std::string& xhtml = book.entries[section_entry("s1")];
  CHECK(xhtml.find(R"(<h2 class="teaser-title"><a href="../articles/s1-a2.xhtml">Новости дня</a></h2>)") != std::string::npos);
  CHECK(xhtml.find("<p class=\"byline\">A. Writer \u00B7 example.org \u00B7 07:30 +04:00</p>") != std::string::npos);
  CHECK(xhtml.find("<p class=\"excerpt\">word1 word2") != std::string::npos);
  CHECK(xhtml.find("word30\u2026</p>") != std::string::npos);
  CHECK(xhtml.find("word31") == std::string::npos);
  CHECK(nav_classes(page.root()) == std::vector<std::string>{"nav-next", "nav-front"});
  ParsedXml last(book.entries[section_entry("s2")]);
  CHECK(nav_classes(last.root()) == std::vector<std::string>{"nav-previous", "nav-front"});
  check_internal_links(book, section_entry("s1"));
  check_internal_links(book, section_entry("s2"));
}

TEST_CASE("epub article pages end with previous, next, section and front page; none past the ends") {
  Book book = unzip(render_epub(sample_document(), Style{}));
  const std::vector<std::string> ids = {"s1-a1", "s1-a2", "s2-a1", "s2-a2"};
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO(ids[i]);
    ParsedXml page(book.entries[article_entry(ids[i])]);
    std::vector<std::string> expected;
    if (i > 0) expected.push_back("nav-previous");
    if (i + 1 < ids.size()) expected.push_back("nav-next");
    expected.insert(expected.end(), {"nav-section", "nav-front"});
    CHECK(nav_classes(page.root()) == expected);
    check_internal_links(book, article_entry(ids[i]));
  }
  // Across a section boundary, next and previous still follow the reading order.
  const std::string& boundary = book.entries[article_entry("s1-a2")];
  // Each part in its language on this Azerbaijani page: the label is broadsheet's English, the
  // title the next article's Greek.
  CHECK(boundary.find(R"(<li class="nav-next"><a href="s2-a1.xhtml"><span xml:lang="en" lang="en" dir="ltr">Next:</span> )"
                      R"(<span xml:lang="el" lang="el" dir="ltr">Καλημέρα κόσμε</span></a></li>)") != std::string::npos);
}

TEST_CASE("epub package states its accessibility from how the book is built") {
  Book book = unzip(render_epub(sample_document(), Style{}));
  ParsedXml opf(book.entries["OEBPS/content.opf"]);
  std::multimap<std::string, std::string> properties;
  for_each_element(opf.root(), [&](XMLElement* e) {
    if (!attribute(e, "property").empty()) properties.emplace(attribute(e, "property"), element_text(e));
  });
  auto values = [&](const std::string& property) {
    std::set<std::string> out;
    for (auto [it, end] = properties.equal_range(property); it != end; ++it) out.insert(it->second);
    return out;
  };
  CHECK(values("schema:accessMode") == std::set<std::string>{"textual", "visual"});
  CHECK(values("schema:accessModeSufficient") == std::set<std::string>{"textual"});
  CHECK(values("schema:accessibilityFeature") ==
        std::set<std::string>{"alternativeText", "displayTransformability", "readingOrder", "structuralNavigation",
                              "tableOfContents"});
  CHECK(values("schema:accessibilityHazard") == std::set<std::string>{"none"});
  CHECK(values("schema:accessibilitySummary").size() == 1);
  // The claim `make a11y` backs (Ace and the language-of-parts check, in every style).
  CHECK(values("dcterms:conformsTo") == std::set<std::string>{"EPUB Accessibility 1.1 - WCAG 2.1 Level AA"});
  CHECK(values("a11y:certifiedBy").size() == 1);
  // Every image carries alt text, as alternativeText claims (a figure's may be
  // empty when its caption describes it: see the figure test).
  for (const std::string& name : xhtml_entries(book)) {
    ParsedXml xml(book.entries[name]);
    for_each_element(xml.root(), [&](XMLElement* e) {
      if (std::string(e->Name()) == "img") CHECK_MESSAGE(e->Attribute("alt") != nullptr, name);
    });
  }
}

// Class names used as selectors in css: the ".name" tokens before each "{".

}  // namespace broadsheet
