// style.css for the EPUB: the style's own CSS, or a built-in default coloured
// from the style's PDF colours so both outputs of one style look related.
#pragma once

#include <string>

#include "style/style.h"

namespace broadsheet::epub {

/// style.css; Style::css when it has any, otherwise default_stylesheet(style).
std::string stylesheet(const Style& style);

/// The built-in stylesheet, with the style's text, accent and link colours.
std::string default_stylesheet(const Style& style);

}  // namespace broadsheet::epub
