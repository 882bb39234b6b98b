// broadsheet lint: one crafted EPUB per rule, built here from a small valid
// book with one part spoiled, and each finding's exact text pinned.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "epub/zip_writer.h"
#include "lint/css_scan.h"
#include "lint/lint.h"

using namespace broadsheet;
using namespace broadsheet::lint;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

const char* const kOpf = R"(<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>T</dc:title>
<dc:language>en</dc:language>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine toc="ncx"><itemref idref="a"/><itemref idref="b"/></spine>
</package>
)";

const char* const kNcx = R"(<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head><meta name="dtb:uid" content="urn:uuid:1"/></head>
<docTitle><text>T</text></docTitle>
<navMap>
<navPoint id="p1" playOrder="1"><navLabel><text>A</text></navLabel><content src="a.xhtml"/></navPoint>
<navPoint id="p2" playOrder="2"><navLabel><text>B</text></navLabel><content src="b.xhtml#x"/></navPoint>
</navMap>
</ncx>
)";

std::string page(const std::string& body, const std::string& html_attributes = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"" +
         html_attributes + ">\n<head><title>T</title></head>\n" + body + "\n</html>\n";
}

// A small valid EPUB 3 that every device's rules accept.
Entries good_book() {
  return {{"mimetype", "application/epub+zip"},
          {"META-INF/container.xml",
           "<?xml version=\"1.0\"?>\n<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
           "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
           "</rootfiles></container>"},
          {"OEBPS/content.opf", kOpf},
          {"OEBPS/nav.xhtml", page("<body><nav epub:type=\"toc\"><ol><li><a href=\"a.xhtml\">A</a></li></ol></nav></body>")},
          {"OEBPS/toc.ncx", kNcx},
          {"OEBPS/a.xhtml", page("<body><p>A</p></body>")},
          {"OEBPS/b.xhtml", page("<body><p id=\"x\">B</p></body>")},
          {"OEBPS/style.css", "p { margin: 0; }\n"}};
}

std::string zip(const Entries& entries) {
  epub::ZipWriter writer(std::chrono::sys_seconds{std::chrono::seconds{1730880000}});
  for (const auto& [name, content] : entries) {
    if (name == "mimetype") writer.add_stored(name, content);
    else writer.add_deflated(name, content);
  }
  return writer.finish();
}

Entries with(Entries entries, const std::string& name, const std::string& content) {
  for (auto& entry : entries) {
    if (entry.first == name) {
      entry.second = content;
      return entries;
    }
  }
  entries.emplace_back(name, content);
  return entries;
}

Entries without(Entries entries, const std::string& name) {
  std::erase_if(entries, [&](const auto& entry) { return entry.first == name; });
  return entries;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

// Every finding's headline, one per line.
std::string lint_text(const std::string& bytes, DeviceSet devices = kAllDevices) {
  const Book book = read_book("bad.epub", bytes);
  std::string text;
  for (const Finding& finding : lint_book(book, devices))
    text += Diagnostics::headline(to_diagnostic(book, finding)) + "\n";
  return text;
}

std::string lint_entries(const Entries& entries, DeviceSet devices = kAllDevices) {
  return lint_text(zip(entries), devices);
}

}  // namespace

TEST_CASE("lint: the crafted good book is clean for every device") {
  CHECK(lint_entries(good_book()) == "");
  for (DeviceSet device : {kKindle, kKobo, kPocketBook, kKOReader, kReMarkable, kGeneric})
    CHECK(lint_entries(good_book(), device) == "");
}

TEST_CASE("lint: neither zip nor PDF; a PDF is read by its size only") {
  CHECK(lint_text("hello") == "bad.epub: error: neither an EPUB (a zip archive) nor a PDF [format: all devices]\n");
  CHECK(lint_text("%PDF-1.7\n") == "");
  CHECK(lint_text("PK\x03\x04 broken").starts_with("bad.epub: error: not a zip archive: "));
}

TEST_CASE("lint: size over the delivery path's limit, per device") {
  Book book = read_book("big.pdf", "%PDF-1.7\n");
  book.size = 60'000'000;
  std::string text;
  for (const Finding& f : lint_book(book, kAllDevices)) text += Diagnostics::headline(to_diagnostic(book, f)) + "\n";
  CHECK(text ==
        "big.pdf: error: the file is 60.0 MB; Kindle's delivery path takes at most 50.0 MB [size: kindle]\n"
        "big.pdf: error: the file is 60.0 MB; PocketBook's delivery path takes at most 25.0 MB [size: pocketbook]\n");
  CHECK(lint_book(book, kKobo).empty());
}

TEST_CASE("lint: '--' inside an XML comment") {
  const std::string bad = page("<body>\n<!-- a -- b -->\n<p>A</p></body>");
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", bad)) ==
        "bad.epub/OEBPS/a.xhtml:5: error: '--' inside an XML comment: not well-formed XML; Send to "
        "Kindle rejects the book (E999) [comment-dashes: all devices]\n");
}

