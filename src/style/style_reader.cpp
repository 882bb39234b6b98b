// The keys of a style file and how each value is read. Every key is optional;
// a missing one keeps the Style default. Groups (margins, fonts, sizes, colors)
// are tables from sub-key to Style field, so adding a key is one table row.
#include "style/style_reader.h"

#include <cstdlib>
#include <filesystem>
#include <span>
#include <string_view>

#include "image/image_format.h"
#include "env/files.h"
#include "input/fields.h"
#include "style/values.h"

namespace broadsheet {
namespace {

template <typename Field>
struct GroupKey {
  std::string_view name;
  Field field;
};

constexpr GroupKey<double Style::*> kMarginKeys[] = {
    {"top", &Style::margin_top}, {"bottom", &Style::margin_bottom},
    {"inner", &Style::margin_inner}, {"outer", &Style::margin_outer},
};

constexpr GroupKey<double Style::*> kSizeKeys[] = {
    {"body", &Style::body_size}, {"leading", &Style::body_leading},
    {"title", &Style::title_size}, {"heading", &Style::heading_size},
    {"masthead", &Style::masthead_size}, {"small", &Style::small_size},
    {"code", &Style::code_size},
};

constexpr GroupKey<std::string FontRoles::*> kFontKeys[] = {
    {"body", &FontRoles::body}, {"heading", &FontRoles::heading}, {"mono", &FontRoles::mono},
};

constexpr GroupKey<Color Style::*> kColorKeys[] = {
    {"text", &Style::text}, {"accent", &Style::accent}, {"link", &Style::link},
};

constexpr GroupKey<Color CoverStyle::*> kCoverColorKeys[] = {
    {"background", &CoverStyle::background}, {"foreground", &CoverStyle::foreground},
    {"accent", &CoverStyle::accent},
};

// A number's bounds, and how a diagnostic says them.
struct NumberRange {
  double min = 0, max = 0;
  std::string_view said;
};
constexpr NumberRange kLetterSpacingRange{0, 0.05, "0 to 0.05 (em)"};
constexpr NumberRange kWordSpaceRange{0, 10, "0 to 10"};

constexpr GroupKey<double PageSize::*> kPageKeys[] = {
    {"width", &PageSize::width}, {"height", &PageSize::height},
};

// A group's key names, and any others it takes, for "did you mean".
template <typename Field, size_t N>
std::vector<std::string_view> key_names(const GroupKey<Field> (&keys)[N], std::vector<std::string_view> others = {}) {
  for (const auto& key : keys) others.push_back(key.name);
  return others;
}

template <typename Field, size_t N>
const GroupKey<Field>* find_key(const GroupKey<Field> (&keys)[N], std::string_view name) {
  for (const auto& key : keys) {
    if (key.name == name) return &key;
  }
  return nullptr;
}

// What a value is, for "expected ..., got ..." messages.
std::string describe(const YAML::Node& value) {
  if (value.IsScalar()) return "\"" + value.Scalar() + "\"";
  if (value.IsMap()) return "a mapping";
  if (value.IsSequence()) return "a list";
  return "nothing";
}

class StyleReader {
 public:
  StyleReader(const SourceText& source, Style& style, Diagnostics& diags)
      : source_(source), style_(style), diags_(diags) {}

  void read(const YAML::Node& root);

 private:
  SourceLoc at(const YAML::Node& node) const;
  void expected(const YAML::Node& value, std::string_view key, std::string_view what,
                std::string hint = {});
  void unknown_key(const YAML::Node& key, std::string_view group, std::span<const std::string_view> known);
  bool is_map(const YAML::Node& value, std::string_view key);

  template <typename Field, size_t N, typename Read>
  void read_group(const YAML::Node& value, std::string_view key,
                  const GroupKey<Field> (&keys)[N], Read read_one);

  bool read_length(const YAML::Node& value, std::string_view key, double& out);
  void read_size(const YAML::Node& value, std::string_view key, double& out);
  void read_bool(const YAML::Node& value, std::string_view key, bool& out);
  void read_color(const YAML::Node& value, std::string_view key, Color& out);
  void read_font(const YAML::Node& value, std::string_view key, std::string& out);
  void read_fonts(const YAML::Node& value);
  void read_fallbacks(const YAML::Node& value);
  void read_page(const YAML::Node& value);
  void read_columns(const YAML::Node& value);
  void read_image_dpi(const YAML::Node& value);
  void read_number(const YAML::Node& value, std::string_view key, NumberRange range, double& out);
  void read_cover(const YAML::Node& value);
  void read_cover_logo(const YAML::Node& value);
  void read_top_level(const YAML::Node& key, const YAML::Node& value);

