// style.css for the EPUB: the style's own CSS (styles/NAME.css, which the build
// makes from styles/css/base.css and the style's own rules). There is no
// built-in copy: an empty stylesheet leaves the book to the reader's defaults.
#pragma once

#include <string>

#include "style/style.h"

namespace broadsheet::epub {

/// style.css: Style::css, as valid UTF-8.
std::string stylesheet(const Style& style);

}  // namespace broadsheet::epub
