// Which raster format a file holds, read from its first bytes (never from its
// name): the EPUB may only declare a media type that matches the content.
#pragma once

#include <optional>
#include <string_view>

namespace broadsheet {

enum class ImageKind { Png, Jpeg };

/// Png or Jpeg by magic bytes; nullopt for anything else.
std::optional<ImageKind> sniff_image(std::string_view bytes);

/// "image/png" or "image/jpeg".
const char* image_media_type(ImageKind kind);

/// "png" or "jpg", for file names inside the EPUB.
const char* image_extension(ImageKind kind);

}  // namespace broadsheet
