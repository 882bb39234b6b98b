// Per-format readers behind decode_image, and the encoders (JPEG, PNG) used to
// re-encode prepared images. Internal to src/image.
#pragma once

#include <string>
#include <string_view>

#include "image/decode.h"
#include "image/palette.h"

namespace broadsheet::codec {

ImageSize png_size(std::string_view bytes);
Raster decode_png(std::string_view bytes);

ImageSize jpeg_size(std::string_view bytes);
Raster decode_jpeg(std::string_view bytes, int min_long_side);

ImageSize webp_size(std::string_view bytes);
Raster decode_webp(std::string_view bytes);

ImageSize gif_size(std::string_view bytes);
Raster decode_gif(std::string_view bytes);

/// Baseline JPEG (gray or RGB, no alpha) at quality 1-100: a JFIF header with
/// no density, no EXIF, no comment, so the same pixels give the same bytes.
std::string encode_jpeg(const Raster& raster, int quality);

/// PNG of any channel count; libpng's simplified writer adds no time chunk.
std::string encode_png(const Raster& raster);
/// PNG for drawn art (flat colours and text: the EPUB cover): rows unfiltered,
/// deflated by libdeflate at level 6. On the cover, a fifth of the time of
/// libpng's adaptive filters and zlib, at about the same size.
std::string encode_drawn_png(Raster raster);
/// The same for drawn art in a palette (colour type 3): one byte a pixel.
std::string encode_drawn_png(PalettedRaster paletted);

}  // namespace broadsheet::codec
