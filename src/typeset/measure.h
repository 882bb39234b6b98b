// The seam between layout and real fonts: layout asks widths through this
// interface, so it can be tested with a fake and never touches libharu.
#pragma once

#include <string_view>

#include "display/display_list.h"

namespace broadsheet {

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  /// Advance width, in points, of UTF-8 text (no controls) in face at size,
  /// counting fallback fonts for characters the face lacks.
  virtual double width(const FontFace& face, std::string_view text, double size) = 0;
};

}  // namespace broadsheet