  const SourceText& source_;
  Style& style_;
  Diagnostics& diags_;
};

constexpr std::string_view kTopLevelKeys[] = {
    "page",    "margins",   "columns",        "gutter",         "column_rule", "fonts", "sizes",     "paragraph_indent",
    "justify", "hyphenate", "letter_spacing", "max_word_space", "colors",      "cover", "image_dpi", "grayscale"};

void StyleReader::read(const YAML::Node& root) {
  if (root.IsNull()) return;  // an empty file: every default
  if (!is_map(root, "the style file")) return;
  for (const auto& entry : root) read_top_level(entry.first, entry.second);
}

void StyleReader::read_top_level(const YAML::Node& key, const YAML::Node& value) {
  const std::string& name = key.Scalar();
  if (name == "page") return read_page(value);
  if (name == "columns") return read_columns(value);
  if (name == "cover") return read_cover(value);
  if (name == "gutter") { read_length(value, name, style_.gutter); return; }
  if (name == "paragraph_indent") { read_length(value, name, style_.paragraph_indent); return; }
  if (name == "column_rule") return read_bool(value, name, style_.column_rule);
  if (name == "justify") return read_bool(value, name, style_.justify);
  if (name == "hyphenate") return read_bool(value, name, style_.hyphenate);
  if (name == "grayscale") return read_bool(value, name, style_.grayscale);
  if (name == "image_dpi") return read_image_dpi(value);
  if (name == "letter_spacing") return read_number(value, name, kLetterSpacingRange, style_.letter_spacing);
  if (name == "max_word_space") return read_number(value, name, kWordSpaceRange, style_.max_word_space);
  if (name == "margins") {
    return read_group(value, name, kMarginKeys, [&](const YAML::Node& v, const std::string& k,
                                                    double Style::*field) {
      read_length(v, k, style_.*field);
    });
  }
  if (name == "sizes") {
    return read_group(value, name, kSizeKeys, [&](const YAML::Node& v, const std::string& k,
                                                  double Style::*field) {
      read_size(v, k, style_.*field);
    });
  }
  if (name == "fonts") return read_fonts(value);
  if (name == "colors") {
    return read_group(value, name, kColorKeys, [&](const YAML::Node& v, const std::string& k,
                                                   Color Style::*field) {
      read_color(v, k, style_.*field);
    });
  }
  unknown_key(key, "", kTopLevelKeys);
}

SourceLoc StyleReader::at(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourceLoc{source_.file, 0, 0};
  return source_.loc(mark);
}

void StyleReader::expected(const YAML::Node& value, std::string_view key, std::string_view what,
                           std::string hint) {
  diags_.error(at(value),
               std::string(key) + ": expected " + std::string(what) + ", got " + describe(value),
               std::move(hint));
}

void StyleReader::unknown_key(const YAML::Node& key, std::string_view group,
                              std::span<const std::string_view> known) {
  std::string where = group.empty() ? "" : " in " + std::string(group);
  diags_.warning(at(key), "unknown style key '" + key.Scalar() + "'" + where, did_you_mean(key.Scalar(), known));
}

bool StyleReader::is_map(const YAML::Node& value, std::string_view key) {
  if (value.IsMap()) return true;
  expected(value, key, "a mapping of keys to values");
  return false;
}

template <typename Field, size_t N, typename Read>
void StyleReader::read_group(const YAML::Node& value, std::string_view key,
                             const GroupKey<Field> (&keys)[N], Read read_one) {
  if (!is_map(value, key)) return;
  for (const auto& entry : value) {
    const auto* known = find_key(keys, entry.first.Scalar());
    if (known == nullptr) {
      unknown_key(entry.first, key, key_names(keys));
      continue;
    }
    read_one(entry.second, std::string(key) + "." + std::string(known->name), known->field);
  }
}

bool StyleReader::read_length(const YAML::Node& value, std::string_view key, double& out) {
  double points = 0;
  if (value.IsScalar() && parse_length(value.Scalar(), points)) {
    out = points;
    return true;
  }
  expected(value, key, "a length such as 12pt, 20mm, 2cm or 0.75in");
  return false;
}

void StyleReader::read_size(const YAML::Node& value, std::string_view key, double& out) {
  double points = 0;
  if (value.IsScalar() && parse_length(value.Scalar(), points) && points > 0) {
    out = points;
    return;
  }
  expected(value, key, "a size in points such as 10.5");
}

void StyleReader::read_bool(const YAML::Node& value, std::string_view key, bool& out) {
  if (value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "false")) {
    out = value.Scalar() == "true";
    return;
  }
  expected(value, key, "true or false");
}

void StyleReader::read_color(const YAML::Node& value, std::string_view key, Color& out) {
  std::optional<Color> color;
  if (value.IsScalar()) color = parse_color(value.Scalar());
  if (color) {
    out = *color;
    return;
  }
  // An unquoted #RRGGBB is a YAML comment, which leaves the value empty.
  std::string hint = value.IsNull() ? "quote the color: an unquoted # starts a YAML comment" : "";
  expected(value, key, "a color \"#RRGGBB\"", std::move(hint));
}

void StyleReader::read_font(const YAML::Node& value, std::string_view key, std::string& out) {
  if (value.IsScalar() && !value.Scalar().empty()) {
    out = value.Scalar();
    return;
  }
  expected(value, key, "a font family name such as \"DejaVu Serif\"");
}

// fonts: the role families are a table like the others; fallbacks is a list.
void StyleReader::read_fonts(const YAML::Node& value) {
  if (!is_map(value, "fonts")) return;
  for (const auto& entry : value) {
    const std::string& key = entry.first.Scalar();
    if (key == "fallbacks") {
      read_fallbacks(entry.second);
    } else if (const auto* known = find_key(kFontKeys, key)) {
      read_font(entry.second, "fonts." + key, style_.fonts.*known->field);
    } else {
      unknown_key(entry.first, "fonts", key_names(kFontKeys, {"fallbacks"}));
    }
  }
}

void StyleReader::read_fallbacks(const YAML::Node& value) {
  constexpr std::string_view kExpected = "a list of font family names such as [\"Noto Sans Thai\"]";
  if (!value.IsSequence()) return expected(value, "fonts.fallbacks", kExpected);
  std::vector<std::string> families;
  for (const auto& item : value) {
    if (!item.IsScalar() || item.Scalar().empty()) return expected(item, "fonts.fallbacks", kExpected);
    families.push_back(item.Scalar());
  }
  style_.fonts.fallbacks = std::move(families);
}

void StyleReader::read_page(const YAML::Node& value) {
  constexpr std::string_view kExpected = "A4, A5, Letter or {width: ..., height: ...}";
  if (value.IsScalar()) {
    std::optional<PageSize> preset = page_preset(value.Scalar());
    if (!preset) return expected(value, "page", kExpected);
    style_.page_width = preset->width;
    style_.page_height = preset->height;
    return;
  }
  if (!value.IsMap()) return expected(value, "page", kExpected);
  PageSize size;
  bool ok = true;
  read_group(value, "page", kPageKeys, [&](const YAML::Node& v, const std::string& k,
                                           double PageSize::*field) {
    ok = read_length(v, k, size.*field) && ok;
  });
  if (!ok) return;
  if (size.width <= 0 || size.height <= 0) return expected(value, "page", "a width and a height");
  style_.page_width = size.width;
  style_.page_height = size.height;
}

void StyleReader::read_columns(const YAML::Node& value) {
  std::optional<int> columns;
  if (value.IsScalar()) columns = parse_int_in_range(value.Scalar(), 1, 3);
  if (!columns) return expected(value, "columns", "a whole number from 1 to 3");
  style_.columns = *columns;
}

void StyleReader::read_image_dpi(const YAML::Node& value) {
  std::optional<int> dpi;
  if (value.IsScalar()) dpi = parse_int_in_range(value.Scalar(), 72, 600);
  if (!dpi) return expected(value, "image_dpi", "a whole number from 72 to 600");
  style_.image_dpi = *dpi;
}

// A plain decimal in [min, max]; the bounds keep a typo from wrecking the page.
void StyleReader::read_number(const YAML::Node& value, std::string_view key, NumberRange range, double& out) {
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    char* end = nullptr;
    double number = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size() && number >= range.min && number <= range.max) {
      out = number;
      return;
    }
  }
  expected(value, key, "a number from " + std::string(range.said));
}

