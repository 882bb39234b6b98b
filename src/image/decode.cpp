// Format sniffing, the header-first pixel check, and dispatch to the codecs.
#include "image/decode.h"

#include "image/codecs.h"

namespace broadsheet {
namespace {

void check_pixel_count(ImageSize size, ImageFormat format) {
  if (size.width <= 0 || size.height <= 0) {
    throw ImageError(std::string(format_name(format)) + " header gives no size");
  }
  const auto pixels = static_cast<std::uint64_t>(size.width) * static_cast<std::uint64_t>(size.height);
  if (pixels > kMaxImagePixels) {
    throw ImageError(std::to_string(size.width) + " x " + std::to_string(size.height) +
                     " pixels is over the limit of 50 megapixels");
  }
}

ImageFormat required_format(std::string_view bytes) {
  std::optional<ImageFormat> format = sniff_image_format(bytes);
  if (!format) throw ImageError("not a PNG, JPEG, WebP or GIF image");
  return *format;
}

ImageSize size_of(std::string_view bytes, ImageFormat format) {
  switch (format) {
    case ImageFormat::Png: return codec::png_size(bytes);
    case ImageFormat::Jpeg: return codec::jpeg_size(bytes);
    case ImageFormat::Webp: return codec::webp_size(bytes);
    case ImageFormat::Gif: return codec::gif_size(bytes);
  }
  return {};
}

}  // namespace

ImageSize read_image_size(std::string_view bytes) {
  return size_of(bytes, required_format(bytes));
}

Raster decode_image(std::string_view bytes, int min_long_side) {
  const ImageFormat format = required_format(bytes);
  check_pixel_count(size_of(bytes, format), format);
  switch (format) {
    case ImageFormat::Png: return codec::decode_png(bytes);
    case ImageFormat::Jpeg: return codec::decode_jpeg(bytes, min_long_side);
    case ImageFormat::Webp: return codec::decode_webp(bytes);
    case ImageFormat::Gif: return codec::decode_gif(bytes);
  }
  throw ImageError("unknown image format");
}

}  // namespace broadsheet
