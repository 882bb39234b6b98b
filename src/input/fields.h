// Reading the fields of one YAML mapping with strict type checks: duplicate
// and unknown keys, text versus lists and mappings, empty values. Only the
// expected fields are read, never arbitrary subtrees (alias bombs).
#pragma once

#include <yaml-cpp/node/node.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "input/source_text.h"

namespace broadsheet {

/// One key: value pair of a mapping, in source order.
struct Entry {
  std::string key;
  YAML::Node key_node;
  YAML::Node value;
};

/// Reports problems with one mapping's fields, every message starting with
/// the owner's context ("article 3 ('Markets rally'): ", or nothing for the
/// top level).
class FieldReader {
 public:
  FieldReader(const SourceText& source, Diagnostics& diags, std::string context);

  /// Calls read for each entry with a known key, in source order; reports
  /// non-text keys and duplicates (keeping the first, like yaml-cpp) and warns
  /// about unknown keys, in the same pass so that diagnostics stay in file order.
  void each_entry(const YAML::Node& map, std::span<const std::string_view> known,
                  const std::function<void(const Entry&)>& read);

  /// The value as text (sanitized, not trimmed); nullopt when it is null or
  /// empty, or not text (reported).
  std::optional<std::string> optional_text(const Entry& entry);
  /// Like optional_text, but an absent, null, empty or blank value is an error.
  std::optional<std::string> required_text(const Entry& entry);
  /// Text or a list of texts; empty items are skipped.
  std::vector<std::string> text_list(const Entry& entry);

  /// True when value is a language tag (is_language_tag); else reports it.
  bool check_language(const Entry& entry, const std::string& value);

  /// Where the value is; for a null value (`key:` with nothing), the key.
  SourceLoc value_loc(const Entry& entry) const;
  SourceLoc loc(const YAML::Node& node) const { return source_.loc(node.Mark()); }
  void error(SourceLoc loc, const std::string& message, std::string hint = {});
  void warning(SourceLoc loc, const std::string& message, std::string hint = {});

  const SourceText& source() const { return source_; }
  Diagnostics& diagnostics() { return diags_; }

 private:
  std::optional<std::string> scalar_text(const Entry& entry, const char* expected);

  const SourceText& source_;
  Diagnostics& diags_;
  std::string prefix_;
};

/// "a list", "a mapping", "text", "empty": what a node is, for messages.
std::string describe_node(const YAML::Node& node);

/// The candidate closest to word by edit distance (transpositions count as
/// one edit, case is ignored), when it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

/// "did you mean 'title'?" or "" when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

/// A loose BCP 47 check: "en", "pt-BR", "zh-Hant-TW" (letters, digits, hyphens).
bool is_language_tag(std::string_view tag);

}  // namespace broadsheet
