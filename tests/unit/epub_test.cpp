// The EPUB back end: its small parts (hash, UUID, links, times), the structure
// of a rendered book read back with libzip and tinyxml2 (order, nav, NCX, links,
// ids, escaping, reproducibility), and the real validators: epubcheck and mutool.
#include <doctest/doctest.h>

#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <tinyxml2.h>

#include "css_test_support.h"
#include "diag/utf8.h"
#include "doc/outline.h"
#include "epub/identifier.h"
#include "env/files.h"
#include "epub/package.h"
#include "epub/stylesheet.h"
#include "epub/write_epub.h"
#include "epub/xml.h"
#include "epub/zip_writer.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using tinyxml2::XMLElement;

// --- building a document by hand ----------------------------------------------

Inline text(std::string s) { return {InlineKind::Text, std::move(s), {}, {}}; }
Inline code(std::string s) { return {InlineKind::Code, std::move(s), {}, {}}; }
Inline line_break() { return {InlineKind::LineBreak, {}, {}, {}}; }
Inline span(InlineKind kind, std::vector<Inline> children) { return {kind, {}, {}, std::move(children)}; }
Inline link(std::string url, std::vector<Inline> children) {
  return {InlineKind::Link, {}, std::move(url), std::move(children)};
}

Block with_inlines(BlockKind kind, std::vector<Inline> inlines, int level = 0) {
  Block b;
  b.kind = kind;
  b.level = level;
  b.inlines = std::move(inlines);
  return b;
}
Block para(std::vector<Inline> inlines) { return with_inlines(BlockKind::Paragraph, std::move(inlines)); }
Block with_children(BlockKind kind, std::vector<Block> children) {
  Block b;
  b.kind = kind;
  b.children = std::move(children);
  return b;
}
Block list(bool ordered, int start, std::vector<Block> items) {
  Block b = with_children(BlockKind::List, std::move(items));
  b.ordered = ordered;
  b.start = start;
  return b;
}
Block item(std::string s) { return with_children(BlockKind::ListItem, {para({text(std::move(s))})}); }

const std::string kInjectionTitle = "Baku </p><script>alert(1)</script> &amp; ]]> summit";

