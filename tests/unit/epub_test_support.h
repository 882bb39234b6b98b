// The EPUB tests' shared parts: a document built by hand with every block and
// inline kind (and hostile text), a rendered book read back with libzip and
// tinyxml2, and scratch files for the validators.
#pragma once

#include <doctest/doctest.h>

#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <tinyxml2.h>

#include "doc/document.h"
#include "doc/outline.h"

namespace broadsheet::epub_test {

namespace fs = std::filesystem;
using tinyxml2::XMLElement;

// --- building a document by hand ----------------------------------------------

inline Inline text(std::string s) { return {InlineKind::Text, std::move(s), {}, {}}; }
inline Inline code(std::string s) { return {InlineKind::Code, std::move(s), {}, {}}; }
inline Inline line_break() { return {InlineKind::LineBreak, {}, {}, {}}; }
inline Inline span(InlineKind kind, std::vector<Inline> children) { return {kind, {}, {}, std::move(children)}; }
inline Inline link(std::string url, std::vector<Inline> children) {
  return {InlineKind::Link, {}, std::move(url), std::move(children)};
}

inline Block with_inlines(BlockKind kind, std::vector<Inline> inlines, int level = 0) {
  Block b;
  b.kind = kind;
  b.level = level;
  b.inlines = std::move(inlines);
  return b;
}
inline Block para(std::vector<Inline> inlines) { return with_inlines(BlockKind::Paragraph, std::move(inlines)); }
inline Block with_children(BlockKind kind, std::vector<Block> children) {
  Block b;
  b.kind = kind;
  b.children = std::move(children);
  return b;
}
inline Block list(bool ordered, int start, std::vector<Block> items) {
  Block b = with_children(BlockKind::List, std::move(items));
  b.ordered = ordered;
  b.start = start;
  return b;
}
inline Block item(std::string s) { return with_children(BlockKind::ListItem, {para({text(std::move(s))})}); }

inline const std::string kInjectionTitle = "Baku </p><script>alert(1)</script> &amp; ]]> summit";

// Every block and inline kind, Azerbaijani text, markup injection, a control
// character, an invalid byte, and links that must and must not survive.
inline std::vector<Block> rich_body() {
  Block code_block;
  code_block.kind = BlockKind::CodeBlock;
  code_block.text = "if (a < b && c) {\n  return \"]]>\";\n}\n";
  std::vector<Block> body = {
      with_inlines(BlockKind::Heading, {text("Azərbaycan Respublikası")}, 1),
      para({text("Prezident İlham Əliyev "), span(InlineKind::Emphasis, {text("bu gün")}), text(" "),
            span(InlineKind::Strong, {text("çıxış"), span(InlineKind::Emphasis, {text(" etdi")})}),
            text(" with "), code("a<b>&c"), text("."), line_break(), text("Control\x01 here, bad \xff byte.")}),
      para({link("https://example.org/path with spaces/şəhər?q=ä#frag#more", {text("spaces")}), text(" "),
            link("javascript:alert(1)", {text("not a link")}), text(" "),
            link("mailto:editor@example.org", {text("mail")}), text(" "),
            link("https://outer.example", {text("outer "), link("https://inner.example", {text("inner")})}),
            text(" "), link("../../etc/passwd", {text("relative")})}),
      with_inlines(BlockKind::Heading, {text("Level two")}, 2),
      with_inlines(BlockKind::Heading, {text("Level six")}, 6),
      with_children(BlockKind::Quote, {para({text("Quoted “words” — with <tags>.")})}),
      list(true, 3, {item("third"), item("fourth")}),
      list(false, 1, {item("one"), with_children(BlockKind::ListItem, {list(false, 1, {item("nested")})})}),
      code_block,
      Block{BlockKind::Rule, 0, false, 1, {}, {}, {}},
  };
  rank_headings(body);  // as build_document does
  return body;
}

inline ArticleDoc article(std::string id, std::string title, std::string language, std::vector<Block> body) {
  ArticleDoc a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.language = std::move(language);
  a.authors = {"A. Writer"};
  a.source = "example.org";
  a.url = "https://example.org/news/" + a.id;
  a.time_label = "07:30 +04:00";
  a.summary = "A summary of " + a.title + ".";
  a.tags = {"politics", "world"};
  a.body = std::move(body);
  return a;
}

inline Document sample_document() {
  Document doc;
  doc.meta.title = "The Daily <Digest> & Co";
  doc.meta.subtitle = "News from everywhere";
  doc.meta.publisher = "Broadsheet Press";
  doc.meta.language = "en";
  doc.iso_date = "2024-11-06";
  doc.long_date = "Wednesday, 6 November 2024";
  using namespace std::chrono;
  doc.build_time = sys_days{2024y / November / 6} + 7h + 30min + 15s;
  ArticleDoc first = article("s1-a1", kInjectionTitle, "az", rich_body());
  first.summary = "Summary with a bad \xfe byte and \x01 control.";
  first.url = "https://example.org/a path/şəhər";
  doc.sections.push_back({"s1", "World",
                          {first, article("s1-a2", "Новости дня", "ru", {para({text("Сегодня в Баку.")})})}});
  doc.sections.push_back({"s2", "Culture",
                          {article("s2-a1", "Καλημέρα κόσμε", "el", {para({text("Ελληνικά.")})}),
                           article("s2-a2", "أخبار اليوم", "ar", {para({text("مرحبا بالعالم.")})})}});
  doc.sections.push_back({"s3", "Quiet corner", {}});
  return doc;
}

// --- reading a book back -------------------------------------------------------

struct Book {
  std::vector<std::string> order;                // entry names in archive order
  std::map<std::string, std::string> entries;    // name → content
  std::map<std::string, zip_uint16_t> methods;   // name → compression method
};

inline Book unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  REQUIRE_MESSAGE(archive != nullptr, zip_error_strerror(&error));
  Book book;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t stat;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat) == 0);
    std::string content(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    REQUIRE(zip_fread(file, content.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    book.order.push_back(stat.name);
    book.methods[stat.name] = stat.comp_method;
    book.entries[stat.name] = std::move(content);
  }
  zip_close(archive);
  zip_error_fini(&error);
  return book;
}

struct ParsedXml {
  tinyxml2::XMLDocument doc;
  explicit ParsedXml(const std::string& text) {
    REQUIRE_MESSAGE(doc.Parse(text.c_str(), text.size()) == tinyxml2::XML_SUCCESS, text);
  }
  XMLElement* root() { return doc.RootElement(); }
};

inline void for_each_element(XMLElement* element, const std::function<void(XMLElement*)>& visit) {
  for (; element; element = element->NextSiblingElement()) {
    visit(element);
    for_each_element(element->FirstChildElement(), visit);
  }
}

inline XMLElement* find_element(XMLElement* root, const std::function<bool(XMLElement*)>& match) {
  XMLElement* found = nullptr;
  for_each_element(root, [&](XMLElement* e) {
    if (!found && match(e)) found = e;
  });
  return found;
}

inline std::string attribute(const XMLElement* e, const char* name) {
  const char* value = e->Attribute(name);
  return value ? value : "";
}

inline std::string element_text(const XMLElement* e) {
  const char* value = e ? e->GetText() : nullptr;
  return value ? value : "";
}

// "OEBPS/articles/x.xhtml" + "../front.xhtml" → "OEBPS/front.xhtml".
inline std::string resolve(const std::string& from_entry, const std::string& href) {
  fs::path joined = fs::path(from_entry).parent_path() / href;
  return joined.lexically_normal().generic_string();
}

inline bool is_external(const std::string& href) {
  return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0;
}

// Every relative href/src in entry names an archive entry, and its #fragment an id there.
inline void check_internal_links(Book& book, const std::string& entry) {
  ParsedXml xml(book.entries[entry]);
  for_each_element(xml.root(), [&](XMLElement* e) {
    for (const char* name : {"href", "src"}) {
      std::string href = attribute(e, name);
      if (href.empty() || is_external(href)) continue;
      std::string path = href.substr(0, href.find('#'));
      std::string target = resolve(entry, path);
      INFO(entry << " links to " << href);
      REQUIRE(book.entries.count(target) == 1);
      if (href.find('#') == std::string::npos) continue;
      std::string fragment = href.substr(href.find('#') + 1);
      ParsedXml target_xml(book.entries[target]);
      CHECK(find_element(target_xml.root(), [&](XMLElement* t) { return attribute(t, "id") == fragment; }));
    }
  });
}

inline std::vector<std::string> xhtml_entries(const Book& book) {
  std::vector<std::string> names;
  for (const std::string& name : book.order) {
    if (name.size() > 6 && name.substr(name.size() - 6) == ".xhtml") names.push_back(name);
  }
  return names;
}

inline std::string article_entry(const std::string& id) { return "OEBPS/articles/" + id + ".xhtml"; }
inline std::string section_entry(const std::string& id) { return "OEBPS/sections/" + id + ".xhtml"; }

// --- scratch files ------------------------------------------------------------------

inline fs::path scratch_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("broadsheet-epub-test-" + std::to_string(::getpid())) / name;
  fs::create_directories(dir);
  return dir;
}

inline void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace broadsheet::epub_test
