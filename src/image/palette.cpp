#include "image/palette.h"

#include <algorithm>
#include <cstddef>

namespace broadsheet {

namespace {

constexpr std::size_t kMaxPaletteColours = 256;
constexpr std::size_t kSixBitColours = 1 << 18;
constexpr std::int16_t kUnseen = -1;

// The nearest of a sample's 2^bits evenly spaced levels: pixels whose
// samples share levels share a palette entry.
std::uint8_t level_of(int bits, std::uint8_t sample) {
  const int top = (1 << bits) - 1;
  return static_cast<std::uint8_t>((sample * top + 127) / 255);
}

using Rgb = std::array<std::uint8_t, 3>;

// The colour most pixels of an entry have, found in one pass by a majority
// vote (Boyer and Moore): a flat fill (the style's background, band and text)
// outnumbers the antialiased pixels that fall beside it, so it stays exact.
struct MajorityColour {
  Rgb candidate{};
  std::uint32_t lead = 0;

  // n votes for colour at once: the same as n single votes.
  void vote(const Rgb& colour, std::uint32_t n) {
    if (candidate == colour) {
      lead += n;
    } else if (lead >= n) {
      lead -= n;
    } else {
      candidate = colour;
      lead = n - lead;
    }
  }
};

Rgb colour_at(const Raster& rgb, std::size_t pixel) {
  return {rgb.pixels[3 * pixel], rgb.pixels[3 * pixel + 1], rgb.pixels[3 * pixel + 2]};
}

std::optional<PalettedRaster> palette_at(const Raster& rgb, int bits) {
  const std::size_t pixels = rgb.size() / 3;
  // Sized where it is made: GCC 12 at -O1 (the ThreadSanitizer build) took a
  // resize of the empty vector for a null dereference (-Wnull-dereference).
  PalettedRaster out{rgb.width, rgb.height, {}, std::vector<std::uint8_t>(pixels)};
  // At most six bits a sample make 18-bit keys: a direct table (512 KB) finds
  // each pixel's entry without hashing 2 million pixels.
  std::vector<std::int16_t> entry_of(kSixBitColours, kUnseen);
  std::vector<MajorityColour> votes;
  // Drawn art is mostly runs of one colour along a row: each run is looked up once.
  for (std::size_t start = 0, end = 0; start < pixels; start = end) {
    const Rgb colour = colour_at(rgb, start);
    for (end = start + 1; end < pixels && colour_at(rgb, end) == colour;) ++end;
    const std::size_t key = std::size_t{level_of(bits, colour[0])} << 12 |
                            std::size_t{level_of(bits, colour[1])} << 6 | std::size_t{level_of(bits, colour[2])};
    if (entry_of[key] == kUnseen) {
      if (votes.size() == kMaxPaletteColours) return std::nullopt;
      entry_of[key] = static_cast<std::int16_t>(votes.size());
      votes.emplace_back();
    }
    const auto entry = static_cast<std::size_t>(entry_of[key]);
    votes[entry].vote(colour, static_cast<std::uint32_t>(end - start));
    std::fill(out.indices.begin() + static_cast<std::ptrdiff_t>(start), out.indices.begin() + static_cast<std::ptrdiff_t>(end),
              static_cast<std::uint8_t>(entry));
  }
  for (const MajorityColour& entry : votes) out.palette.push_back(entry.candidate);
  return out;
}

}  // namespace

std::optional<PalettedRaster> drawn_palette(const Raster& rgb) {
  if (rgb.channels != 3) return std::nullopt;
  for (int bits : {6, 5}) {
    if (std::optional<PalettedRaster> paletted = palette_at(rgb, bits)) return paletted;
  }
  return std::nullopt;
}

Raster expand_palette(const PalettedRaster& paletted) {
  Raster rgb{paletted.width, paletted.height, 3, std::vector<std::uint8_t>(paletted.indices.size() * 3)};
  std::uint8_t* out = rgb.pixels.data();
  for (std::uint8_t index : paletted.indices) {
    const std::array<std::uint8_t, 3>& colour = paletted.palette[index];
    *out++ = colour[0];
    *out++ = colour[1];
    *out++ = colour[2];
  }
  return rgb;
}

}  // namespace broadsheet
