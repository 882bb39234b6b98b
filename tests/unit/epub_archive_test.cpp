// The EPUB archive: entry order and methods, fixed times, deflate read back
// exactly, and the same bytes for the same document in any time zone.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "epub/write_epub.h"
#include "epub/zip_writer.h"
#include "epub_test_support.h"

namespace broadsheet {
namespace {

using namespace epub_test;
using namespace std::chrono;

}  // namespace

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

}  // namespace broadsheet