// cover: the colours are a table like the others; logo is a path beside the style.
void StyleReader::read_cover(const YAML::Node& value) {
  if (!is_map(value, "cover")) return;
  for (const auto& entry : value) {
    const std::string& key = entry.first.Scalar();
    if (key == "logo") {
      read_cover_logo(entry.second);
    } else if (const auto* known = find_key(kCoverColorKeys, key)) {
      read_color(entry.second, "cover." + key, style_.cover.*known->field);
    } else {
      unknown_key(entry.first, "cover", key_names(kCoverColorKeys, {"logo"}));
    }
  }
}

// The logo is drawn by cairo, which reads PNG only; it is read now so that a
// bad file is a diagnostic at load time, not a failure halfway through a build.
void StyleReader::read_cover_logo(const YAML::Node& value) {
  if (!value.IsScalar() || value.Scalar().empty()) {
    return expected(value, "cover.logo", "a path to a PNG image, relative to the style file");
  }
  std::filesystem::path path = std::filesystem::path(source_.file).parent_path() / value.Scalar();
  std::string bytes;
  try {
    bytes = read_file(path);
  } catch (const EnvironmentError& e) {
    diags_.error(at(value), "cover.logo: cannot read the image: " + e.reason());
    return;
  }
  if (sniff_image_format(bytes) != ImageFormat::Png) {
    return expected(value, "cover.logo", "a PNG image", "the format is read from the file's bytes");
  }
  style_.cover.logo_png = std::move(bytes);
}

}  // namespace

void apply_style_yaml(const YAML::Node& root, const SourceText& source, Style& style, Diagnostics& diags) {
  StyleReader(source, style, diags).read(root);
}

}  // namespace broadsheet
