// Decoded pixels as every image stage sees them: 8 bits per sample, rows top
// to bottom, no padding. Decoders produce it, the scaler and the encoders
// consume it, and the PDF writer embeds it (colour plane plus alpha plane).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace broadsheet {

/// Pixels with 1 (gray), 2 (gray + alpha), 3 (RGB) or 4 (RGBA) channels.
struct Raster {
  int width = 0, height = 0;
  int channels = 3;
  std::vector<std::uint8_t> pixels;  ///< width * height * channels bytes

  bool has_alpha() const { return channels == 2 || channels == 4; }
  bool is_gray() const { return channels <= 2; }
  std::size_t size() const {
    return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
           static_cast<std::size_t>(channels);
  }
};

/// Why an image cannot be used: a missing file, a bad format, corrupt data.
/// The message is the reason alone ("truncated PNG data"); callers add the
/// file, the article and the field.
class ImageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace broadsheet
