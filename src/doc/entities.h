// HTML character references as Markdown delivers them ("&amp;", "&#x41;"),
// decoded to UTF-8. Private to src/doc/.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

/// The UTF-8 text of a character reference such as "&mdash;", "&#8212;" or
/// "&#x2014;". Numeric references to nothing valid (0, surrogates, beyond
/// U+10FFFF) give U+FFFD, as CommonMark says; named ones are HTML5's (all of
/// them, through gumbo), and unknown names stay literal.
std::string decode_entity(std::string_view reference);

}  // namespace broadsheet