TEST_CASE("lint: CSS custom properties, flex and grid, in stylesheets and style attributes") {
  const std::string css = "/* --not: this */\n:root { --accent: red; }\np { color: var(--accent); }\n"
                          ".a { display: flex }\n.b { DISPLAY : inline-grid; }\n";
  CHECK(lint_entries(with(good_book(), "OEBPS/style.css", css)) ==
        "bad.epub/OEBPS/style.css:2: error: CSS custom property '--accent': Send to Kindle rejects the book (E999), "
        "other readers ignore it (2 in this file) [css-custom-property: kindle, kobo, pocketbook, koreader]\n"
        "bad.epub/OEBPS/style.css:4: error: 'display: flex': e-reader engines do not lay it out (Kobo shows blank "
        "pages) [css-flex: kindle, kobo, pocketbook, koreader]\n"
        "bad.epub/OEBPS/style.css:5: error: 'display: inline-grid': e-reader engines do not lay it out "
        "[css-grid: kindle, kobo, pocketbook, koreader]\n");
  const std::string inline_style = page("<body>\n<div style=\"display:flex\"><p>A</p></div></body>");
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", inline_style), kKobo) ==
        "bad.epub/OEBPS/a.xhtml:5: error: 'display: flex': e-reader engines do not lay it out (Kobo shows blank "
        "pages) [css-flex: kobo]\n");
  CHECK(lint_entries(with(good_book(), "OEBPS/style.css", css), kGeneric | kReMarkable) == "");
}

TEST_CASE("lint: css scan finds what it should and no more") {
  const auto hits = scan_css("a{--x:1}b{margin:-1px --y}c{x:var( --z )}d{display:flexbox}e{display:grid}");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].what == "--x");
  CHECK(hits[1].what == "var( --z )");
  CHECK(hits[2].what == "display: grid");
}

TEST_CASE("lint: no NCX, no nav, ids the NCX needs, NCX out of spine order") {
  const Entries book = good_book();
  std::string opf = replaced(kOpf, "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n", "");
  opf = replaced(opf, "<spine toc=\"ncx\">", "<spine>");
  CHECK(lint_entries(without(with(book, "OEBPS/content.opf", opf), "OEBPS/toc.ncx")) ==
        "bad.epub/OEBPS/content.opf: error: no NCX (toc.ncx): EPUB 2 reading systems (Kobo's sideloaded EPUBs, "
        "older PocketBooks) show no table of contents [ncx-missing: kindle, kobo, pocketbook]\n");
  CHECK(lint_entries(with(book, "OEBPS/content.opf", replaced(kOpf, " properties=\"nav\"", ""))) ==
        "bad.epub/OEBPS/content.opf: error: EPUB 3 without a navigation document (a manifest item with "
        "properties=\"nav\") [nav-missing: all devices]\n");
  std::string ncx = replaced(kNcx, "content=\"urn:uuid:1\"", "content=\"urn:uuid:2\"");
  ncx = replaced(ncx, "<navPoint id=\"p2\"", "<navPoint");
  CHECK(lint_entries(with(book, "OEBPS/toc.ncx", ncx)) ==
        "bad.epub/OEBPS/toc.ncx:3: error: dtb:uid 'urn:uuid:2' differs from the package's identifier "
        "'urn:uuid:1' [ncx-ids: kindle, kobo, pocketbook]\n"
        "bad.epub/OEBPS/toc.ncx:7: error: a navPoint without an id [ncx-ids: kindle, kobo, pocketbook]\n");
  CHECK(lint_entries(with(book, "OEBPS/content.opf", replaced(kOpf, "unique-identifier=\"id\"", "unique-identifier=\"nope\""))) ==
        "bad.epub/OEBPS/content.opf: error: the package's unique-identifier names no dc:identifier "
        "[ncx-ids: kindle, kobo, pocketbook]\n");
  const std::string swapped = replaced(replaced(kNcx, "src=\"a.xhtml\"", "src=\"TMP\""), "src=\"b.xhtml#x\"", "src=\"a.xhtml\"");
  CHECK(lint_entries(with(book, "OEBPS/toc.ncx", replaced(swapped, "src=\"TMP\"", "src=\"b.xhtml\""))) ==
        "bad.epub/OEBPS/toc.ncx:7: error: the NCX lists 'OEBPS/a.xhtml' after 'OEBPS/b.xhtml', against the "
        "spine's order: Send to Kindle rejects the book (E999) [ncx-order: kindle]\n");
}

TEST_CASE("lint: a missing language, and one Kindle's store does not take (warnings)") {
  CHECK(lint_entries(with(good_book(), "OEBPS/content.opf", replaced(kOpf, "<dc:language>en</dc:language>\n", ""))) ==
        "bad.epub/OEBPS/content.opf: warning: no dc:language: Send to Kindle rejects such a book (E999) and "
        "readers guess hyphenation and voice [language-missing: all devices]\n");
  const Entries azerbaijani = with(good_book(), "OEBPS/content.opf", replaced(kOpf, ">en<", ">az<"));
  CHECK(lint_entries(azerbaijani) ==
        "bad.epub/OEBPS/content.opf: warning: dc:language 'az' is not among the languages Kindle's store "
        "accepts: Send to Kindle may reject the book (E999) [language-unsupported: kindle]\n");
  CHECK(lint_entries(azerbaijani, kKobo) == "");
}

