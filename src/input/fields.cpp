// Strict, non-recursive reading of mapping fields, and the edit-distance
// suggestions used for unknown keys, formats and time zones.
#include "input/fields.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Optimal string alignment distance, case-insensitive.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

// A null that was written as `~` or `null`: worth a hint about quoting.
bool written_as_null_word(const SourceText& source, const YAML::Node& value) {
  std::string_view line = source.line(value.Mark().line);
  std::string_view rest = line.substr(std::min(line.size(), static_cast<size_t>(value.Mark().column)));
  return rest.substr(0, 1) == "~" || lower(rest.empty() ? ' ' : rest[0]) == 'n';
}

}  // namespace

FieldReader::FieldReader(const SourceText& source, Diagnostics& diags, std::string context)
    : source_(source), diags_(diags), prefix_(context.empty() ? "" : context + ": ") {}

void FieldReader::error(SourceLoc at, const std::string& message, std::string hint) {
  diags_.error(std::move(at), prefix_ + message, std::move(hint));
}

void FieldReader::warning(SourceLoc at, const std::string& message, std::string hint) {
  diags_.warning(std::move(at), prefix_ + message, std::move(hint));
}

void FieldReader::each_entry(const YAML::Node& map, std::span<const std::string_view> known,
                             const std::function<void(const Entry&)>& read) {
  std::map<std::string, int> first_line;
  for (const auto& pair : map) {
    if (!pair.first.IsScalar()) {
      error(loc(pair.first), "a key must be text, not " + describe_node(pair.first));
      continue;
    }
    std::string key = pair.first.Scalar();
    auto [seen, added] = first_line.try_emplace(key, loc(pair.first).line);
    if (!added) {
      error(loc(pair.first), "duplicate key '" + key + "' (first at line " +
                                 std::to_string(seen->second) + ")",
            "remove one of them; only the first would be used");
      continue;
    }
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      const char* what = prefix_.empty() ? "unknown top-level key '" : "unknown key '";
      warning(loc(pair.first), what + sanitize_text(key) + "'", did_you_mean(key, known));
      continue;
    }
    read(Entry{std::move(key), pair.first, pair.second});
  }
}

bool FieldReader::check_language(const Entry& entry, const std::string& value) {
  if (is_language_tag(value)) return true;
  std::string hyphenated = value;
  std::replace(hyphenated.begin(), hyphenated.end(), '_', '-');
  error(loc(entry.value),
        "'" + entry.key + "' must be a BCP 47 language tag such as 'en' or 'pt-BR', not '" + value + "'",
        is_language_tag(hyphenated) ? "write it as '" + hyphenated + "'" : "");
  return false;
}

SourceLoc FieldReader::value_loc(const Entry& entry) const {
  const bool on_key_line = entry.value.Mark().line == entry.key_node.Mark().line;
  return entry.value.IsNull() && !on_key_line ? loc(entry.key_node) : loc(entry.value);
}

std::optional<std::string> FieldReader::scalar_text(const Entry& entry, const char* expected) {
  if (entry.value.IsNull()) return std::nullopt;
  if (!entry.value.IsScalar()) {
    error(loc(entry.value), "'" + entry.key + "' must be " + expected + ", not " +
                                describe_node(entry.value));
    return std::nullopt;
  }
  return sanitize_text(entry.value.Scalar());
}

std::optional<std::string> FieldReader::optional_text(const Entry& entry) {
  auto text = scalar_text(entry, "text");
  if (!text || text->empty()) return std::nullopt;
  return text;
}

std::optional<std::string> FieldReader::required_text(const Entry& entry) {
  if (entry.value.IsNull()) {
    bool null_word = value_loc(entry).line == loc(entry.key_node).line &&
                     written_as_null_word(source_, entry.value);
    error(value_loc(entry), "'" + entry.key + "' has no value",
          null_word ? "YAML reads ~ and null as 'no value'; put the text in quotes" : "");
    return std::nullopt;
  }
  auto text = scalar_text(entry, "text");
  if (!text) return std::nullopt;
  if (text->empty()) {
    error(loc(entry.value), "'" + entry.key + "' is empty");
    return std::nullopt;
  }
  if (is_blank(*text)) {
    error(loc(entry.value), "'" + entry.key + "' has only whitespace");
    return std::nullopt;
  }
  return text;
}

std::vector<std::string> FieldReader::text_list(const Entry& entry) {
  std::vector<std::string> out;
  if (!entry.value.IsSequence()) {
    auto text = scalar_text(entry, "text or a list of texts");
    if (text && !is_blank(*text)) out.push_back(collapse_whitespace(*text));
    return out;
  }
  int number = 0;
  for (const auto& item : entry.value) {
    ++number;
    if (item.IsNull()) continue;
    if (!item.IsScalar()) {
      error(loc(item), "'" + entry.key + "' item " + std::to_string(number) +
                           " must be text, not " + describe_node(item));
      continue;
    }
    std::string text = collapse_whitespace(sanitize_text(item.Scalar()));
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::string describe_node(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar: return "text";
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: return "empty";
  }
  return "empty";
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
  // At most two edits, and fewer edits than the word has letters ("x" is no typo of "url").
  const size_t limit = std::min<size_t>(2, word.size() > 0 ? word.size() - 1 : 0);
  std::optional<std::string> best;
  size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  auto match = closest_match(word, candidates);
  return match ? "did you mean '" + *match + "'?" : std::string();
}

bool is_language_tag(std::string_view tag) {
  auto is_letter = [](char c) { return lower(c) >= 'a' && lower(c) <= 'z'; };
  auto is_alnum = [](char c) { return (lower(c) >= 'a' && lower(c) <= 'z') || (c >= '0' && c <= '9'); };
  // The primary language: 2 to 8 letters; then subtags of 1 to 8 letters or digits.
  size_t start = 0;
  while (start <= tag.size()) {
    const size_t end = std::min(tag.find('-', start), tag.size());
    std::string_view part = tag.substr(start, end - start);
    const bool primary = start == 0;
    if (part.empty() || part.size() > 8 || (primary && part.size() < 2)) return false;
    if (!std::all_of(part.begin(), part.end(), primary ? +is_letter : +is_alnum)) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace broadsheet
