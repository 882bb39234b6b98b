// See page_geometry.h. The expressions keep the order of operations of the
// copies they replaced, so positions (and PDF bytes) are unchanged.
#include "style/page_geometry.h"

#include <algorithm>

namespace broadsheet {

double PageGeometry::left_margin(size_t page) const {
  return page % 2 == 0 ? margin_inner : margin_outer;
}

double PageGeometry::column_left(size_t page, int column) const {
  return left_margin(page) + column * (column_width + gutter);
}

PageGeometry page_geometry(const Style& style) { return page_geometry(style, style.columns); }

PageGeometry page_geometry(const Style& style, int columns) {
  PageGeometry g;
  g.page_width = style.page_width;
  g.page_height = style.page_height;
  g.margin_inner = style.margin_inner;
  g.margin_outer = style.margin_outer;
  g.text_width = style.page_width - style.margin_inner - style.margin_outer;
  g.text_top = style.page_height - style.margin_top;
  g.text_bottom = style.margin_bottom;
  g.columns = std::max(1, columns);
  g.gutter = style.gutter;
  g.column_width = (g.text_width - (g.columns - 1) * style.gutter) / g.columns;
  return g;
}

}  // namespace broadsheet
