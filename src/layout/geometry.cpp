// Page geometry of a style as layout sees it (see geometry.h).
#include "layout/geometry.h"

#include "style/page_geometry.h"

namespace broadsheet {

ImageTargets image_targets(const Style& style, bool grayscale) {
  ImageTargets targets;
  const PageGeometry page = page_geometry(style);
  targets.pdf_width_pt = page.column_width;
  targets.pdf_height_pt = page.text_height();
  targets.pdf_dpi = style.image_dpi;
  targets.grayscale = grayscale || style.grayscale;
  return targets;
}

}  // namespace broadsheet
