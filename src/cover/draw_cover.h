// The generated cover of an edition: publication title, the date of its news,
// and the day's top headlines, drawn with pango (any script, through fontconfig
// fallback) onto a cairo surface and written as PNG. Same inputs, same bytes.
#pragma once

#include <string>

#include "doc/document.h"
#include "image/prepare.h"
#include "style/style.h"

namespace broadsheet {

/// Cover size in pixels: 3:4, the shape of most e-ink screens (Kobo, Kindle).
inline constexpr int kCoverWidth = 1264;
inline constexpr int kCoverHeight = 1680;
/// How many headlines the cover shows at most (the first article of each section).
inline constexpr size_t kCoverHeadlines = 5;

/// The cover of doc as PNG bytes, in colours, and with the logo, of cover;
/// text in the style's font families. Throws EnvironmentError if cairo fails.
std::string draw_cover(const Document& doc, const CoverStyle& cover, const FontRoles& fonts);

/// A cover with its thumbnail (image/prepare's prepare_thumbnail), made from
/// the drawn pixels: the bytes the shelf would make by decoding the PNG again.
struct DrawnCover {
  std::string png;
  PreparedImage thumbnail;  ///< at most thumbnail_px on its longer side
};
DrawnCover draw_cover(const Document& doc, const CoverStyle& cover, const FontRoles& fonts, int thumbnail_px);

/// A headline on the cover: a section's first article.
struct CoverHeadline {
  const SectionDoc* section = nullptr;
  const ArticleDoc* article = nullptr;
};

/// The headlines the cover shows: the first article of each section that has
/// articles, in order, at most kCoverHeadlines (fewer may fit on the image).
std::vector<CoverHeadline> cover_headlines(const Document& doc);

}  // namespace broadsheet
