// Loading a style: find NAME.yaml (or take a path), read its keys onto the
// defaults, check that the page leaves room for text, and take the EPUB
// stylesheet from the NAME.css beside it. Problems are diagnostics.
#include "style/style.h"

#include <algorithm>
#include <optional>
#include <system_error>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "env/files.h"
#include "style/page_geometry.h"
#include "style/style_reader.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

// Narrower than this, a column cannot hold a line of body text.
constexpr double kMinColumnWidth = 72;

bool is_path(const std::string& name_or_path) {
  return name_or_path.find('/') != std::string::npos ||
         (name_or_path.size() >= 5 && name_or_path.ends_with(".yaml"));
}

std::vector<std::string> available_styles(const fs::path& styles_dir) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(styles_dir, error)) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string unknown_style_message(const std::string& name, const fs::path& styles_dir) {
  std::vector<std::string> names = available_styles(styles_dir);
  if (names.empty()) return "unknown style '" + name + "': no styles in " + styles_dir.string();
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return "unknown style '" + name + "'; available styles: " + list;
}

// Read and checked as a digest is (encoding, NUL bytes, size), and located
// the same way: columns in code points.
void read_yaml(const fs::path& path, Style& style, Diagnostics& diags) {
  const std::optional<SourceText> source = check_source(path.string(), read_file(path), diags);
  if (!source) return;
  try {
    apply_style_yaml(YAML::Load(source->text), *source, style, diags);
  } catch (const YAML::Exception& e) {
    diags.error(e.mark.is_null() ? SourceLoc{source->file, 0, 0} : source->loc(e.mark),
                "not a valid style file: " + e.msg);
  }
}

void read_css(const fs::path& yaml_path, Style& style, Diagnostics& diags) {
  fs::path css_path = fs::path(yaml_path).replace_extension(".css");
  if (!fs::is_regular_file(css_path)) {
    diags.error(SourceLoc{yaml_path.string(), 0, 0},
                "style '" + style.name + "' has no stylesheet: " + css_path.string() +
                    " is missing");
    return;
  }
  style.css = read_file(css_path);
}

void check_text_area(const fs::path& path, const Style& style, Diagnostics& diags) {
  const PageGeometry page = page_geometry(style);
  if (page.column_width < kMinColumnWidth || page.text_height() < kMinColumnWidth) {
    diags.error(SourceLoc{path.string(), 0, 0},
                "the margins, columns and gutter leave less than 1in for text on the page");
  }
}

}  // namespace

Style load_style(const std::string& name_or_path, const fs::path& styles_dir,
                 Diagnostics& diags) {
  fs::path path = is_path(name_or_path) ? fs::path(name_or_path)
                                        : styles_dir / (name_or_path + ".yaml");
  Style style;
  style.name = path.stem().string();
  if (!fs::is_regular_file(path)) {
    if (is_path(name_or_path)) {
      diags.error(SourceLoc{path.string(), 0, 0}, "style file not found: " + path.string());
    } else {
      diags.error(SourceLoc{}, unknown_style_message(name_or_path, styles_dir));
    }
    return style;
  }
  int errors_before = diags.error_count();
  read_yaml(path, style, diags);
  if (diags.error_count() == errors_before) check_text_area(path, style, diags);
  read_css(path, style, diags);
  return style;
}

}  // namespace broadsheet
