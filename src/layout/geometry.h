// Page geometry of a style as layout sees it: the boxes images are prepared
// for (a column's width, the text block's height).
#pragma once

#include "image/prepare.h"
#include "style/style.h"

namespace broadsheet {

/// The targets a style implies: its column's box at its image_dpi, grayscale.
ImageTargets image_targets(const Style& style, bool grayscale);

}  // namespace broadsheet
