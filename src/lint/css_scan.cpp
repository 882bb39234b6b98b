// Scanning CSS for the features e-reader engines reject or ignore.
#include "lint/css_scan.h"

#include <algorithm>

namespace broadsheet::lint {
namespace {

bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The CSS with comments blanked out (newlines kept, so lines still count) and
// ASCII letters lowered (property names and keywords are case-insensitive).
std::string without_comments(std::string_view css) {
  std::string out(css);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] != '/' || out[i + 1] != '*') continue;
    const size_t end = std::min(out.find("*/", i + 2), out.size() - 2) + 2;
    for (size_t j = i; j < end; ++j)
      if (out[j] != '\n') out[j] = ' ';
    i = end - 1;
  }
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

size_t skip_spaces(std::string_view text, size_t at) {
  while (at < text.size() && is_space(text[at])) ++at;
  return at;
}

size_t ident_end(std::string_view text, size_t at) {
  while (at < text.size() && is_ident(text[at])) ++at;
  return at;
}

// "--name" followed by ':' where a declaration starts (after '{', ';' or the start).
bool custom_property_at(std::string_view css, size_t at, size_t& end) {
  if (css.compare(at, 2, "--") != 0 || at + 2 >= css.size() || !is_ident(css[at + 2])) return false;
  size_t before = at;
  while (before > 0 && is_space(css[before - 1])) --before;
  if (before > 0 && css[before - 1] != '{' && css[before - 1] != ';') return false;
  end = ident_end(css, at + 2);
  const size_t colon = skip_spaces(css, end);
  return colon < css.size() && css[colon] == ':';
}

// "display : [inline-]flex|grid" as a whole word.
bool display_at(std::string_view css, size_t at, std::string& value) {
  if (css.compare(at, 7, "display") != 0 || (at > 0 && is_ident(css[at - 1]))) return false;
  size_t p = skip_spaces(css, at + 7);
  if (p >= css.size() || css[p] != ':') return false;
  p = skip_spaces(css, p + 1);
  const size_t end = ident_end(css, p);
  value = std::string(css.substr(p, end - p));
  return value == "flex" || value == "inline-flex" || value == "grid" || value == "inline-grid";
}

}  // namespace

std::vector<CssHit> scan_css(std::string_view text) {
  const std::string css = without_comments(text);
  std::vector<CssHit> hits;
  int line = 1;
  for (size_t i = 0; i < css.size(); ++i) {
    if (css[i] == '\n') ++line;
    size_t end = 0;
    std::string value;
    if (custom_property_at(css, i, end)) {
      hits.push_back({CssFeature::CustomProperty, line, std::string(text.substr(i, end - i))});
      i = end - 1;
    } else if (css.compare(i, 4, "var(") == 0 && (i == 0 || !is_ident(css[i - 1]))) {
      const size_t close = std::min(css.find(')', i), css.find('\n', i));
      const bool closed = close != std::string::npos && css[close] == ')';
      hits.push_back({CssFeature::CustomProperty, line, std::string(text.substr(i, closed ? close + 1 - i : 4))});
    } else if (display_at(css, i, value)) {
      const CssFeature feature = value.ends_with("flex") ? CssFeature::Flex : CssFeature::Grid;
      hits.push_back({feature, line, "display: " + value});
    }
  }
  return hits;
}

}  // namespace broadsheet::lint
