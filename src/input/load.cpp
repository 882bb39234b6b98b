// The input stage: digest files (YAML) to one validated Digest. A file is
// either a bare list of articles or a mapping of edition settings with
// 'articles'; several files are merged in order. Limits: see source_text.h.
#include "input/load.h"

#include <yaml-cpp/yaml.h>

#include <date/tz.h>

#include <array>
#include <map>

#include "image/image_format.h"
#include "diag/utf8.h"
#include "env/files.h"
#include "input/articles.h"
#include "input/fields.h"
#include "input/yaml_reader.h"
#include "model/days.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::string_view, 8> kTopLevelKeys = {
    "title", "subtitle", "publisher", "language", "timezone", "style", "cover", "articles"};

// The edition settings, by key; the same table drives reading and merging.
struct MetaField {
  std::string_view key;
  std::string EditionMeta::*member;
};
constexpr std::array<MetaField, 7> kMetaFields = {{{"title", &EditionMeta::title},
                                                   {"subtitle", &EditionMeta::subtitle},
                                                   {"publisher", &EditionMeta::publisher},
                                                   {"language", &EditionMeta::language},
                                                   {"timezone", &EditionMeta::timezone},
                                                   {"style", &EditionMeta::style},
                                                   {"cover", &EditionMeta::cover}}};

/// An edition setting a file gave explicitly, and where.
struct Setting {
  std::string value;
  SourceLoc loc;
};

/// One file's result before merging: which settings it gave explicitly.
struct ParsedFile {
  Digest digest;
  std::map<std::string_view, Setting> settings;
};

// Close IANA names for a mistyped zone ("Europe/Berln"), from the tz database.
std::string suggest_time_zone(const std::string& name) {
  try {
    std::vector<std::string_view> names;
    for (const auto& zone : date::get_tzdb().zones) names.push_back(zone.name());
    std::string hint = did_you_mean(name, names);
    return hint.empty() ? "use an IANA name such as 'Europe/Berlin' or 'UTC'" : hint;
  } catch (const std::exception&) {
    return {};
  }
}

// A cover image is kept only when its bytes say PNG or JPEG (the name may lie).
// Problems point at the key: the path is the digest author's to fix.
bool check_cover(FieldReader& reader, const Entry& entry, const std::string& written,
                 const fs::path& path) {
  const std::string what = "cover image '" + written + "'";
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) {
    reader.error(reader.loc(entry.key_node), what + " is " + mebibytes(size) + "; the limit is " +
                                                 mebibytes(kMaxInputBytes));
    return false;
  }
  try {
    const std::optional<ImageFormat> format = sniff_image_format(read_file(path));
    if (format && is_png_or_jpeg(*format)) return true;
    reader.error(reader.loc(entry.key_node), what + " is not a PNG or JPEG image",
                 "the format is read from the file's first bytes, not from its name");
  } catch (const EnvironmentError& e) {
    reader.error(reader.loc(entry.key_node), what + " cannot be read: " + e.reason(),
                 "the path is relative to the folder of the digest file");
  }
  return false;
}

// Checks a setting's value; returns false after reporting a problem.
bool check_setting(FieldReader& reader, const Entry& entry, const std::string& value) {
  if (entry.key == "timezone" && !is_known_time_zone(value)) {
    reader.error(reader.loc(entry.value), "unknown time zone '" + value + "'",
                 suggest_time_zone(value));
    return false;
  }
  return entry.key != "language" || reader.check_language(entry, value);
}

void read_setting(FieldReader& reader, const Entry& entry, ParsedFile& parsed) {
  for (const MetaField& field : kMetaFields) {
    if (entry.key != field.key) continue;
    auto text = reader.optional_text(entry);
    if (!text) return;
    std::string value = collapse_whitespace(*text);
    if (value.empty() || !check_setting(reader, entry, value)) return;
    if (entry.key == "cover") {
      fs::path path = fs::path(reader.source().file).parent_path() / value;
      if (!check_cover(reader, entry, value, path)) return;
      value = path.lexically_normal().string();
    }
    // A style given by path (not a shipped style's name) is found beside the
    // digest, as its images are, whatever folder cron runs the tool from.
    const bool style_path = value.find('/') != std::string::npos || value.ends_with(".yaml");
    if (entry.key == "style" && style_path && fs::path(value).is_relative()) {
      value = (fs::path(reader.source().file).parent_path() / value).lexically_normal().string();
    }
    parsed.digest.meta.*field.member = value;
    parsed.settings[field.key] = Setting{value, reader.loc(entry.value)};
  }
}

void read_articles(const YAML::Node& list, const SourceText& source, ParsedFile& parsed,
                   Diagnostics& diags) {
  if (list.size() > kMaxArticles) {
    diags.error(source.loc(list.Mark()), "too many articles: " + std::to_string(list.size()) +
                                             "; the limit is " + std::to_string(kMaxArticles));
    return;
  }
  int number = 0;
  for (const auto& item : list) {
    auto article = read_article(item, ++number, source, diags);
    if (!article) continue;
    article->base_dir = fs::path(source.file).parent_path();
    if (article->base_dir.empty()) article->base_dir = ".";
    article->input_index = static_cast<int>(parsed.digest.articles.size());
    parsed.digest.articles.push_back(std::move(*article));
  }
}

