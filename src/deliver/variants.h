// Variants: the edition as one subscriber asked for it (sections, tags and
// languages filters, a style, a format, a device's images, lighter images),
// expressed as the application's Variant (src/app/app.h) and built by it, so
// that send and build make an edition the same way. Each distinct variant is
// built once per run, sharing fonts, dictionaries and decoded images.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "app/app.h"
#include "deliver/compose.h"
#include "deliver/subscribers.h"

namespace broadsheet {

/// What every variant of the run shares besides the subscriber's choices.
struct VariantSettings {
  std::vector<std::filesystem::path> image_roots;  ///< --allow-images-from
  bool skip_bad_images = false;                    ///< --skip-bad-images
};

/// The plain edition in one format ("pdf" or "epub"): what `build` writes.
Variant plain_variant(const std::string& format, const VariantSettings& settings);

/// One format of what a subscriber gets: their filters (sorted, so that equal
/// choices are one variant), style and grayscale; their device's image size,
/// grayscale and PDF style (as `build --device` sets them); lighter images
/// when a message must fit a size limit.
Variant variant_for(const Subscriber& s, const std::string& format, const VariantSettings& settings,
                    bool light);

/// The journal's name of what a subscriber gets, e.g. "pdf" or
/// "pdf+epub style=newspaper sections=Business,World languages=az,en".
std::string variant_name(const Subscriber& s, bool light);

/// One day's file of a variant; no bytes and no articles when its filter
/// leaves that day nothing.
struct BuiltFile {
  std::string bytes;
  std::vector<SectionHeadlines> contents;
  size_t articles = 0;
};

/// Builds variants on demand (every day of the input at once) and keeps them for the run.
class VariantBuilder {
 public:
  VariantBuilder(const Input& input, AppEnv env) : input_(input), env_(std::move(env)) {}

  /// The variant's file for one day (YYYY-MM-DD), built the first time the
  /// variant is asked for. Throws EnvironmentError (a style or an image that
  /// cannot be used, fonts, a day over the page limit).
  const BuiltFile& get(const Variant& variant, const std::string& day);
  /// How many variants were built.
  size_t builds() const { return built_.size(); }
  /// What building noticed (a body image left out...), each warning once
  /// however many variants met it.
  const Diagnostics& warnings() const { return warnings_; }

 private:
  std::map<std::string, BuiltFile> build(const Variant& variant);
  void keep_warnings(const Diagnostics& diags);
  const Input& input_;
  AppEnv env_;
  Shared shared_;
  std::map<Variant, std::map<std::string, BuiltFile>> built_;  // by variant, then day
  BuiltFile nothing_;
  Diagnostics warnings_;
  std::set<std::string> seen_warnings_;
};

}  // namespace broadsheet
