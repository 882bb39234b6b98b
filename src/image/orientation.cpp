// See orientation.h. EXIF layout: "Exif\0\0", then a TIFF header (byte order
// "II" or "MM", 42, offset of IFD0), then IFD0: a 2-byte count and 12-byte
// entries (tag, type, count, value); Orientation is a SHORT held in the entry.
#include "image/orientation.h"

#include <cstdint>

namespace broadsheet {
namespace {

class TiffReader {
 public:
  TiffReader(std::string_view tiff, bool little) : tiff_(tiff), little_(little) {}
  bool has(std::size_t at, std::size_t n) const { return at <= tiff_.size() && n <= tiff_.size() - at; }
  std::uint32_t u16(std::size_t at) const { return value(at, 2); }
  std::uint32_t u32(std::size_t at) const { return value(at, 4); }

 private:
  std::uint32_t value(std::size_t at, int n) const {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) {
      auto byte = static_cast<std::uint8_t>(tiff_[at + static_cast<std::size_t>(little_ ? n - 1 - i : i)]);
      v = (v << 8) | byte;
    }
    return v;
  }
  std::string_view tiff_;
  bool little_;
};

constexpr std::string_view kExifHeader{"Exif\0\0", 6};
constexpr std::uint32_t kOrientationTag = 0x0112, kShortType = 3;

}  // namespace

int exif_orientation(std::string_view app1) {
  if (!app1.starts_with(kExifHeader)) return 1;
  std::string_view tiff = app1.substr(kExifHeader.size());
  if (tiff.size() < 8 || (!tiff.starts_with("II") && !tiff.starts_with("MM"))) return 1;
  TiffReader r(tiff, tiff[0] == 'I');
  if (r.u16(2) != 42) return 1;
  const std::size_t ifd = r.u32(4);
  if (!r.has(ifd, 2)) return 1;
  const std::size_t entries = r.u16(ifd);
  for (std::size_t i = 0; i < entries; ++i) {
    const std::size_t entry = ifd + 2 + 12 * i;
    if (!r.has(entry, 12)) return 1;
    if (r.u16(entry) != kOrientationTag) continue;
    if (r.u16(entry + 2) != kShortType) return 1;
    const std::uint32_t value = r.u16(entry + 8);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

bool swaps_sides(int orientation) { return orientation >= 5 && orientation <= 8; }

ImageSize oriented_size(ImageSize stored, int orientation) {
  return swaps_sides(orientation) ? ImageSize{stored.height, stored.width} : stored;
}

Raster apply_orientation(const Raster& stored, int orientation) {
  if (orientation < 2 || orientation > 8) return stored;
  const int w = stored.width, h = stored.height;
  Raster out;
  out.channels = stored.channels;
  out.width = swaps_sides(orientation) ? h : w;
  out.height = swaps_sides(orientation) ? w : h;
  out.pixels.resize(out.size());
  const auto channels = static_cast<std::size_t>(stored.channels);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;  // the stored pixel shown at (x, y)
      switch (orientation) {
        case 2: sx = w - 1 - x; break;                     // mirrored
        case 3: sx = w - 1 - x, sy = h - 1 - y; break;     // upside down
        case 4: sy = h - 1 - y; break;                     // mirrored, upside down
        case 5: sx = y, sy = x; break;                     // transposed
        case 6: sx = y, sy = h - 1 - x; break;             // turned a quarter clockwise
        case 7: sx = w - 1 - y, sy = h - 1 - x; break;     // transversed
        case 8: sx = w - 1 - y, sy = x; break;             // turned a quarter anticlockwise
        default: break;
      }
      const std::size_t from = (static_cast<std::size_t>(sy) * static_cast<std::size_t>(w) +
                                static_cast<std::size_t>(sx)) * channels;
      const std::size_t to = (static_cast<std::size_t>(y) * static_cast<std::size_t>(out.width) +
                              static_cast<std::size_t>(x)) * channels;
      for (std::size_t c = 0; c < channels; ++c) out.pixels[to + c] = stored.pixels[from + c];
    }
  }
  return out;
}

}  // namespace broadsheet