// The value of 'articles:' (or the whole file), which must be a non-empty list.
void read_article_list(const Entry& entry, FieldReader& reader, ParsedFile& parsed) {
  const YAML::Node& list = entry.value;
  if (list.IsNull() || (list.IsSequence() && list.size() == 0)) {
    reader.error(reader.value_loc(entry), "no articles: 'articles' is empty");
  } else if (!list.IsSequence()) {
    reader.error(reader.loc(list), "'articles' must be a list of articles, not " + describe_node(list),
                 "start each article with '- ' on its own line");
  } else {
    read_articles(list, reader.source(), parsed, reader.diagnostics());
  }
}

void read_mapping(const YAML::Node& root, const SourceText& source, ParsedFile& parsed,
                  Diagnostics& diags) {
  FieldReader reader(source, diags, "");
  bool has_articles = false;
  reader.each_entry(root, kTopLevelKeys, [&](const Entry& entry) {
    if (entry.key == "articles") {
      has_articles = true;
      read_article_list(entry, reader, parsed);
    } else {
      read_setting(reader, entry, parsed);
    }
  });
  if (!has_articles) {
    const bool looks_like_article = root["date"].IsDefined() || root["body"].IsDefined();
    reader.error(reader.loc(root), "no articles: the file has no 'articles' list",
                 looks_like_article ? "to give articles without edition settings, start each "
                                      "with '- ' to make a list"
                                    : "add 'articles:' followed by a list of articles");
  }
}

ParsedFile parse_file(const std::string& file, std::string_view text, Diagnostics& diags,
                      Executor* executor = nullptr) {
  ParsedFile parsed;
  auto source = check_source(file, text, diags);
  if (!source) return parsed;
  auto root = parse_yaml(*source, diags, executor);
  if (!root) return parsed;
  if (root->IsNull()) {
    diags.error({file}, "no articles: the file is empty or has only comments");
  } else if (root->IsSequence()) {
    if (root->size() == 0) diags.error(source->loc(root->Mark()), "no articles: the list is empty");
    read_articles(*root, *source, parsed, diags);
  } else if (root->IsMap()) {
    read_mapping(*root, *source, parsed, diags);
  } else {
    diags.error(source->loc(root->Mark()),
                "expected a list of articles or a mapping with 'articles', not a single text",
                "the input format is in broadsheet-digest(5)");
  }
  return parsed;
}

std::optional<std::string> read_input(const fs::path& path, Diagnostics& diags) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) {  // refuse before reading it all into memory
    diags.error({path.string()}, "the file is " + mebibytes(size) + "; the limit is " +
                                     mebibytes(kMaxInputBytes));
    return std::nullopt;
  }
  try {
    return read_file(path);
  } catch (const EnvironmentError& e) {
    diags.error({path.string()}, "cannot read: " + e.reason());
    return std::nullopt;
  }
}

// Adds a later file's settings: the first file to set a field wins.
void merge_settings(const ParsedFile& later, EditionMeta& meta,
                    std::map<std::string_view, Setting>& first, Diagnostics& diags) {
  for (const MetaField& field : kMetaFields) {
    auto given = later.settings.find(field.key);
    if (given == later.settings.end()) continue;
    auto [earlier, added] = first.try_emplace(field.key, given->second);
    if (added) {
      meta.*field.member = given->second.value;
    } else if (earlier->second.value != given->second.value) {
      const SourceLoc& at = earlier->second.loc;
      // Appended: "'" + a temporary string trips GCC 12's false -Wrestrict at -O3.
      std::string message = "'";
      message.append(field.key).append("' is '").append(given->second.value).append("' here but '");
      message.append(earlier->second.value).append("' in ").append(at.file).append(":");
      message.append(std::to_string(at.line)).append("; using '").append(earlier->second.value).append("'");
      diags.warning(given->second.loc, message);
    }
  }
}

}  // namespace

Digest parse_digest(const std::string& file, std::string_view text, Diagnostics& diags) {
  return parse_file(file, text, diags).digest;
}

Digest load_digests(const std::vector<fs::path>& files, Diagnostics& diags, Executor* executor) {
  Digest merged;
  std::map<std::string_view, Setting> first_settings;
  for (const fs::path& path : files) {
    auto text = read_input(path, diags);
    if (!text) continue;
    ParsedFile parsed = parse_file(path.string(), *text, diags, executor);
    merge_settings(parsed, merged.meta, first_settings, diags);
    for (Article& article : parsed.digest.articles) {
      article.input_index = static_cast<int>(merged.articles.size());
      merged.articles.push_back(std::move(article));
    }
  }
  if (merged.articles.size() > kMaxArticles && !files.empty()) {
    diags.error({files.back().string()}, "too many articles: " + std::to_string(merged.articles.size()) +
                                             " in all inputs; the limit is " + std::to_string(kMaxArticles));
  }
  return merged;
}

}  // namespace broadsheet
