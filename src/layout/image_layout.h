// Placing figures in the flow: the image at the column's width (or smaller,
// when it has fewer pixels than that width shows well), its caption below in
// small italic; never split: moved whole to the next column or page.
#pragma once

#include "doc/document.h"
#include "layout/compose.h"

namespace broadsheet {

/// Places a Figure block between indents (left, right) of the column. A figure
/// taller than what is left of the column is set smaller to stay (down to 60%
/// of its width), else moved on; one taller than a whole column is scaled to
/// fit one. Does nothing when the figure has no image (--skip-bad-images).
void place_figure(const Block& figure, const Style& style, Typesetter& type, Flow& flow,
                  double left, double right);

/// The height place_figure would take (space above, image, caption) with
/// `room` points left in the column: what a head above the figure keeps with.
double figure_height(const Block& figure, const Style& style, Typesetter& type, const Flow& flow,
                     double left, double right, double room);

}  // namespace broadsheet
