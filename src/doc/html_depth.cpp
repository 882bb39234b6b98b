// A guard in front of gumbo, not a parser: gumbo's tree construction scans the
// stack of open elements, so its time grows with depth times size (20,000
// nested <div>s take 4 s). Start tags that would open elements past a depth
// are removed before parsing; their text stays, as deeper Markdown is merged.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "doc/html.h"

namespace broadsheet::html {
namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_char(char c) { return is_letter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':'; }

// Elements that never stay open (void), or that a sibling closes (p, li, td...):
// they do not count towards the depth.
bool never_nests(std::string_view name) {
  static constexpr std::array<std::string_view, 27> kNames = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
      "param", "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
      "optgroup", "rb", "rt", "rp"};
  for (std::string_view known : kNames) {
    if (known.size() == name.size() &&
        std::equal(name.begin(), name.end(), known.begin(), [](char a, char b) { return (a | 0x20) == b; })) {
      return true;
    }
  }
  return false;
}

// The end of a tag that starts at `at` ('<'), past quoted attribute values.
size_t tag_end(std::string_view html, size_t at) {
  char quote = 0;
  for (size_t i = at + 1; i < html.size(); ++i) {
    char c = html[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return html.size();
}

std::string lower(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(is_letter(c) ? (c | 0x20) : c);
  return out;
}

// Tracks the names of the elements a start tag probably opened.
class DepthEstimate {
 public:
  explicit DepthEstimate(size_t max_depth) : max_depth_(max_depth) {}

  // Whether to keep a start tag; counted ones are remembered.
  bool open(std::string_view name, bool self_closing) {
    if (self_closing || never_nests(name)) return true;
    if (open_.size() >= max_depth_) return false;
    open_.push_back(lower(name));
    return true;
  }
  // An end tag closes up to its element, as the parser would; stray ones do nothing.
  void close(std::string_view name) {
    std::string wanted = lower(name);
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i] != wanted) continue;
      open_.resize(i);
      return;
    }
  }

 private:
  size_t max_depth_;
  std::vector<std::string> open_;
};

}  // namespace

std::string limit_nesting(std::string_view html, size_t max_depth) {
  std::string out;
  out.reserve(html.size());
  DepthEstimate depth(max_depth);
  size_t at = 0;
  while (at < html.size()) {
    size_t lt = html.find('<', at);
    if (lt == std::string_view::npos || lt + 1 >= html.size()) break;
    bool end_tag = html[lt + 1] == '/';
    size_t name_start = lt + (end_tag ? 2 : 1);
    if (name_start >= html.size() || !is_letter(html[name_start])) {
      out.append(html.substr(at, lt + 1 - at));  // not a tag: comments and text stay as they are
      at = lt + 1;
      continue;
    }
    size_t name_end = name_start;
    while (name_end < html.size() && is_name_char(html[name_end])) ++name_end;
    size_t end = tag_end(html, lt);
    std::string_view name = html.substr(name_start, name_end - name_start);
    bool keep = true;
    if (end_tag) {
      depth.close(name);
    } else {
      keep = depth.open(name, end >= 2 && html[end - 2] == '/');
    }
    out.append(html.substr(at, lt - at));
    if (keep) out.append(html.substr(lt, end - lt));
    at = end;
  }
  if (at < html.size()) out.append(html.substr(at));
  return out;
}

}  // namespace broadsheet::html
