// Placing figures in the flow: the image at the column's width (or smaller,
// when it has fewer pixels than that width shows well), its caption below in
// small italic; never split: moved whole to the next column or page.
#pragma once

#include "doc/document.h"
#include "pdf/compose.h"

namespace broadsheet {

/// Places a Figure block between indents (left, right) of the column. A figure
/// taller than a whole column is scaled down to fit one. Does nothing when the
/// figure has no image (skipped with --skip-bad-images).
void place_figure(const Block& figure, const Style& style, Typesetter& type, Flow& flow,
                  double left, double right);

}  // namespace broadsheet
