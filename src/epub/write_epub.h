// The EPUB 3 back end: XHTML pages (tinyxml2), package document, nav and NCX,
// zipped in memory (libzip) with fixed entry times for reproducible bytes.
#pragma once

#include <string>

#include "doc/document.h"
#include "image/prepare.h"
#include "style/style.h"

namespace broadsheet {

/// The whole .epub file for one edition, with the digest's cover image or one
/// drawn for it. Throws EnvironmentError when libzip or cairo fails or the
/// digest's cover file can no longer be read.
std::string render_epub(const Document& doc, const Style& style);

/// render_epub, and where the cover is drawn, its thumbnail of at most
/// thumbnail_px on the longer side (encoded as image/prepare encodes one);
/// with the digest's own cover image, no thumbnail (empty `encoded`).
struct EpubWithThumbnail {
  std::string epub;
  PreparedImage thumbnail;
};
EpubWithThumbnail render_epub(const Document& doc, const Style& style, int thumbnail_px);

}  // namespace broadsheet
