// The validated input: a digest of articles with the edition's metadata.
// Plain data, produced by input/ (load + validate) and read by every later stage.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"

namespace broadsheet {

enum class BodyFormat { Markdown, Text, Html };

/// Where each of an article's fields stands in its file, by key ("title", "authors").
using FieldLocs = std::map<std::string, SourceLoc, std::less<>>;

/// When an article was published. Either a bare calendar date (belongs to that
/// day whatever the edition's zone) or an instant (assigned to a day in the zone).
struct ArticleDate {
  std::chrono::sys_days day{};                          ///< the bare date, when !instant
  std::optional<std::chrono::sys_seconds> instant;      ///< set for date-times (UTC)
};

/// A new field that shows in the outputs also goes into the day's inputs hash
/// (app/fingerprint.cpp), as do EditionMeta's.
struct Article {
  std::string title;
  ArticleDate date;
  std::string source;
  std::string url;
  std::vector<std::string> authors;
  std::string section;                 ///< empty: the edition's default section
  std::vector<std::string> tags;
  std::string summary;
  std::string image;                   ///< path as written, relative to base_dir
  std::string image_caption;
  std::string image_alt;  ///< what the lead image shows, for readers who cannot see it
  std::string language;                ///< empty: the edition's language
  BodyFormat format = BodyFormat::Markdown;
  std::string body;

  SourceLoc loc;                       ///< where the article's mapping starts
  SourceLoc body_loc;                  ///< where the body scalar starts
  SourceLoc image_loc;                 ///< where the image scalar starts
  FieldLocs field_locs;                ///< where each field's value starts, by key as written
  std::string label;                   ///< "article 3 ('Markets rally')", for later diagnostics
  std::filesystem::path base_dir;      ///< folder of the file it came from
  int input_index = 0;                 ///< position across all input files (stable order)
};

/// Edition-wide settings, from the mapping form of a digest file.
struct EditionMeta {
  std::string title = "Daily Digest";
  std::string subtitle;
  std::string publisher;
  std::string language = "en";
  std::string timezone = "UTC";
  std::string style;                   ///< empty: the command line's or "classic"
  std::string cover;                   ///< the digest's own cover image (PNG or JPEG), resolved
                                       ///< against the digest's folder; empty: a generated cover
};

struct Digest {
  EditionMeta meta;
  std::vector<Article> articles;
};

}  // namespace broadsheet
