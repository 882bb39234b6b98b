// Reading CSS text in tests: the shipped stylesheets' checks (epub, style css).
#pragma once

#include <doctest/doctest.h>

#include <string>

namespace broadsheet {

// The CSS without its comments; a comment holding "--" fails (it would look
// like a custom property to a lint that does not know comments).
inline std::string without_comments(std::string css) {
  for (size_t open = css.find("/*"); open != std::string::npos; open = css.find("/*")) {
    size_t close = css.find("*/", open + 2);
    REQUIRE(close != std::string::npos);
    CHECK_MESSAGE(css.substr(open, close - open).find("--") == std::string::npos, "'--' in a comment");
    css.erase(open, close + 2 - open);
  }
  return css;
}

}  // namespace broadsheet
