// The fake TextMeasurer the layout tests share: every code point is half an em
// wide, so expected positions can be worked out by hand.
#pragma once

#include <string_view>

#include "diag/utf8.h"
#include "typeset/measure.h"

namespace broadsheet {

struct HalfEm : TextMeasurer {
  double width(const FontFace&, std::string_view text, double size) override {
    return static_cast<double>(count_code_points(text)) * size * 0.5;
  }
};

}  // namespace broadsheet
