// Image files to pixels. The format is read from the first bytes (never from
// the name: image_format.h); the dimensions are read from the header and checked against the
// pixel limit before any pixel is decoded, so a small file that claims to be
// huge costs nothing. PNG through libpng's simplified API, JPEG through
// libjpeg with a longjmp error manager, WebP through libwebp, GIF (first frame)
// through giflib: each library's errors become ImageError, never an abort.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "image/image_format.h"
#include "image/raster.h"

namespace broadsheet {

/// The most pixels an image may have (width * height), checked from its header.
/// 50 megapixels is beyond any camera a newsroom uses and keeps the decoded
/// RGBA image under 200 MB.
inline constexpr std::uint64_t kMaxImagePixels = 50'000'000;

struct ImageSize {
  int width = 0, height = 0;
};

/// The dimensions in the header. Throws ImageError for an unknown format or
/// a header that cannot be read.
ImageSize read_image_size(std::string_view bytes);

/// Decodes the whole image (a GIF's first frame). A JPEG may be decoded at
/// 1/2, 1/4 or 1/8 size (libjpeg's DCT scaling) when its long side stays at
/// least min_long_side. Throws ImageError: unknown format, over the pixel
/// limit, corrupt or truncated data.
Raster decode_image(std::string_view bytes, int min_long_side = 0);

}  // namespace broadsheet
