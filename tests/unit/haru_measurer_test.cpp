// The libharu measurer's caches (single ASCII characters by face, longer text
// by hash) must give the widths of measuring afresh, for every face and size.
#include <doctest/doctest.h>

#include "env/fonts.h"
#include "pdf/haru_fonts.h"

using namespace broadsheet;

TEST_CASE("haru measurer: cached single characters and words agree with a fresh measurement") {
  FontFiles files = find_fonts(FontRoles{});
  HaruDoc doc;
  HPDF_UseUTFEncodings(doc.get());
  FontBook book(doc, files);
  HaruMeasurer measurer(book);
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
