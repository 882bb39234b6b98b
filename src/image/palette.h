// Drawn art (the EPUB cover: flat colours and antialiased text) as a palette
// of at most 256 colours, so that its PNG takes one byte a pixel instead of
// three. Internal to src/image and the cover.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "image/raster.h"

namespace broadsheet {

/// An image as indices into a palette of RGB colours.
struct PalettedRaster {
  int width = 0, height = 0;
  std::vector<std::array<std::uint8_t, 3>> palette;  ///< in order of first appearance
  std::vector<std::uint8_t> indices;                 ///< width * height, rows top to bottom
};

/// An RGB raster as a palette of at most 256 colours: pixels whose samples
/// round to the same of 64 evenly spaced levels (32 when 64 leave more than
/// 256 groups) share the entry of the colour most of them have. Flat fills
/// stay exact; an antialiased edge pixel moves by at most 4 in 255 (8 at 32
/// levels), which no reader sees. Nothing when the raster is not RGB or has
/// more groups than that even at 32 levels (a photograph).
std::optional<PalettedRaster> drawn_palette(const Raster& rgb);

/// The RGB pixels of a paletted raster: what a PNG decoder gives for it.
Raster expand_palette(const PalettedRaster& paletted);

}  // namespace broadsheet
