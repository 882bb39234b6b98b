// Variants: the edition as one subscriber asked for it (sections, tags and
// languages filters, a style, a format, lighter images). Each distinct
// variant of a day is built once per run, in this process, sharing fonts,
// hyphenation dictionaries and decoded images with every other.
#pragma once

#include <compare>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliver/compose.h"
#include "deliver/subscribers.h"
#include "model/edition.h"

namespace broadsheet {

struct Filters {
  std::vector<std::string> sections, tags, languages;  ///< empty: everything
  bool empty() const { return sections.empty() && tags.empty() && languages.empty(); }
  auto operator<=>(const Filters&) const = default;
};

/// One file of one day as some subscribers get it.
struct VariantKey {
  Filters filters;
  std::string style;        ///< the style's name or path
  std::string format;       ///< "pdf" or "epub"
  bool grayscale = false;
  int image_max_px = 0;     ///< a device's screen (EPUB images' longest side); 0: the style's
  bool light = false;       ///< images downscaled and recompressed to fit a size limit
  auto operator<=>(const VariantKey&) const = default;
};

/// The filters of a subscriber, sorted so that equal choices share a key.
Filters filters_of(const Subscriber& s);

/// The journal's name of what a subscriber gets, e.g. "pdf" or
/// "pdf+epub style=newspaper sections=Business,World languages=az,en".
std::string variant_name(const Subscriber& s, const std::string& style, bool light);

/// The edition with only the articles the filters let through (sections
/// dropped when empty); an article's language is the edition's when unset.
Edition filter_edition(const Edition& edition, const Filters& filters);

struct BuiltFile {
  std::string bytes;
  std::vector<SectionHeadlines> contents;
  size_t articles = 0;
};

/// What every build of the run shares.
struct BuildSettings {
  std::vector<std::filesystem::path> style_folders;  ///< env/style_dirs.h's search path
  std::vector<std::filesystem::path> image_roots;
  bool skip_bad_images = false;
};

/// Builds variants on demand and keeps them for the run.
class VariantBuilder {
 public:
  VariantBuilder(BuildSettings settings);
  ~VariantBuilder();
  VariantBuilder(const VariantBuilder&) = delete;
  VariantBuilder& operator=(const VariantBuilder&) = delete;

  /// The variant's file for this edition (built_time set), built the first
  /// time it is asked for. Throws EnvironmentError (fonts, images, libraries).
  const BuiltFile& get(const Edition& edition, const VariantKey& key);
  /// How many files were built: the variants' count.
  size_t builds() const { return built_.size(); }

 private:
  struct Shared;
  BuildSettings settings_;
  std::unique_ptr<Shared> shared_;
  std::map<std::pair<std::string, VariantKey>, BuiltFile> built_;  // by day and key
};

}  // namespace broadsheet