TEST_CASE("lint: WebP and SVG images where unsupported") {
  Entries book = with(good_book(), "OEBPS/images/p.webp", "RIFF....WEBP");
  book = with(book, "OEBPS/images/d.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  CHECK(lint_entries(book) ==
        "bad.epub/OEBPS/images/p.webp: error: a WebP image, which these readers do not show "
        "[image-webp: kindle, kobo, pocketbook, remarkable]\n"
        "bad.epub/OEBPS/images/d.svg: warning: an SVG image, which these readers show badly or not at all "
        "[image-svg: kindle, pocketbook]\n");
  CHECK(lint_entries(book, kKOReader) == "");
}

TEST_CASE("lint: non-ASCII and long file names inside the package") {
  const std::string long_name = "OEBPS/" + std::string(100, 'a') + ".xhtml";
  Entries book = with(good_book(), "OEBPS/x\xC3\xA7.xhtml", page("<body/>"));
  book = with(book, long_name, page("<body/>"));
  CHECK(lint_entries(book) ==
        "bad.epub/OEBPS/x\xC3\xA7.xhtml: warning: the file name is not ASCII; some readers and gateways cannot "
        "open it [file-name-ascii: all devices]\n"
        "bad.epub/" + long_name + ": warning: the file name has 112 bytes (more than 100) [file-name-long: all devices]\n");
}

TEST_CASE("lint: XHTML without an encoding declaration; not well-formed XML") {
  const std::string bare = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head><body/></html>";
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", bare)) ==
        "bad.epub/OEBPS/a.xhtml:1: error: no XML declaration with an encoding (<?xml version=\"1.0\" "
        "encoding=\"UTF-8\"?>): Send to Kindle rejects the book (E999) [xml-declaration: kindle]\n");
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", page("<body>\n<p>A</div></body>"))) ==
        "bad.epub/OEBPS/a.xhtml:5: error: not well-formed XML: XML_ERROR_MISMATCHED_ELEMENT "
        "[xml-wellformed: all devices]\n");
}

TEST_CASE("lint: an image without src") {
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", page("<body>\n<p><img alt=\"x\"/></p></body>"))) ==
        "bad.epub/OEBPS/a.xhtml:5: error: <img> without src: Send to Kindle rejects the book (E999) [img-src: kindle]\n");
}

TEST_CASE("lint: obfuscated fonts") {
  const std::string encryption =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<encryption xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" "
      "xmlns:enc=\"http://www.w3.org/2001/04/xmlenc#\">\n<enc:EncryptedData>"
      "<enc:EncryptionMethod Algorithm=\"http://www.idpf.org/2008/embedding\"/>\n"
      "<enc:CipherData><enc:CipherReference URI=\"OEBPS/fonts/f.otf\"/></enc:CipherData></enc:EncryptedData>\n</encryption>\n";
  CHECK(lint_entries(with(good_book(), "META-INF/encryption.xml", encryption)) ==
        "bad.epub/META-INF/encryption.xml:4: warning: 'OEBPS/fonts/f.otf' is obfuscated "
        "(http://www.idpf.org/2008/embedding): these readers show a fallback font or refuse the book "
        "[font-obfuscation: kindle, pocketbook, remarkable]\n");
}

TEST_CASE("lint: right to left only on <html>") {
  const std::string only_html = page("<body>\n<p>\xD9\x85</p></body>", " dir=\"rtl\" lang=\"ar\"");
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", only_html)) ==
        "bad.epub/OEBPS/a.xhtml:2: warning: dir=\"rtl\" only on <html>: calibre's conversion for Kindle drops it "
        "and the text reads left to right; put it on <body> too [rtl-html-only: kindle]\n");
  const std::string on_body = page("<body dir=\"rtl\">\n<p>\xD9\x85</p></body>", " dir=\"rtl\" lang=\"ar\"");
  CHECK(lint_entries(with(good_book(), "OEBPS/a.xhtml", on_body)) == "");
}

TEST_CASE("lint: findings in zip order; the command's summary and exit codes") {
  Entries book = with(good_book(), "OEBPS/style.css", "a { --x: 1 }\n");
  book = with(book, "OEBPS/a.xhtml", page("<body>\n<!-- -- -->\n</body>"));
  CHECK(lint_entries(book, kKindle) ==
        "bad.epub/OEBPS/a.xhtml:5: error: '--' inside an XML comment: not well-formed XML; Send to Kindle "
        "rejects the book (E999) [comment-dashes: kindle]\n"
        "bad.epub/OEBPS/style.css:1: error: CSS custom property '--x': Send to Kindle rejects the book (E999), "
        "other readers ignore it [css-custom-property: kindle]\n");
  CHECK(device_bit("kobo") == kKobo);
  CHECK(device_bit("nook") == 0);
  CHECK(device_list(kAllDevices) == "all devices");
  CHECK(device_list(kKindle | kReMarkable) == "kindle, remarkable");
}
