// The fake TextMeasurer the layout tests share: every code point is half an em
// wide, so expected positions can be worked out by hand.
#pragma once

#include <string_view>

#include "typeset/measure.h"

namespace broadsheet {

struct HalfEm : TextMeasurer {
  double width(const FontFace&, std::string_view text, double size) override {
    double n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;  // code points
    return n * size * 0.5;
  }
};

}  // namespace broadsheet
