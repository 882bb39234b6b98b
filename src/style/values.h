// Parsing the scalar values of a style file: lengths, colours, page sizes.
// Private to src/style/; parse_length itself is public (style.h).
#pragma once

#include <optional>
#include <string_view>

#include "style/style.h"

namespace broadsheet {

/// "#RRGGBB" (hex digits in either case) to a colour; nullopt otherwise.
std::optional<Color> parse_color(std::string_view text);

struct PageSize {
  double width = 0, height = 0;  ///< points
};

/// A named page size ("A4", "A5", "Letter", any letter case); nullopt otherwise.
std::optional<PageSize> page_preset(std::string_view name);

/// A whole number in [min, max], nothing else; nullopt otherwise.
std::optional<int> parse_int_in_range(std::string_view text, int min, int max);

}  // namespace broadsheet
