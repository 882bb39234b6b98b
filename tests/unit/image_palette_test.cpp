// The drawn cover's palette (image/palette): flat fills exact, antialiased
// pixels close, photographs refused, and the paletted PNG read back as drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "image/codecs.h"
#include "image/decode.h"
#include "image/palette.h"

namespace broadsheet {
namespace {

using Rgb8 = std::array<std::uint8_t, 3>;

// A page of drawn art: a cream margin, a red band and dark text whose edges
// blend the text into the margin over every one of 256 coverage levels.
Raster drawn_art() {
  Raster art{256, 64, 3, {}};
  for (int y = 0; y < art.height; ++y) {
    for (int x = 0; x < art.width; ++x) {
      std::uint8_t rgb[3] = {253, 250, 245};  // the margin
      if (y < 8) {
        rgb[0] = 140, rgb[1] = 27, rgb[2] = 27;  // the band
      } else if (y >= 32 && y < 40) {
        for (int c = 0; c < 3; ++c) {  // coverage x/255 of the text colour (17, 17, 17) over the margin
          rgb[c] = static_cast<std::uint8_t>((rgb[c] * (255 - x) + 17 * x + 127) / 255);
        }
      } else if (y >= 40) {
        rgb[0] = rgb[1] = rgb[2] = 17;  // the text
      }
      art.pixels.insert(art.pixels.end(), rgb, rgb + 3);
    }
  }
  return art;
}

Rgb8 colour_at(const Raster& r, size_t pixel) {
  return {r.pixels[3 * pixel], r.pixels[3 * pixel + 1], r.pixels[3 * pixel + 2]};
}

}  // namespace

TEST_CASE("palette: flat fills keep their exact colour, blended pixels move by at most 4 in 255") {
  const Raster art = drawn_art();
  std::optional<PalettedRaster> paletted = drawn_palette(art);
  REQUIRE(paletted);  // 257 exact colours: the blend's levels had to share entries
  CHECK(paletted->palette.size() <= 256);
  REQUIRE(paletted->indices.size() == static_cast<size_t>(art.width * art.height));
  int worst = 0;
  for (size_t p = 0; p < paletted->indices.size(); ++p) {
    const auto& entry = paletted->palette[paletted->indices[p]];
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int{entry[c]} - int{art.pixels[3 * p + c]}));
  }
  CHECK(worst <= 4);
  CHECK(worst > 0);  // blended pixels did share entries
  const auto exact = [&](size_t pixel) {
    return paletted->palette[paletted->indices[pixel]] == colour_at(art, pixel);
  };
  CHECK(exact(0));                // the band
  CHECK(exact(20 * 256));         // the margin
  CHECK(exact(50 * 256 + 3));     // the text
  CHECK(drawn_palette(art)->indices == paletted->indices);  // the same every run
}

TEST_CASE("palette: a photograph or an image with alpha is left in full colour") {
  Raster noise{64, 64, 3, {}};
  std::uint32_t state = 12345;
  for (size_t i = 0; i < noise.size(); ++i) {
    state = state * 1103515245 + 12345;
    noise.pixels.push_back(static_cast<std::uint8_t>(state >> 16));
  }
  CHECK_FALSE(drawn_palette(noise));
  Raster rgba{4, 4, 4, std::vector<std::uint8_t>(64, 200)};
  CHECK_FALSE(drawn_palette(rgba));
}

TEST_CASE("palette: the paletted PNG is colour type 3 and decodes to the palette's colours") {
  const Raster art = drawn_art();
  PalettedRaster paletted = *drawn_palette(art);
  const std::string png = codec::encode_drawn_png(paletted);
  REQUIRE(png.size() > 26);
  CHECK(png[25] == 3);  // IHDR's colour type: indexed
  CHECK(png.find("PLTE") != std::string::npos);
  Raster back = decode_image(png);
  REQUIRE(back.width == art.width);
  REQUIRE(back.height == art.height);
  REQUIRE(back.channels == 3);
  for (size_t p = 0; p < paletted.indices.size(); p += 97) {
    CHECK(colour_at(back, p) == paletted.palette[paletted.indices[p]]);
  }
}

}  // namespace broadsheet
