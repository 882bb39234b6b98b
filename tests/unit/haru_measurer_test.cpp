// The libharu measurer's caches (single ASCII characters by face, longer text
// by hash) must give the widths of measuring afresh, for every face and size.
#include <doctest/doctest.h>

#include "env/fonts.h"
#include "pdf/haru_fonts.h"

using namespace broadsheet;

namespace {

// The default faces in a libharu document, measured as the PDF writer measures.
struct Fonts {
  FontFiles files = find_fonts(FontRoles{});
  HaruDoc doc;
  FontBook book{doc, files};
  HaruMeasurer measurer{book};
  Fonts() { HPDF_UseUTFEncodings(doc.get()); }
};

}  // namespace

TEST_CASE("haru measurer: cached single characters and words agree with a fresh measurement") {
  Fonts fonts;
  HaruMeasurer& measurer = fonts.measurer;
  const FontFace regular{}, bold{FontRole::Body, true, false}, mono{FontRole::Mono, false, false};
  for (const FontFace& face : {regular, bold, mono}) {
    CAPTURE(static_cast<int>(face.role));
    CAPTURE(face.bold);
    // No kerning in libharu: widths add up, so a word is the sum of its letters.
    double word = measurer.width(face, "Wi-fi", 10);
    double letters = 0;
    for (char c : std::string("Wi-fi")) letters += measurer.width(face, std::string(1, c), 10);
    CHECK(word == doctest::Approx(letters).epsilon(1e-12));
    // Asked again (cached) and at another size (scaled from the same units).
    CHECK(measurer.width(face, "-", 10) == measurer.width(face, "-", 10));
    CHECK(measurer.width(face, " ", 20) == doctest::Approx(2 * measurer.width(face, " ", 10)));
    if (face.role != FontRole::Mono) CHECK(measurer.width(face, "W", 10) > measurer.width(face, "i", 10));
    CHECK(measurer.width(face, "Wi-fi", 10) == word);
  }
  // A different face has different widths: the caches are kept per face.
  CHECK(measurer.width(mono, "i", 10) != measurer.width(regular, "i", 10));
  CHECK(measurer.width(bold, "Wi-fi", 10) != measurer.width(regular, "Wi-fi", 10));
}

TEST_CASE("haru measurer: an italic run whose face lacks its script is set upright, whole") {
  Fonts fonts;
  HaruMeasurer& measurer = fonts.measurer;
  const FontFace italic{FontRole::Body, false, true}, upright{FontRole::Body, false, false};
  // The body italic has no Hebrew: the letters would come upright from a
  // fallback, so the whole run (digits too) is upright.
  CHECK(measurer.run_face(italic, "\u05EA\u05E2\u05E8\u05D5\u05DB\u05D4 40") == upright);
  // Latin is in the italic face; digits and signs alone never decide.
  CHECK(measurer.run_face(italic, "Exhibition 40") == italic);
  CHECK(measurer.run_face(italic, "40 \u20AA") == italic);
  // An upright face is never changed.
  CHECK(measurer.run_face(upright, "\u05EA\u05E2\u05E8\u05D5\u05DB\u05D4") == upright);
}

TEST_CASE("font book: a character beyond the BMP splits into the run of a face that has it") {
  Fonts fonts;
  std::vector<FontRun> runs;
  // U+1F1E6 U+1F1FF (the flag of Azerbaijan: two regional indicators) are in
  // no DejaVu face; the chain's emoji face draws them, as two boxed letters.
  const std::string text = "Baku \U0001F1E6\U0001F1FF ok";
  fonts.book.split(FontFace{}, text, runs);
  REQUIRE(runs.size() == 3);
  CHECK(text.substr(runs[1].begin, runs[1].end - runs[1].begin) == "\U0001F1E6\U0001F1FF ");
  CHECK(runs[0].font == runs[2].font);
  CHECK(runs[1].font != runs[0].font);
  CHECK(fonts.book.covers(FontFace{}, 0x1F1E6));
  CHECK_FALSE(fonts.book.covers(FontFace{}, 0x1FFFD));  // a noncharacter: no face has it
  // Measuring and drawing agree: the width is the glyph's, not a placeholder's.
  const double flag = fonts.book.units(runs[1].font, "\U0001F1E6");
  CHECK(flag > 0);
  CHECK(flag != fonts.book.units(runs[1].font, "\u25A1"));
}

TEST_CASE("font book: private codes beyond the BMP are given in order of first use, once each") {
  Fonts fonts;
  std::vector<FontRun> runs;
  fonts.book.split(FontFace{}, "\U0001F1FF", runs);
  REQUIRE(runs.size() == 1);
  const int emoji = runs[0].font;
  CHECK(fonts.book.code(emoji, 'A') == 'A');  // the BMP draws as itself
  const std::uint16_t z = fonts.book.code(emoji, 0x1F1FF);
  const std::uint16_t a = fonts.book.code(emoji, 0x1F1E6);
  CHECK(z == FontBook::kFirstPrivateCid);
  CHECK(a == FontBook::kFirstPrivateCid + 1);
  CHECK(fonts.book.code(emoji, 0x1F1FF) == z);
  // Another book (another document, another thread) given the same order gives the same codes.
  Fonts other;
  CHECK(other.book.code(emoji, 0x1F1FF) == z);
  CHECK(other.book.code(emoji, 0x1F1E6) == a);
}
