// The generated cover (PNG bytes, size, determinism, colours, logo, any script),
// image sniffing, teaser words, and the two ways a cover is configured: the
// digest's top-level `cover:` key and the style's `cover:` section.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cairo.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "cover/draw_cover.h"
#include "epub/page_parts.h"
#include "image/image_format.h"
#include "image/prepare.h"
#include "input/load.h"
#include "style/style.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

Block paragraph(std::string text) {
  Block block;
  block.inlines = {Inline{InlineKind::Text, std::move(text), {}, {}}};
  return block;
}

ArticleDoc headline(std::string title, std::string language = "en") {
  ArticleDoc a;
  a.title = std::move(title);
  a.language = std::move(language);
  return a;
}

Document cover_document() {
  Document doc;
  doc.meta.title = "World Brief";
  doc.meta.subtitle = "The morning digest";
  doc.meta.publisher = "Broadsheet Sample Press";
  doc.iso_date = "2024-11-06";
  doc.long_date = "Wednesday, 6 November 2024";
  doc.sections = {{"s1", "Politics", {headline("Parliament opens debate on the 2025 budget")}},
                  {"s2", "World", {headline("Президентские выборы в США", "ru"), headline("Second")}},
                  {"s3", "Culture", {headline("Η Αθήνα ανοίγει νέα γραμμή τραμ", "el")}},
                  {"s4", "Asia", {headline("東京で新しい図書館が開館", "ja")}},
                  {"s5", "Middle East", {headline("أخبار اليوم من القاهرة", "ar")}},
                  {"s6", "Quiet", {}},
                  {"s7", "Sport", {headline("A sixth headline the cover leaves out")}}};
  return doc;
}

unsigned png_u32(const std::string& png, size_t at) {
  unsigned value = 0;
  for (size_t i = 0; i < 4; ++i) value = value << 8 | static_cast<unsigned char>(png[at + i]);
  return value;
}

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceFree>;

struct ByteReader {
  const std::string& bytes;
  size_t at = 0;
};

Surface decode_png(const std::string& png) {
  ByteReader reader{png};
  auto read = [](void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<ByteReader*>(closure);
    if (r->bytes.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes.data() + r->at, length, data);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
  };
  Surface surface(cairo_image_surface_create_from_png_stream(read, &reader));
  REQUIRE(cairo_surface_status(surface.get()) == CAIRO_STATUS_SUCCESS);
  return surface;
}

// The pixel at (x, y) as 0xRRGGBB.
unsigned pixel(cairo_surface_t* surface, int x, int y) {
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * cairo_image_surface_get_stride(surface));
  return row[x] & 0xFFFFFF;
}

unsigned rgb(const Color& c) {
  auto channel = [](double v) { return static_cast<unsigned>(v * 255 + 0.5); };
  return channel(c.r) << 16 | channel(c.g) << 8 | channel(c.b);
}

