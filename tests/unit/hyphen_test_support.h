// Test helper: a token with a '-' at each hyphenation point, so that tests
// state the expected breaks as a reader writes them ("hy-phen-ation").
#pragma once

#include <string>

#include "typeset/hyphenate.h"

namespace broadsheet::test {

/// token with '-' inserted at each point hyphenate_token finds.
inline std::string shown(const std::string& token, const std::string& language, Hyphenator& h) {
  std::string out;
  size_t previous = 0;
  for (size_t at : hyphenate_token(token, language, h)) {
    out += token.substr(previous, at - previous) + "-";
    previous = at;
  }
  return out + token.substr(previous);
}

}  // namespace broadsheet::test
