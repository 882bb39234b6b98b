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
  /// The face a run of text (consecutive text in one face) is set in: the
  /// font fallback's rule (pdf/haru_fonts.h). Without fonts, face itself.
  virtual FontFace run_face(const FontFace& face, std::string_view text) {
    (void)text;
    return face;
  }
};

}  // namespace broadsheet
