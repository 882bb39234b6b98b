// Magic numbers: PNG's 8-byte signature (RFC 2083 §3.1), JPEG's SOI marker
// followed by the first marker's 0xFF (every JFIF and Exif file starts so),
// WebP's RIFF container with the WEBP form type, GIF's two version headers.
#include "image/image_format.h"

namespace broadsheet {
namespace {

struct FormatNames {
  const char* name;        // for messages
  const char* media_type;  // for the EPUB manifest
  const char* extension;   // for file names
};

FormatNames names_of(ImageFormat format) {
  switch (format) {
    case ImageFormat::Png: return {"PNG", "image/png", "png"};
    case ImageFormat::Jpeg: return {"JPEG", "image/jpeg", "jpg"};
    case ImageFormat::Webp: return {"WebP", "image/webp", "webp"};
    case ImageFormat::Gif: return {"GIF", "image/gif", "gif"};
  }
  return {"image", "application/octet-stream", "bin"};
}

}  // namespace

std::optional<ImageFormat> sniff_image_format(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return ImageFormat::Png;
  if (bytes.starts_with(std::string_view("\xFF\xD8\xFF", 3))) return ImageFormat::Jpeg;
  if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
    return ImageFormat::Webp;
  }
  if (bytes.starts_with("GIF87a") || bytes.starts_with("GIF89a")) return ImageFormat::Gif;
  return std::nullopt;
}

bool is_png_or_jpeg(ImageFormat format) {
  return format == ImageFormat::Png || format == ImageFormat::Jpeg;
}

const char* format_name(ImageFormat format) { return names_of(format).name; }

const char* image_media_type(ImageFormat format) { return names_of(format).media_type; }

const char* image_extension(ImageFormat format) { return names_of(format).extension; }

}  // namespace broadsheet
