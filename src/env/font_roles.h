// The font families a style names for each role: what the style chooses and
// fonts.h resolves to files (here, below both, so neither includes the other).
#pragma once

#include <string>
#include <vector>

namespace broadsheet {

/// Font families by role; each is a fontconfig family name ("DejaVu Serif").
struct FontRoles {
  std::string body = "DejaVu Serif";
  std::string heading = "DejaVu Sans";
  std::string mono = "DejaVu Sans Mono";
  /// Extra families tried, in order, for characters a role's face lacks, before
  /// the built-in chain (DejaVu Sans, Droid Sans Fallback, NanumGothic, Noto Sans,
  /// Noto Sans Symbols, Noto Sans Symbols2, Symbola).
  std::vector<std::string> fallbacks;
};

}  // namespace broadsheet
