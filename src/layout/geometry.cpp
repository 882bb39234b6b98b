// Page geometry of a style as layout sees it (see geometry.h).
#include "layout/geometry.h"

#include <algorithm>

namespace broadsheet {

ImageTargets image_targets(const Style& style, bool grayscale) {
  ImageTargets targets;
  const double content = style.page_width - style.margin_inner - style.margin_outer;
  const int columns = std::max(1, style.columns);
  targets.pdf_width_pt = (content - (columns - 1) * style.gutter) / columns;
  targets.pdf_height_pt = style.page_height - style.margin_top - style.margin_bottom;
  targets.pdf_dpi = style.image_dpi;
  targets.grayscale = grayscale || style.grayscale;
  return targets;
}

}  // namespace broadsheet
