// WebP through libwebp: decoded to RGBA when the file has alpha, else RGB.
// Readers do not all show WebP, so it is always re-encoded (JPEG or PNG).
#include <webp/decode.h>

#include <cstring>
#include <memory>

#include "image/codecs.h"

namespace broadsheet::codec {
namespace {

struct WebpFree {
  void operator()(std::uint8_t* data) const { WebPFree(data); }
};

WebPBitstreamFeatures features(std::string_view bytes) {
  WebPBitstreamFeatures f{};
  if (WebPGetFeatures(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), &f) != VP8_STATUS_OK) {
    throw ImageError("corrupt WebP data: the header cannot be read");
  }
  return f;
}

}  // namespace

ImageSize webp_size(std::string_view bytes) {
  WebPBitstreamFeatures f = features(bytes);
  return {f.width, f.height};
}

Raster decode_webp(std::string_view bytes) {
  const WebPBitstreamFeatures f = features(bytes);
  Raster raster;
  raster.channels = f.has_alpha ? 4 : 3;
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::unique_ptr<std::uint8_t, WebpFree> pixels(
      f.has_alpha ? WebPDecodeRGBA(data, bytes.size(), &raster.width, &raster.height)
                  : WebPDecodeRGB(data, bytes.size(), &raster.width, &raster.height));
  if (!pixels) throw ImageError("corrupt or truncated WebP data");
  raster.pixels.assign(pixels.get(), pixels.get() + raster.size());
  return raster;
}

}  // namespace broadsheet::codec
