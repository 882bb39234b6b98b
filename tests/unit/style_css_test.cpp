// The shipped stylesheets are made from one base (styles/styles.cmake): each
// built NAME.css is styles/css/base.css followed by styles/css/NAME.css, and no
// style's own file sets again a property the base sets for the same selector,
// so a rule the styles share lives in the base only.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>

#include "css_test_support.h"
#include "env/files.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;

const fs::path kParts = fs::path(BROADSHEET_SOURCE_DIR) / "styles" / "css";
const fs::path kBuilt = fs::path(BROADSHEET_BUILT_STYLES);
constexpr const char* kShipped[] = {"classic", "newspaper", "ereader"};

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

// Every (single selector, property) a stylesheet sets.
std::set<std::pair<std::string, std::string>> selector_properties(const std::string& css) {
  std::set<std::pair<std::string, std::string>> set;
  const std::string rules = without_comments(css);
  for (size_t start = 0, open; (open = rules.find('{', start)) != std::string::npos;) {
    const size_t close = rules.find('}', open);
    const std::string selectors = rules.substr(start, open - start);
    const std::string body = rules.substr(open + 1, close - open - 1);
    for (size_t s = 0; s <= selectors.size();) {
      const size_t comma = std::min(selectors.find(',', s), selectors.size());
      for (size_t d = 0; d < body.size();) {
        const size_t semicolon = std::min(body.find(';', d), body.size());
        const std::string declaration = body.substr(d, semicolon - d);
        if (declaration.find(':') != std::string::npos) {
          set.insert({trimmed(selectors.substr(s, comma - s)), trimmed(declaration.substr(0, declaration.find(':')))});
        }
        d = semicolon + 1;
      }
      s = comma + 1;
    }
    start = close + 1;
  }
  return set;
}

TEST_CASE("style css: each shipped NAME.css is the base followed by the style's own rules") {
  const std::string base = read_file(kParts / "base.css");
  for (const char* name : kShipped) {
    INFO(name);
    const std::string own = read_file(kParts / (std::string(name) + ".css"));
    CHECK(read_file(kBuilt / (std::string(name) + ".css")) == base + "\n" + own);
  }
}

TEST_CASE("style css: a style's own file never sets again what the base sets for a selector") {
  const auto base = selector_properties(read_file(kParts / "base.css"));
  REQUIRE(base.count({"h1", "page-break-after"}) == 1);
  for (const char* name : kShipped) {
    for (const auto& set : selector_properties(read_file(kParts / (std::string(name) + ".css")))) {
      CHECK_MESSAGE(base.count(set) == 0, name << ": " << set.first << " { " << set.second << " } is in base.css");
    }
  }
}

TEST_CASE("style css: the parser sees each selector of a group and each declaration") {
  const auto set = selector_properties("/* c */ h1, .a b { margin: 0; color: red }\np { x: y; }");
  CHECK(set == std::set<std::pair<std::string, std::string>>{
                   {"h1", "margin"}, {"h1", "color"}, {".a b", "margin"}, {".a b", "color"}, {"p", "x"}});
}

}  // namespace
}  // namespace broadsheet