// A solid PNG of w × h pixels in colour, made with cairo.
std::string solid_png(int w, int h, double r, double g, double b) {
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  cairo_t* cr = cairo_create(surface.get());
  cairo_set_source_rgb(cr, r, g, b);
  cairo_paint(cr);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(
      surface.get(),
      [](void* closure, const unsigned char* data, unsigned int length) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  return png;
}

// A throwaway folder, removed at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("broadsheet-cover-" + std::to_string(::getpid())) / name) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_.parent_path()); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path_ / name, std::ios::binary) << bytes;
    return path_ / name;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

TEST_CASE("cover is a PNG of the e-reader size, the same bytes on every run and in every zone") {
  Document doc = cover_document();
  std::string png = draw_cover(doc, CoverStyle{}, FontRoles{});
  REQUIRE(png.size() > 24);
  CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
  CHECK(png.substr(12, 4) == "IHDR");
  CHECK(png_u32(png, 16) == kCoverWidth);
  CHECK(png_u32(png, 20) == kCoverHeight);
  CHECK(png.find("tIME") == std::string::npos);  // no time stamp chunk
  CHECK(png[25] == 3);                            // drawn in few colours: a palette (#20)
  CHECK(png.size() < 70'000);                     // 80-100 KB as RGB
  CHECK(draw_cover(doc, CoverStyle{}, FontRoles{}) == png);
  const char* old_tz = std::getenv("TZ");
  std::string saved = old_tz ? old_tz : "";
  ::setenv("TZ", "Asia/Kathmandu", 1);
  ::tzset();
  std::string other_zone = draw_cover(doc, CoverStyle{}, FontRoles{});
  if (old_tz) ::setenv("TZ", saved.c_str(), 1); else ::unsetenv("TZ");
  ::tzset();
  CHECK(other_zone == png);
  // Dated by its news: another day draws another cover.
  doc.long_date = "Thursday, 7 November 2024";
  CHECK(draw_cover(doc, CoverStyle{}, FontRoles{}) != png);
}

TEST_CASE("cover: its thumbnail, made from the drawn pixels, is the shelf's from the PNG, byte for byte") {
  const Document doc = cover_document();
  const std::string png = draw_cover(doc, CoverStyle{}, FontRoles{});
  const DrawnCover drawn = draw_cover(doc, CoverStyle{}, FontRoles{}, 240);
  CHECK(drawn.png == png);  // asking for a thumbnail leaves the cover as it was
  CHECK(drawn.thumbnail.height == 240);
  CHECK(drawn.thumbnail.width == 181);  // 1264 x 1680 within 240 x 240
  REQUIRE_FALSE(drawn.thumbnail.encoded.empty());
  // The same bytes as decoding the cover and scaling it (the shelf's way when
  // no build drew the cover): a folder's thumbnails do not depend on which
  // way each was made.
  const PreparedImage from_png = prepare_thumbnail(std::string_view(png), 240);
  CHECK(from_png.format == drawn.thumbnail.format);
  CHECK(from_png.encoded == drawn.thumbnail.encoded);
}

TEST_CASE("cover headlines: the first article of each section with articles, at most five") {
  Document doc = cover_document();
  std::vector<CoverHeadline> headlines = cover_headlines(doc);
  REQUIRE(headlines.size() == kCoverHeadlines);
  CHECK(headlines[0].article->title == "Parliament opens debate on the 2025 budget");
  CHECK(headlines[1].section->title == "World");
  CHECK(headlines[1].article->title == "Президентские выборы в США");
  CHECK(headlines[4].section->title == "Middle East");
  doc.sections.clear();
  CHECK(cover_headlines(doc).empty());
  CHECK(draw_cover(doc, CoverStyle{}, FontRoles{}).substr(1, 3) == "PNG");  // an empty edition still has a cover
}

TEST_CASE("cover colours and logo come from the style") {
  CoverStyle style;
  style.background = {0, 0, 0.4};
  style.accent = {1, 0.8, 0};
  style.foreground = {1, 1, 1};
  style.logo_png = solid_png(200, 100, 0, 1, 0);
  Surface cover = decode_png(draw_cover(cover_document(), style, FontRoles{}));
  CHECK(pixel(cover.get(), 4, 4) == rgb(style.accent));        // the band along the top
  CHECK(pixel(cover.get(), 4, 300) == rgb(style.background));  // the margin
  CHECK(pixel(cover.get(), kCoverWidth / 2, 96 + 50) == 0x00FF00);  // the logo, centred under the band
  // A logo that is no PNG is left out, not a failure.
  style.logo_png = "not a png";
  CHECK(draw_cover(cover_document(), style, FontRoles{}).substr(1, 3) == "PNG");
}

TEST_CASE("cover: only PNG and JPEG are kept as they are; the media type and name follow the format") {
  CHECK(is_png_or_jpeg(ImageFormat::Png));
  CHECK(is_png_or_jpeg(ImageFormat::Jpeg));
  CHECK_FALSE(is_png_or_jpeg(ImageFormat::Gif));
  CHECK_FALSE(is_png_or_jpeg(ImageFormat::Webp));
  CHECK(std::string(image_media_type(ImageFormat::Jpeg)) == "image/jpeg");
  CHECK(std::string(image_extension(ImageFormat::Png)) == "png");
  CHECK(std::string(image_extension(ImageFormat::Jpeg)) == "jpg");
}

TEST_CASE("epub teaser: the opening words of the running text, cut with an ellipsis") {
  Block code;
  code.kind = BlockKind::CodeBlock;
  code.text = "int main() {}";
  Block heading = paragraph("A heading");
  heading.kind = BlockKind::Heading;
  CHECK(epub::opening_words({heading, code, paragraph("one  two\nthree")}, 30) == "A heading one two three");
  CHECK(epub::opening_words({paragraph("one two three four")}, 3) == "one two three\u2026");
  CHECK(epub::opening_words({paragraph("one two three")}, 3) == "one two three");
  // Never ".…": a cut after a sentence ends with the sentence; after a comma, the comma goes.
  CHECK(epub::opening_words({paragraph("The port reopened. Ferries left.")}, 3) == "The port reopened.");
  CHECK(epub::opening_words({paragraph("Why now? Nobody knows.")}, 2) == "Why now?");
  CHECK(epub::opening_words({paragraph("In Baku, Sumqayit and Ganja")}, 2) == "In Baku\u2026");
  CHECK(epub::opening_words({paragraph("港口重新开放。 渡轮出发了。")}, 1) == "港口重新开放。");
  CHECK(epub::opening_words({}, 30).empty());
  // Scripts without spaces are cut by characters: 2 words → 16 characters.
  std::string japanese;
  for (int i = 0; i < 10; ++i) japanese += "東京で図書館";
  CHECK(epub::opening_words({paragraph(japanese)}, 2) == japanese.substr(0, 16 * 3) + "\u2026");
}

TEST_CASE("cover: the digest's 'cover' key names a PNG or JPEG beside the digest") {
  TempDir dir("digest");
  dir.write("front.jpg", std::string("\xFF\xD8\xFF\xE0 rest", 9));
  dir.write("fake.png", "GIF89a not really");
  const std::string articles = "articles:\n  - title: T\n    date: 2024-11-06\n    body: b\n";
  const std::string file = (dir.path() / "digest.yaml").string();

  Diagnostics ok;
  Digest digest = parse_digest(file, "title: X\ncover: front.jpg\n" + articles, ok);
  CHECK(ok.format() == "");
  CHECK(digest.meta.cover == (dir.path() / "front.jpg").string());

  Diagnostics missing;
  parse_digest(file, "title: X\ncover: nowhere.png\n" + articles, missing);
  REQUIRE(missing.items().size() == 1);
  CHECK(missing.items()[0].loc.line == 2);
  CHECK(missing.items()[0].loc.column == 1);
  CHECK(missing.items()[0].message == "cover image 'nowhere.png' cannot be read: No such file or directory");

  Diagnostics not_image;
  parse_digest(file, "cover: fake.png\n" + articles, not_image);
  REQUIRE(not_image.items().size() == 1);
  CHECK(not_image.items()[0].loc.line == 1);
  CHECK(not_image.items()[0].message == "cover image 'fake.png' is not a PNG or JPEG image");
  CHECK(not_image.items()[0].hint == "the format is read from the file's first bytes, not from its name");
}

TEST_CASE("cover: a style's 'cover' section sets colours and a PNG logo beside the style file") {
  TempDir dir("style");
  dir.write("logo.png", solid_png(4, 4, 1, 0, 0));
  dir.write("logo.jpg", std::string("\xFF\xD8\xFF\xE0", 4));
  dir.write("paper.css", "body { margin: 0; }\n");
  dir.write("paper.yaml", "cover:\n  background: \"#102030\"\n  accent: \"#ff0000\"\n  logo: logo.png\n");
  Diagnostics diags;
  Style style = load_style((dir.path() / "paper.yaml").string(), dir.path(), diags);
  CHECK(diags.format() == "");
  CHECK(rgb(style.cover.background) == 0x102030);
  CHECK(rgb(style.cover.accent) == 0xFF0000);
  CHECK(style.cover.logo_png.substr(1, 3) == "PNG");

  dir.write("paper.yaml", "cover:\n  logo: logo.jpg\n  shade: \"#000000\"\n");
  Diagnostics bad;
  load_style((dir.path() / "paper.yaml").string(), dir.path(), bad);
  REQUIRE(bad.items().size() == 2);
  CHECK(bad.items()[0].message == "cover.logo: expected a PNG image, got \"logo.jpg\"");
  CHECK(bad.items()[0].loc.line == 2);
  CHECK(bad.items()[1].message == "unknown style key 'shade' in cover");
  CHECK(bad.items()[1].severity == Severity::Warning);
}

}  // namespace broadsheet
