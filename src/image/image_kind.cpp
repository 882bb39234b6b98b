// Magic numbers: PNG's 8-byte signature (RFC 2083 §3.1) and JPEG's SOI marker
// followed by the first marker's 0xFF (every JFIF and Exif file starts so).
#include "image/image_kind.h"

namespace broadsheet {

std::optional<ImageKind> sniff_image(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return ImageKind::Png;
  if (bytes.starts_with(std::string_view("\xFF\xD8\xFF", 3))) return ImageKind::Jpeg;
  return std::nullopt;
}

const char* image_media_type(ImageKind kind) {
  return kind == ImageKind::Png ? "image/png" : "image/jpeg";
}

const char* image_extension(ImageKind kind) { return kind == ImageKind::Png ? "png" : "jpg"; }

}  // namespace broadsheet
