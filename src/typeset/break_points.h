// Line-break opportunities inside a token (text between spaces), from
// libunibreak's UAX #14 implementation: after '/' and '?' in URLs, after
// hyphens and dashes in compounds, between CJK characters.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace broadsheet {

/// Byte offsets strictly inside `token` (0 < offset < size) where a line may
/// break. `language` is a BCP 47 tag; libunibreak tailors a few rules by it.
std::vector<std::size_t> break_opportunities(std::string_view token, std::string_view language);

}  // namespace broadsheet
