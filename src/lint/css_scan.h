// What lint looks for in CSS, found by scanning (no CSS parser: the rules need
// only declarations' names and display values): custom properties and var(),
// display: flex and display: grid. Comments are skipped; lines are counted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::lint {

enum class CssFeature { CustomProperty, Flex, Grid };

struct CssHit {
  CssFeature feature;
  int line = 1;       ///< 1-based within the text given
  std::string what;   ///< "--accent", "var(--accent)", "display: flex"
};

/// Every custom property, var(), display: (inline-)flex and (inline-)grid in css.
std::vector<CssHit> scan_css(std::string_view css);

}  // namespace broadsheet::lint
