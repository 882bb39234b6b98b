// Preparing an image: decode once (a JPEG at a reduced DCT scale when it is far
// larger than needed), then per output fit, convert and encode.
#include "image/prepare.h"

#include <algorithm>
#include <cmath>

#include "image/codecs.h"
#include "image/scale.h"

namespace broadsheet {
namespace {

// PNG for drawings and transparency, JPEG for photographs.
bool keep_as_png(const Raster& raster) { return uses_transparency(raster) || is_line_art(raster); }

PreparedImage encode(Raster raster, bool png, int quality, bool pdf) {
  PreparedImage out;
  out.width = raster.width;
  out.height = raster.height;
  if (png) {
    out.format = ImageFormat::Png;
    if (!pdf) out.encoded = codec::encode_png(raster);
    out.raster = std::move(raster);
  } else {
    out.format = ImageFormat::Jpeg;
    out.encoded = codec::encode_jpeg(raster, quality);
  }
  return out;
}

Raster fit_for(const Raster& source, ImageSize box, const ImageTargets& targets) {
  ImageSize size = fit_within({source.width, source.height}, box.width, box.height);
  Raster scaled = downscale(source, size.width, size.height);
  if (!uses_transparency(scaled)) scaled = without_alpha(scaled);
  if (targets.grayscale) scaled = to_gray(scaled);
  return scaled;
}

PreparedImage prepare_for(const Raster& source, ImageSize box, bool png, const ImageTargets& targets, bool pdf) {
  return encode(fit_for(source, box, targets), png, targets.jpeg_quality, pdf);
}

int pixels_for(double points, int dpi) {
  return std::max(1, static_cast<int>(std::ceil(points / 72.0 * dpi)));
}

}  // namespace

FigureImage prepare_image(std::string_view bytes, const ImageTargets& targets) {
  const ImageSize pdf_box{pixels_for(targets.pdf_width_pt, targets.pdf_dpi),
                          pixels_for(targets.pdf_height_pt, targets.pdf_dpi)};
  const int needed = std::max({pdf_box.width, pdf_box.height, targets.epub_max_px});
  FigureImage figure;
  figure.source_format = sniff_image_format(bytes).value_or(ImageFormat::Png);
  figure.source_size = read_image_size(bytes);
  figure.source_bytes = bytes.size();
  // Decoding at a reduced scale must still leave enough pixels for the largest output.
  Raster source = decode_image(bytes, needed);
  const bool png = keep_as_png(source);
  figure.pdf = prepare_for(source, pdf_box, png, targets, true);
  figure.epub = prepare_for(source, {targets.epub_max_px, targets.epub_max_px}, png, targets, false);
  return figure;
}

// Only the EPUB half of prepare_image: a list's small picture needs no PDF copy,
// and a JPEG decodes at the smallest DCT scale that still covers max_px.
// A thumbnail is small enough to encode both ways and keep the smaller: a
// drawn cover in a palette is line art, yet its thumbnail's smooth text edges
// take fewer bytes as JPEG.
PreparedImage prepare_thumbnail(std::string_view bytes, int max_px) {
  return prepare_thumbnail(decode_image(bytes, max_px), max_px);
}

PreparedImage prepare_thumbnail(const Raster& pixels, int max_px) {
  const ImageTargets targets;
  Raster thumbnail = fit_for(pixels, {max_px, max_px}, targets);
  if (uses_transparency(thumbnail)) return encode(std::move(thumbnail), true, targets.jpeg_quality, false);
  PreparedImage as_jpeg = encode(thumbnail, false, targets.jpeg_quality, false);
  PreparedImage as_png = encode(std::move(thumbnail), true, targets.jpeg_quality, false);
  return as_jpeg.encoded.size() <= as_png.encoded.size() ? as_jpeg : as_png;
}

}  // namespace broadsheet
