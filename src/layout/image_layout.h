// Placing figures in the flow: the image at the column's width (or smaller,
// when it has fewer pixels than that width shows well), its caption below in
// small italic; never split: moved whole to the next column or page.
#pragma once

#include "doc/document.h"
#include "layout/compose.h"

namespace broadsheet {

/// How far a figure stands in from each side of the column (in a list or quote).
struct FigureIndents {
  double left = 0;
  double right = 0;
};

/// Places a Figure block between indents of the column. A figure taller than
/// what is left of the column is set smaller to stay (down to 60% of its
/// width), else moved on; one taller than a whole column is scaled to fit one.
/// Does nothing when the figure has no image (--skip-bad-images).
void place_figure(const Block& figure, const Style& style, Typesetter& type, Flow& flow,
                  FigureIndents indents);

/// The height place_figure would take at the column's full width (space above,
/// image, caption) with `room` points left in the column: what a head above
/// the figure that opens an article's body keeps with.
double figure_height(const Block& figure, const Style& style, Typesetter& type, const Flow& flow,
                     double room);

}  // namespace broadsheet
