// The EPUB pages read back: nav and NCX, links and ids, escaping and sanitized
// text, the article page and the front page, unsafe or repeated ids.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "diag/utf8.h"
#include "epub/write_epub.h"
#include "epub_test_support.h"

namespace broadsheet {
namespace {

using namespace epub_test;

}  // namespace

TEST_CASE("epub nav and NCX list the front page, then section pages and articles in document order") {
  Document doc = sample_document();
  Book book = unzip(render_epub(doc, Style{}));
  ParsedXml nav(book.entries["OEBPS/nav.xhtml"]);
  XMLElement* toc = find_element(nav.root(), [](XMLElement* e) { return attribute(e, "epub:type") == "toc"; });
  REQUIRE(toc);
  XMLElement* section_item = toc->FirstChildElement("ol")->FirstChildElement("li");
  REQUIRE(section_item);
  CHECK(attribute(section_item->FirstChildElement("a"), "href") == "front.xhtml");
  CHECK(section_item->FirstChildElement("ol") == nullptr);
  std::vector<std::string> ncx_expected = {element_text(section_item->FirstChildElement("a"))};
  section_item = section_item->NextSiblingElement("li");
  for (const SectionDoc& section : doc.sections) {
    if (section.articles.empty()) continue;  // nothing to read: not listed
    REQUIRE(section_item);
    CHECK(element_text(section_item->FirstChildElement("a")) == section.title);
    CHECK(attribute(section_item->FirstChildElement("a"), "href") == "sections/" + section.id + ".xhtml");
    ncx_expected.push_back(section.title);
    XMLElement* article_item = section_item->FirstChildElement("ol")->FirstChildElement("li");
    for (const ArticleDoc& a : section.articles) {
      REQUIRE(article_item);
      CHECK(element_text(article_item->FirstChildElement("a")) == a.title);
      CHECK(attribute(article_item->FirstChildElement("a"), "href") == "articles/" + a.id + ".xhtml#" + a.id);
      ncx_expected.push_back(a.title);
      article_item = article_item->NextSiblingElement("li");
    }
    CHECK(article_item == nullptr);
    section_item = section_item->NextSiblingElement("li");
  }
  CHECK(section_item == nullptr);
  for_each_element(toc, [](XMLElement* e) {  // never an empty <ol>
    if (std::string(e->Name()) == "ol") CHECK(e->FirstChildElement("li"));
  });

  ParsedXml ncx(book.entries["OEBPS/toc.ncx"]);
  std::vector<std::string> labels;
  int expected_order = 1;
  for_each_element(ncx.root(), [&](XMLElement* e) {
    if (std::string(e->Name()) != "navPoint") return;
    CHECK(attribute(e, "playOrder") == std::to_string(expected_order++));
    labels.push_back(element_text(e->FirstChildElement("navLabel")->FirstChildElement("text")));
  });
  CHECK(labels == ncx_expected);
  // The NCX nests like the nav: articles inside their section's navPoint.
  XMLElement* nav_map = ncx.root()->FirstChildElement("navMap");
  REQUIRE(nav_map);
  XMLElement* point = nav_map->FirstChildElement("navPoint");
  CHECK(point->FirstChildElement("navPoint") == nullptr);  // the front page
  for (const SectionDoc& section : doc.sections) {
    if (section.articles.empty()) continue;
    point = point->NextSiblingElement("navPoint");
    REQUIRE(point);
    CHECK(attribute(point->FirstChildElement("content"), "src") == "sections/" + section.id + ".xhtml");
    size_t children = 0;
    for (XMLElement* child = point->FirstChildElement("navPoint"); child; child = child->NextSiblingElement("navPoint")) {
      CHECK(attribute(child->FirstChildElement("content"), "src") ==
            "articles/" + section.articles[children].id + ".xhtml#" + section.articles[children].id);
      ++children;
    }
    CHECK(children == section.articles.size());
  }
  CHECK(point->NextSiblingElement("navPoint") == nullptr);

  ParsedXml opf(book.entries["OEBPS/content.opf"]);
  XMLElement* uid = find_element(ncx.root(), [](XMLElement* e) { return attribute(e, "name") == "dtb:uid"; });
  XMLElement* identifier = find_element(opf.root(), [](XMLElement* e) { return std::string(e->Name()) == "dc:identifier"; });
  REQUIRE(uid);
  REQUIRE(identifier);
  CHECK(attribute(uid, "content") == element_text(identifier));
}

TEST_CASE("epub links resolve, ids are unique, spine follows the document") {
  Book book = unzip(render_epub(sample_document(), Style{}));
  for (const std::string& name : xhtml_entries(book)) {
    check_internal_links(book, name);
    ParsedXml xml(book.entries[name]);
    std::set<std::string> ids;
    for_each_element(xml.root(), [&](XMLElement* e) {
      std::string id = attribute(e, "id");
      if (!id.empty()) CHECK_MESSAGE(ids.insert(id).second, name << " repeats id " << id);
    });
  }
  ParsedXml opf(book.entries["OEBPS/content.opf"]);
  std::map<std::string, std::string> manifest;
  std::vector<std::string> spine;
  for_each_element(opf.root(), [&](XMLElement* e) {
    std::string tag = e->Name();
    if (tag == "item") manifest[attribute(e, "id")] = "OEBPS/" + attribute(e, "href");
    if (tag == "itemref") spine.push_back(manifest[attribute(e, "idref")]);
  });
  // Named references, not structured bindings: clang 14 cannot capture those in doctest's lambdas.
  for (const auto& item : manifest) {
    const std::string& path = item.second;
    CHECK_MESSAGE(book.entries.count(path), path);
  }
  CHECK(manifest.size() == book.entries.size() - 3);  // all but mimetype, container, opf
  CHECK(spine == std::vector<std::string>{"OEBPS/cover.xhtml", "OEBPS/front.xhtml", section_entry("s1"),
                                          article_entry("s1-a1"), article_entry("s1-a2"), section_entry("s2"),
                                          article_entry("s2-a1"), article_entry("s2-a2"), "OEBPS/nav.xhtml"});
}

TEST_CASE("epub pages escape markup, sanitize text and keep only safe links") {
  Book book = unzip(render_epub(sample_document(), Style{}));
  for (const auto& entry : book.entries) {
    const std::string& name = entry.first;
    const std::string& content = entry.second;
    if (name.rfind("OEBPS/images/", 0) == 0) continue;  // binary
    CHECK_MESSAGE(content.find("<script") == std::string::npos, name);
    CHECK_MESSAGE(content.find('\x01') == std::string::npos, name);
    CHECK_MESSAGE(!find_invalid_utf8(content), name);
    CHECK_MESSAGE(content.find("javascript:") == std::string::npos, name);
  }
  const std::string& page = book.entries[article_entry("s1-a1")];
  CHECK(page.find("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; ]]&gt; summit") != std::string::npos);
  CHECK(book.entries["OEBPS/front.xhtml"].find("&lt;/p&gt;&lt;script&gt;") != std::string::npos);
  CHECK(page.find("href=\"https://example.org/path%20with%20spaces/%C5%9F%C9%99h%C9%99r?q=%C3%A4#frag%23more\"") !=
        std::string::npos);
  CHECK(page.find("not a link") != std::string::npos);
  CHECK(page.find("<a href=\"https://outer.example\">outer inner</a>") != std::string::npos);  // no nested <a>
  CHECK(page.find("href=\"../../etc/passwd\"") == std::string::npos);
  CHECK(page.find("<a href=\"mailto:editor@example.org\">mail</a>") != std::string::npos);
}

TEST_CASE("epub article page: title, headings shifted, lists, code, navigation, language") {
  Book book = unzip(render_epub(sample_document(), Style{}));
  const std::string& page = book.entries[article_entry("s1-a1")];
  for (const char* expected :
       {"<h1 class=\"article-title\">", "<h2>Azərbaycan Respublikası</h2>", "<h3>Level two</h3>",
        "<h4>Level six</h4>", "<em>bu gün</em>", "<strong>çıxış<em> etdi</em></strong>", "<code>a&lt;b&gt;&amp;c</code>",
        "<br/>", "<blockquote><p>", "<ol start=\"3\"><li><p>third</p></li>", "<ul><li><p>one</p></li><li><ul>",
        "<pre><code>if (a &lt; b &amp;&amp; c)", "<hr/>", "<p class=\"source-link\">",
        "href=\"https://example.org/a%20path/%C5%9F%C9%99h%C9%99r\"", "<nav class=\"article-nav\">",
        "href=\"s1-a2.xhtml\"", "href=\"../front.xhtml#s1\"", "href=\"../sections/s1.xhtml#s1-a1\"",
        // The section's name is in the edition's language (en), the page in the article's (az).
        "<p class=\"section-label\"><a href=\"../sections/s1.xhtml\" xml:lang=\"en\" lang=\"en\" dir=\"ltr\">World</a></p>",
        "xml:lang=\"az\"", "<span xml:lang=\"en\" lang=\"en\" dir=\"ltr\">Original article:</span> <a", "<span xml:lang=\"en\" lang=\"en\" dir=\"ltr\">Front page</span>",
        "<p class=\"summary\">"}) {
    CHECK_MESSAGE(page.find(expected) != std::string::npos, std::string(expected));
  }
  CHECK(page.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
  CHECK(page.find("Previous:") == std::string::npos);  // the first article has no previous
  const std::string& arabic = book.entries[article_entry("s2-a2")];
  CHECK(arabic.find("dir=\"rtl\"") != std::string::npos);
  CHECK(arabic.find("Next:") == std::string::npos);  // the last article has no next
  CHECK(arabic.find("href=\"s2-a1.xhtml\"") != std::string::npos);
}

TEST_CASE("epub front page: masthead, the day's sections with counts, headlines linked to the articles") {
  Book book = unzip(render_epub(sample_document(), Style{}));
  const std::string& front = book.entries["OEBPS/front.xhtml"];
  for (const char* expected :
       {"<h1 class=\"edition-title\">The Daily &lt;Digest&gt; &amp; Co</h1>", "<p class=\"subtitle\">News from everywhere</p>",
        "<p class=\"dateline\">Wednesday, 6 November 2024</p>", "<p class=\"publisher\">Broadsheet Press</p>",
        "<h2 class=\"contents-title\">In this edition: 4 articles</h2>",
        "<section class=\"section\" id=\"s2\"><h3 class=\"section-title\"><a href=\"sections/s2.xhtml\">Culture</a></h3>"
        "<p class=\"article-count\">2 articles</p>",
        "<li xml:lang=\"el\" lang=\"el\" dir=\"ltr\"><a href=\"articles/s2-a1.xhtml\">Καλημέρα κόσμε</a></li>",
        "<li xml:lang=\"ar\" lang=\"ar\" dir=\"rtl\">"}) {
    CHECK_MESSAGE(front.find(expected) != std::string::npos, expected);
  }
  CHECK(front.find("<title>The Daily &lt;Digest&gt; &amp; Co \u2014 2024-11-06</title>") != std::string::npos);
}

TEST_CASE("epub ids from the document that are unsafe or repeated are replaced") {
  Document doc = sample_document();
  doc.sections[0].articles[0].id = "../evil id";
  doc.sections[0].articles[1].id = "s2-a1";  // taken later by the next section's first article
  doc.sections[1].id = "";
  Book book = unzip(render_epub(doc, Style{}));
  CHECK(book.entries.count(article_entry("s1-a1")) == 1);
  CHECK(book.entries.count(article_entry("s2-a1")) == 1);
  CHECK(book.entries.count(article_entry("s2-a1-2")) == 1);
  CHECK(book.entries["OEBPS/front.xhtml"].find("id=\"s2\"") != std::string::npos);
  CHECK(book.entries.count(section_entry("s2")) == 1);
  for (const std::string& name : xhtml_entries(book)) check_internal_links(book, name);
}

}  // namespace broadsheet