// Every block and inline kind, Azerbaijani text, markup injection, a control
// character, an invalid byte, and links that must and must not survive.
std::vector<Block> rich_body() {
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

ArticleDoc article(std::string id, std::string title, std::string language, std::vector<Block> body) {
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

Document sample_document() {
  Document doc;
  doc.meta.title = "The Daily <Digest> & Co";
  doc.meta.subtitle = "News from everywhere";
  doc.meta.publisher = "Broadsheet Press";
  doc.meta.language = "en";
  doc.iso_date = "2024-11-06";
  doc.long_date = "Wednesday, 6 November 2024";
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

Book unzip(const std::string& bytes) {
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

void for_each_element(XMLElement* element, const std::function<void(XMLElement*)>& visit) {
  for (; element; element = element->NextSiblingElement()) {
    visit(element);
    for_each_element(element->FirstChildElement(), visit);
  }
}

XMLElement* find_element(XMLElement* root, const std::function<bool(XMLElement*)>& match) {
  XMLElement* found = nullptr;
  for_each_element(root, [&](XMLElement* e) {
    if (!found && match(e)) found = e;
  });
  return found;
}

std::string attribute(const XMLElement* e, const char* name) {
  const char* value = e->Attribute(name);
  return value ? value : "";
}

std::string element_text(const XMLElement* e) {
  const char* value = e ? e->GetText() : nullptr;
  return value ? value : "";
}

// "OEBPS/articles/x.xhtml" + "../front.xhtml" → "OEBPS/front.xhtml".
std::string resolve(const std::string& from_entry, const std::string& href) {
  fs::path joined = fs::path(from_entry).parent_path() / href;
  return joined.lexically_normal().generic_string();
}

bool is_external(const std::string& href) {
  return href.rfind("http://", 0) == 0 || href.rfind("https://", 0) == 0 || href.rfind("mailto:", 0) == 0;
}

// Every relative href/src in entry names an archive entry, and its #fragment an id there.
void check_internal_links(Book& book, const std::string& entry) {
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

std::vector<std::string> xhtml_entries(const Book& book) {
  std::vector<std::string> names;
  for (const std::string& name : book.order) {
    if (name.size() > 6 && name.substr(name.size() - 6) == ".xhtml") names.push_back(name);
  }
  return names;
}

std::string article_entry(const std::string& id) { return "OEBPS/articles/" + id + ".xhtml"; }
std::string section_entry(const std::string& id) { return "OEBPS/sections/" + id + ".xhtml"; }

// --- external validators ---------------------------------------------------------

fs::path scratch_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("broadsheet-epub-test-" + std::to_string(::getpid())) / name;
  fs::create_directories(dir);
  return dir;
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

constexpr const char* kEpubcheckJar = "/usr/share/java/epubcheck.jar";

// The validators are part of the test suite (scripts/install-deps.sh installs
// them): missing ones fail the test rather than skip it.
void require_validators() {
  REQUIRE_MESSAGE(fs::exists(kEpubcheckJar), "epubcheck is not installed: run scripts/install-deps.sh");
  REQUIRE_MESSAGE(std::system("java -version >/dev/null 2>&1") == 0, "java is not installed: run scripts/install-deps.sh");
  REQUIRE_MESSAGE(std::system("mutool -v >/dev/null 2>&1") == 0, "mutool is not installed: run scripts/install-deps.sh");
}

struct EpubcheckResult {
  int status = -1;
  std::string log;
};

// Runs epubcheck (warnings count as failures) on each book at once, in
// parallel: each run spends most of its 6 s starting the JVM.
std::map<std::string, EpubcheckResult> run_epubcheck(const std::map<std::string, std::string>& books) {
  std::string command;
  for (const auto& [name, bytes] : books) {
    fs::path dir = scratch_dir(name);
    write_bytes(dir / "book.epub", bytes);
    command += "( java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + std::string(kEpubcheckJar) + " '" +
               (dir / "book.epub").string() + "' --failonwarnings --json '" + (dir / "report.json").string() +
               "' > '" + (dir / "log.txt").string() + "' 2>&1; echo $? > '" + (dir / "status").string() + "' ) & ";
  }
  CHECK(std::system((command + "wait").c_str()) == 0);
  std::map<std::string, EpubcheckResult> results;
  for (const auto& [name, bytes] : books) {
    fs::path dir = scratch_dir(name);
    // With --json the messages go to the report only: keep its "messages" part.
    std::string report = read_text(dir / "report.json");
    size_t messages = report.find("\"messages\"");
    std::string status = read_text(dir / "status");
    results[name] = {status.empty() ? -1 : std::stoi(status),
                     read_text(dir / "log.txt") + report.substr(std::min(messages, report.size()), 4000)};
  }
  return results;
}

// mupdf 1.21 warns about two things of its own, not of ours: it was built
// without ICC support, and it does not know the version string "3.0".
std::string unexpected_mutool_lines(const std::string& log) {
  std::string unexpected;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line == "warning: ICC support is not available" || line == "warning: unknown epub version: 3.0") continue;
    unexpected += line + "\n";
  }
  return unexpected;
}

}  // namespace

// --- parts ---------------------------------------------------------------------

TEST_CASE("epub sha1 matches the FIPS 180 test vectors") {
  auto hex = [](const epub::Sha1Digest& d) {
    std::string out;
    for (auto byte : d) out += "0123456789abcdef"[byte >> 4], out += "0123456789abcdef"[byte & 15];
    return out;
  };
  CHECK(hex(epub::sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(hex(epub::sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex(epub::sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

TEST_CASE("epub uuid_v5 matches RFC 4122 name-based UUIDs and is stable per edition") {
  const epub::UuidBytes dns = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                               0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  CHECK(epub::uuid_v5(dns, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  std::string id = epub::edition_identifier("World Brief", "2024-11-06");
  CHECK(id.rfind("urn:uuid:", 0) == 0);
  CHECK(id.size() == 9 + 36);
  CHECK(id[9 + 14] == '5');
  CHECK(id == epub::edition_identifier("World Brief", "2024-11-06"));
  CHECK(id != epub::edition_identifier("World Brief", "2024-11-07"));
}

TEST_CASE("epub times are UTC by arithmetic: DOS fields and dcterms:modified") {
  sys_seconds t = sys_days{2024y / November / 6} + 7h + 30min + 15s;
  epub::DosTime dos = epub::dos_time_utc(t);
  CHECK(dos.time == (7 << 11 | 30 << 5 | 7));
  CHECK(dos.date == ((2024 - 1980) << 9 | 11 << 5 | 6));
  CHECK(epub::dos_time_utc(sys_seconds{}).date == (0 << 9 | 1 << 5 | 1));  // 1970 → 1980-01-01
  CHECK(epub::utc_timestamp(t) == "2024-11-06T07:30:15Z");
  CHECK(epub::utc_timestamp(sys_seconds{}) == "1970-01-01T00:00:00Z");
}

// --- the rendered book -----------------------------------------------------------

TEST_CASE("epub archive: mimetype first and stored, fixed entry times, files in spine order") {
  Style style;  // a stylesheet deflate can shrink
  for (int rule = 0; rule < 20; ++rule) style.css += ".masthead { text-align: center; }\n";
  std::string bytes = render_epub(sample_document(), style);
  REQUIRE(bytes.size() > 38);
  // The raw local header of the first entry, as epubcheck reads it.
  auto u16 = [&](size_t at) { return static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8; };
  CHECK(bytes.substr(0, 4) == "PK\x03\x04");
  CHECK(u16(8) == 0);    // stored
  CHECK(u16(26) == 8);   // name length
  CHECK(u16(28) == 0);   // no extra field
  CHECK(bytes.substr(30, 28) == "mimetypeapplication/epub+zip");
  epub::DosTime dos = epub::dos_time_utc(sample_document().build_time);
  CHECK(u16(10) == dos.time);
  CHECK(u16(12) == dos.date);

  Book book = unzip(bytes);
  const std::vector<std::string> expected = {
      "mimetype", "META-INF/container.xml", "OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/toc.ncx",
      "OEBPS/cover.xhtml", "OEBPS/front.xhtml", section_entry("s1"), article_entry("s1-a1"),
      article_entry("s1-a2"), section_entry("s2"), article_entry("s2-a1"), article_entry("s2-a2"),
      "OEBPS/style.css", "OEBPS/images/cover.png"};
  CHECK(book.order == expected);
  for (const std::string& name : book.order) {
    bool stored = name == "mimetype" || name == "OEBPS/images/cover.png";  // already compressed
    CHECK(book.methods[name] == (stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE));
  }
  CHECK(book.entries["OEBPS/style.css"] == style.css);
}

TEST_CASE("epub archive: deflated entries read back exactly, CRCs hold; what deflate cannot shrink is stored") {
  epub::ZipWriter zip(std::chrono::sys_seconds{std::chrono::seconds{1730800000}});
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "line " + std::to_string(i) + " of the article\n";
  std::string noise;
  std::uint32_t x = 1;
  for (int i = 0; i < 4096; ++i) {
    x = x * 1664525u + 1013904223u;
    noise += static_cast<char>(x >> 24);
  }
  zip.add_stored("mimetype", "application/epub+zip");
  zip.add_deflated("text.txt", text);
  zip.add_deflated("noise.bin", noise);
  zip.add_deflated("empty.txt", "");
  const std::string bytes = zip.finish();
  Book book = unzip(bytes);
  CHECK(book.entries["text.txt"] == text);
  CHECK(book.methods["text.txt"] == ZIP_CM_DEFLATE);
  CHECK(bytes.size() < text.size() / 5);
  CHECK(book.entries["noise.bin"] == noise);
  CHECK(book.methods["noise.bin"] == ZIP_CM_STORE);
  CHECK(book.entries["empty.txt"].empty());
  // Info-ZIP inflates every entry and checks its CRC-32 and sizes.
  auto path = std::filesystem::temp_directory_path() / "broadsheet_zip_writer_test.zip";
  std::ofstream(path, std::ios::binary) << bytes;
  CHECK(std::system(("unzip -tq " + path.string() + " >/dev/null").c_str()) == 0);
  std::filesystem::remove(path);
}

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

TEST_CASE("epub bytes are reproducible: same document, other TZ, same bytes") {
  Document doc = sample_document();
  std::string first = render_epub(doc, Style{});
  CHECK(render_epub(doc, Style{}) == first);
  const char* old_tz = std::getenv("TZ");
  std::string saved = old_tz ? old_tz : "";
  ::setenv("TZ", "Pacific/Kiritimati", 1);
  ::tzset();
  std::string other_zone = render_epub(doc, Style{});
  if (old_tz) ::setenv("TZ", saved.c_str(), 1); else ::unsetenv("TZ");
  ::tzset();
  CHECK(other_zone == first);
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

TEST_CASE("epub stylesheet: the style's CSS as written, made valid UTF-8; no built-in copy") {
  Style style;
  style.css = "body { margin: 0 }\n";
  CHECK(unzip(render_epub(sample_document(), style)).entries["OEBPS/style.css"] == style.css);
  style.css = "p { quotes: \"\xff\" }\n";
  CHECK(epub::stylesheet(style) == sanitize_text(style.css));
  CHECK(epub::stylesheet(style) != style.css);
  CHECK(epub::stylesheet(Style{}).empty());
}

// --- periodical structure ----------------------------------------------------------

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
std::set<std::string> selector_classes(const std::string& css_text) {
  std::string css = without_comments(css_text);
  std::set<std::string> classes;
  size_t start = 0;
  for (size_t brace = css.find('{'); brace != std::string::npos; brace = css.find('{', start)) {
    std::string selectors = css.substr(start, brace - start);
    for (size_t dot = selectors.find('.'); dot != std::string::npos; dot = selectors.find('.', dot + 1)) {
      size_t end = selectors.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_", dot + 1);
      classes.insert(selectors.substr(dot + 1, end - dot - 1));
    }
    start = css.find('}', brace) + 1;
  }
  return classes;
}

// Every class the pages carry (the cover page styles itself).
std::set<std::string> markup_classes() {
  Document with_excerpt = sample_document();
  with_excerpt.sections[0].articles[0].summary = "";
  Document empty = sample_document();
  empty.sections.clear();
  std::set<std::string> classes;
  for (const Document& doc : {with_excerpt, sample_document(), empty}) {
    Book book = unzip(render_epub(doc, Style{}));
    for (const std::string& name : xhtml_entries(book)) {
      if (name == "OEBPS/cover.xhtml") continue;
      ParsedXml xml(book.entries[name]);
      for_each_element(xml.root(), [&](XMLElement* e) {
        if (!attribute(e, "class").empty()) classes.insert(attribute(e, "class"));
      });
    }
  }
  return classes;
}

TEST_CASE("epub stylesheets style exactly the classes the pages carry, in CSS readers handle") {
  const std::set<std::string> markup = markup_classes();
  const std::set<std::string> page_hooks = {"front-page", "section-page", "article-page"};  // body classes
  std::map<std::string, std::string> sheets;
  for (const char* name : {"classic", "newspaper", "ereader"}) {
    sheets[name] = read_text(fs::path(BROADSHEET_BUILT_STYLES) / (std::string(name) + ".css"));
  }
  for (const auto& sheet : sheets) {
    const std::string& name = sheet.first;
    const std::string& css = sheet.second;
    INFO(name);
    REQUIRE(!css.empty());
    std::set<std::string> styled = selector_classes(css);
    for (const std::string& c : styled) CHECK_MESSAGE(markup.count(c) == 1, "no page carries ." << c);
    for (const std::string& c : markup) {
      if (!page_hooks.count(c)) CHECK_MESSAGE(styled.count(c) == 1, "unstyled class ." << c);
    }
    std::string rules = without_comments(css);
    for (const char* unsupported : {"flex", "grid", "var(", "--", "position: fixed", "@font-face", "px;"}) {
      CHECK_MESSAGE(rules.find(unsupported) == std::string::npos, unsupported);
    }
    CHECK_MESSAGE(css.find("hyphens: auto") != std::string::npos, "hyphenation");
    CHECK_MESSAGE(css.find("widows") != std::string::npos, "widows and orphans");
    // Links in running text are underlined (axe's link-in-text-block, WCAG 1.4.1): the
    // plain `a` rule never turns the underline off (headlines and labels may).
    const size_t a_rule = rules.find("\na {");
    if (a_rule != std::string::npos) {
      const std::string body = rules.substr(a_rule, rules.find('}', a_rule) - a_rule);
      CHECK_MESSAGE(body.find("text-decoration: none") == std::string::npos, "links not underlined");
    }
  }
}

// The slow checks, run in parallel: the sample in each shipped stylesheet, an
// edition with no sections; then mutool draws every page of the sample.
TEST_CASE("epub passes epubcheck with no errors and no warnings in every style; mutool renders it") {
  require_validators();
  std::map<std::string, std::string> books;
  for (const char* name : {"classic", "newspaper", "ereader"}) {
    Style style;
    style.css = read_text(fs::path(BROADSHEET_BUILT_STYLES) / (std::string(name) + ".css"));
    REQUIRE_MESSAGE(!style.css.empty(), name);
    books[name] = render_epub(sample_document(), style);
  }
  Document empty = sample_document();
  empty.sections.clear();
  books["empty"] = render_epub(empty, Style{});
  for (const auto& checked : run_epubcheck(books)) {
    const std::string& name = checked.first;
    const auto& result = checked.second;
    INFO(name);
    CHECK_MESSAGE(result.status == 0, result.log);
  }

  fs::path dir = scratch_dir("mutool");
  std::string book = (scratch_dir("classic") / "book.epub").string();
  std::string command = "mutool draw -q -F txt -o '" + (dir / "book.txt").string() + "' '" + book + "' 2>'" +
                        (dir / "txt.log").string() + "' && mutool draw -q -r 40 -o '" + (dir / "page-%d.png").string() +
                        "' '" + book + "' 1-3 2>'" + (dir / "png.log").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(unexpected_mutool_lines(read_text(dir / "txt.log") + read_text(dir / "png.log")) == "");
  CHECK(fs::exists(dir / "page-3.png"));
  // Every spine document was laid out: each section's and article's title is in the text.
  std::string text = collapse_whitespace(read_text(dir / "book.txt"));
  for (const SectionDoc& section : sample_document().sections) {
    if (section.articles.empty()) continue;
    CHECK_MESSAGE(text.find(section.title) != std::string::npos, section.title);
    for (const ArticleDoc& a : section.articles) CHECK_MESSAGE(text.find(a.title.substr(0, 4)) != std::string::npos, a.title);
  }
  fs::remove_all(scratch_dir("classic").parent_path());
}

}  // namespace broadsheet
