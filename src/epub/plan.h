// The EPUB's plan, decided once before any page is written: file names, ids,
// display titles and languages for the cover, every section and article, plus
// the book's identifier. Pages, nav, NCX and OPF all read it, so they agree.
#pragma once

#include <string>
#include <vector>

#include "image/image_format.h"
#include "doc/document.h"

namespace broadsheet::epub {

/// Paths inside OEBPS/ (hrefs in the OPF are relative to it).
inline constexpr const char* kCoverHref = "cover.xhtml";
inline constexpr const char* kFrontHref = "front.xhtml";
inline constexpr const char* kNavHref = "nav.xhtml";
inline constexpr const char* kNcxHref = "toc.ncx";
inline constexpr const char* kCssHref = "style.css";
inline constexpr const char* kArticleDir = "articles/";
inline constexpr const char* kSectionDir = "sections/";
inline constexpr const char* kImageDir = "images/";

struct ArticleSlot {
  const ArticleDoc* article = nullptr;
  size_t section = 0;        ///< index into EpubPlan::sections
  std::string token;         ///< "s1-a2": file stem and element id, unique, NCName-safe
  std::string href;          ///< relative to OEBPS/: "articles/s1-a2.xhtml"
  std::string title;         ///< display title, sanitized, never empty
  std::string language;      ///< well-formed language tag
};

/// A section that has articles (empty sections get no page and no entry).
struct SectionSlot {
  const SectionDoc* section = nullptr;
  std::string anchor;        ///< token: its id on the front page and its file stem
  std::string href;          ///< relative to OEBPS/: "sections/s1.xhtml"
  std::string title;         ///< display title, never empty
  std::vector<size_t> articles;  ///< indexes into EpubPlan::articles, never empty
};

/// The cover image's place in the book.
struct CoverSlot {
  std::string href;          ///< relative to OEBPS/: "images/cover.png"
  const char* media_type = "image/png";
};

/// An article image in the book: one file per distinct content.
struct ImageSlot {
  std::string id;            ///< manifest id: "img-" + the name's hash
  std::string href;          ///< relative to OEBPS/: "images/3f2a...c1.jpg"
  const char* media_type = "image/jpeg";
  const std::string* bytes = nullptr;  ///< the encoded file, owned by the Document
};

/// "images/<first 16 hex digits of the SHA-1 of its bytes>.jpg|.png": names
/// follow content, so an image shared by two articles is stored once and a
/// rebuild names it the same.
std::string image_href(const FigureImage& image);

struct EpubPlan {
  std::string identifier;    ///< "urn:uuid:...", also the NCX dtb:uid
  std::string language;      ///< the edition's language tag
  std::string edition_title; ///< never empty
  std::string book_title;    ///< "Title — 2024-11-06"
  CoverSlot cover;
  std::vector<SectionSlot> sections;
  std::vector<ArticleSlot> articles;  ///< reading order: sections in order, then articles
  std::vector<ImageSlot> images;      ///< article images, first use first, no duplicates
};

/// Plans the book for doc, whose cover image is of kind cover. Ids from the
/// document are kept when they are safe and unique; otherwise positional ones
/// ("s2-a3") take their place.
EpubPlan plan_epub(const Document& doc, ImageFormat cover = ImageFormat::Png);

/// text sanitized with whitespace collapsed, or fallback when nothing is left.
std::string display_text(std::string_view text, std::string_view fallback);

}  // namespace broadsheet::epub
