// From an image file's bytes to the two images the back ends embed: one sized
// for the PDF's column at the style's resolution, one for EPUB readers.
// Photographs become JPEG; line art and anything with transparency stay PNG.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "image/decode.h"
#include "image/raster.h"

namespace broadsheet {

/// How large images may be in each output, and how they are encoded.
struct ImageTargets {
  double pdf_width_pt = 483;   ///< the widest box a figure takes: a column
  double pdf_height_pt = 718;  ///< and the tallest: a column's height
  int pdf_dpi = 200;           ///< pixels per inch at that box (style `image_dpi`)
  int epub_max_px = 1200;      ///< longest side in the EPUB
  bool grayscale = false;      ///< for e-ink readers (--grayscale, style `grayscale`)
  int jpeg_quality = 82;
};

/// One encoded image. JPEG: `encoded` is the file. PNG: `encoded` is the PNG
/// file (EPUB) and `raster` its pixels (the PDF embeds samples, alpha as SMask).
struct PreparedImage {
  ImageFormat format = ImageFormat::Jpeg;  ///< Jpeg or Png only
  int width = 0, height = 0;
  std::string encoded;
  Raster raster;
};

/// An article image, ready for both back ends.
struct FigureImage {
  ImageFormat source_format = ImageFormat::Png;
  ImageSize source_size;
  std::size_t source_bytes = 0;
  PreparedImage pdf, epub;
};

/// The default JPEG quality: invisible loss on photographs at reading size.
inline constexpr int kDefaultJpegQuality = 82;

/// Decodes, checks, downscales and re-encodes. Throws ImageError.
FigureImage prepare_image(std::string_view bytes, const ImageTargets& targets);

/// A small picture for lists (the shelf's thumbnails): at most max_px on its
/// longer side, as the smaller of PNG and JPEG (PNG if it has transparency).
/// Throws ImageError.
PreparedImage prepare_thumbnail(std::string_view bytes, int max_px);

/// The same from pixels already decoded (a cover as it was drawn): the same
/// bytes as from the image's PNG.
PreparedImage prepare_thumbnail(const Raster& pixels, int max_px);

}  // namespace broadsheet
