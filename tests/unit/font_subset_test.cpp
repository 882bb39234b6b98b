// The HarfBuzz subsetter: a glyph-id set in, a font out that HarfBuzz opens
// again with those glyphs' outlines at the same ids, nothing else drawn, no
// hinting; composite glyphs bring their components (above id 32767 too).
#include <doctest/doctest.h>

#include <hb.h>

#include <memory>

#include "env/files.h"
#include "env/fonts.h"
#include "pdf/font_subset.h"

using namespace broadsheet;

namespace {

// A font opened by HarfBuzz: from a file, or from subset bytes.
class HbFont {
 public:
  explicit HbFont(hb_blob_t* blob) : face_(hb_face_create(blob, 0)), font_(hb_font_create(face_)) {
    hb_blob_destroy(blob);
  }
  ~HbFont() {
    hb_font_destroy(font_);
    hb_face_destroy(face_);
  }
  HbFont(const HbFont&) = delete;
  HbFont& operator=(const HbFont&) = delete;
  static HbFont file(const std::filesystem::path& path) {
    return HbFont(hb_blob_create_from_file_or_fail(path.c_str()));
  }
  static HbFont bytes(const std::string& data) {
    return HbFont(hb_blob_create(data.data(), static_cast<unsigned>(data.size()),
                                 HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
  }
  std::uint32_t glyph(char32_t cp) const {
    hb_codepoint_t g = 0;
    hb_font_get_nominal_glyph(font_, cp, &g);
    return g;
  }
  unsigned glyph_count() const { return hb_face_get_glyph_count(face_); }
  bool has_table(const char* tag) const {
    hb_blob_t* table = hb_face_reference_table(face_, hb_tag_from_string(tag, 4));
    bool present = hb_blob_get_length(table) > 0;
    hb_blob_destroy(table);
    return present;
  }
  // The glyph's outline box, all zero for an empty glyph.
  hb_glyph_extents_t extents(std::uint32_t gid) const {
    hb_glyph_extents_t e{};
    hb_font_get_glyph_extents(font_, gid, &e);
    return e;
  }
  int advance(std::uint32_t gid) const { return hb_font_get_glyph_h_advance(font_, gid); }

 private:
  hb_face_t* face_;
  hb_font_t* font_;
};

bool same(const hb_glyph_extents_t& a, const hb_glyph_extents_t& b) {
  return a.x_bearing == b.x_bearing && a.y_bearing == b.y_bearing && a.width == b.width &&
         a.height == b.height;
}

bool empty(const hb_glyph_extents_t& e) { return e.width == 0 && e.height == 0; }

}  // namespace

TEST_CASE("font subset: the glyphs asked for, at their own ids, and nothing else drawn") {
  std::filesystem::path path = find_fonts(FontRoles{}).body.regular;  // DejaVuSerif
  HbFont original = HbFont::file(path);
  const std::uint32_t a = original.glyph(U'A'), e_acute = original.glyph(U'é'), zhe = original.glyph(U'Ж');
  const std::uint32_t b = original.glyph(U'B');
  REQUIRE(a != 0);
  REQUIRE(zhe > a);
  std::string bytes = subset_font(path, 0, {a, e_acute, zhe});
  HbFont subset = HbFont::bytes(bytes);

  CHECK(subset.glyph_count() == zhe + 1);  // ids retained: the set's highest id is the last glyph
  for (std::uint32_t g : {a, e_acute, zhe}) {
    CAPTURE(g);
    CHECK_FALSE(empty(subset.extents(g)));
    CHECK(same(subset.extents(g), original.extents(g)));
    CHECK(subset.advance(g) == original.advance(g));
  }
  CHECK(empty(subset.extents(b)));  // in the original, not asked for
  CHECK_FALSE(empty(original.extents(b)));
  for (const char* dropped : {"fpgm", "prep", "cvt ", "GSUB", "GPOS"}) {
    CAPTURE(dropped);
    CHECK(original.has_table(dropped));
    CHECK_FALSE(subset.has_table(dropped));
  }
  for (const char* kept : {"glyf", "loca", "hmtx", "head", "maxp"}) {
    CAPTURE(kept);
    CHECK(subset.has_table(kept));
  }
  CHECK(bytes.size() < 20'000);  // the face is 380 KB
}

TEST_CASE("font subset: a composite glyph brings its components, above id 32767 too") {
  std::filesystem::path path = find_fonts(FontRoles{}).fallbacks.at(1);  // DroidSansFallbackFull
  HbFont original = HbFont::file(path);
  const std::uint32_t word = original.glyph(U'語');  // built of two glyphs, one above 32767
  REQUIRE(word != 0);
  HbFont subset = HbFont::bytes(subset_font(path, 0, {word}));
  CHECK(same(subset.extents(word), original.extents(word)));
  CHECK_FALSE(empty(subset.extents(word)));
  CHECK(subset.glyph_count() > 32768);
}

TEST_CASE("font subset: a file that is not a font is an environment error") {
  CHECK_THROWS_AS(subset_font("/nonexistent/font.ttf", 0, {1}), EnvironmentError);
}
