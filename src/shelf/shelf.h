// The OPDS shelf: an output folder's editions as an OPDS 1.2 acquisition feed
// (catalog.xml) and a plain page (index.html), rebuilt from the files actually
// in the folder after every build, so any static web server can serve them to
// KOReader, Foliate or a browser. Same files, same bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "image/image_format.h"

namespace broadsheet {

/// One file of an edition, or one of its cover images, relative to the folder.
struct ShelfLink {
  std::string href;        ///< "2024-11-05.epub", "covers/2024-11-05.png"
  std::string media_type;  ///< "application/epub+zip"
  std::uint64_t length = 0;
};

/// One edition: the files sharing a name stem ("2024-11-05.epub", ".pdf").
struct ShelfEdition {
  std::string stem;
  std::string id;        ///< the EPUB's dc:identifier, else a name-based urn:uuid
  std::string title, publication, author, language;
  std::string summary;   ///< the EPUB's dc:description: the headlines
  std::string date;      ///< YYYY-MM-DD (dc:date, else the stem when it is a date)
  std::string updated;   ///< RFC 3339: the EPUB's dcterms:modified, else the date at 00:00Z
  std::vector<ShelfLink> files;     ///< acquisition links: EPUB first, then PDF
  ShelfLink cover, thumbnail;       ///< empty href: none
  std::string cover_bytes, thumbnail_bytes;  ///< written to covers/ by update_shelf
};

/// The side, in pixels, of the square a thumbnail fits in.
inline constexpr int kThumbnailPx = 240;

/// A thumbnail made when a build drew its edition's cover (from the same
/// pixels, at most kThumbnailPx): the shelf takes it instead of decoding the
/// cover in the EPUB it has just written.
struct FreshThumbnail {
  std::string stem;  ///< the edition's: "2024-11-05"
  ImageFormat format = ImageFormat::Png;
  std::string bytes;
};

/// The editions, newest first (by date, then stem).
struct Shelf {
  std::string title;  ///< the publication's title when all share one, else "broadsheet editions"
  std::vector<ShelfEdition> editions;
};

/// Reads every *.epub and *.pdf directly in dir (their metadata and covers).
Shelf scan_shelf(const std::filesystem::path& dir, const std::vector<FreshThumbnail>& fresh = {});

/// catalog.xml: an OPDS 1.2 acquisition feed (Atom).
std::string opds_feed(const Shelf& shelf);

/// index.html: the editions with their covers, headlines and download links.
std::string shelf_page(const Shelf& shelf);

/// Scans dir and writes covers/, catalog.xml and index.html atomically (covers
/// of editions no longer there are removed). Throws EnvironmentError.
void update_shelf(const std::filesystem::path& dir, const std::vector<FreshThumbnail>& fresh = {});

/// True when dir's catalog.xml and index.html are there and the catalog lists
/// exactly the editions' files in dir, by name and length: a build that wrote
/// no edition then leaves the shelf as it is (a scan decodes every cover).
bool shelf_current(const std::filesystem::path& dir);

/// update_shelf after a command has put its editions in place: they stand
/// whatever happens to the shelf, so a failure is a warning's text, not an error.
std::optional<std::string> refresh_shelf(const std::filesystem::path& dir,
                                         const std::vector<FreshThumbnail>& fresh = {});

}  // namespace broadsheet
