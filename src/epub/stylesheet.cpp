// The EPUB stylesheet is the style's own; this file only makes it safe to ship.
#include "epub/stylesheet.h"

#include "diag/utf8.h"

namespace broadsheet::epub {

std::string stylesheet(const Style& style) {
  // Sanitized because epubcheck rejects a stylesheet that is not valid UTF-8.
  return sanitize_text(style.css);
}

}  // namespace broadsheet::epub
