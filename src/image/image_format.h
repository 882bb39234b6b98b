// Which raster format an image holds, read from its first bytes (never from
// its name), and what each format is called: in messages, in EPUB media types
// and in file names. Every stage that needs a format asks here.
#pragma once

#include <optional>
#include <string_view>

namespace broadsheet {

enum class ImageFormat { Png, Jpeg, Webp, Gif };

/// The format by magic bytes; nullopt for anything else.
std::optional<ImageFormat> sniff_image_format(std::string_view bytes);

/// PNG and JPEG: the formats an EPUB holds as they are (a digest's own cover),
/// and the only ones prepared images are written in.
bool is_png_or_jpeg(ImageFormat format);

/// "PNG", "JPEG", "WebP", "GIF", for messages.
const char* format_name(ImageFormat format);

/// "image/png", "image/jpeg", "image/webp", "image/gif".
const char* image_media_type(ImageFormat format);

/// "png", "jpg", "webp", "gif", for file names inside the EPUB.
const char* image_extension(ImageFormat format);

}  // namespace broadsheet
