// The page and its text block as a style sets them, computed once: the layout,
// its flow and running heads, the precomposer's column, the image targets and
// the style check all read page, text block and column sizes from here.
#pragma once

#include <cstddef>

#include "style/style.h"

namespace broadsheet {

/// Sizes in points; PDF y grows upwards, so the text block runs from
/// text_bottom up to text_top.
struct PageGeometry {
  double page_width = 0, page_height = 0;
  double margin_inner = 0, margin_outer = 0;
  double text_width = 0;    ///< between the side margins
  double text_top = 0;      ///< page_height - margin_top
  double text_bottom = 0;   ///< margin_bottom
  int columns = 1;          ///< at least 1
  double gutter = 0;        ///< between columns
  double column_width = 0;  ///< (text_width - the gutters) / columns

  /// Height of the text block.
  double text_height() const { return text_top - text_bottom; }
  /// Left margin of the page with 0-based index page: margins are mirrored, the
  /// inner one on the left of odd pages (1-based), the outer one on even pages.
  double left_margin(size_t page) const;
  /// x of the left edge of a column (0-based) on a page.
  double column_left(size_t page, int column) const;
};

/// The geometry of style's pages in its own number of columns.
PageGeometry page_geometry(const Style& style);

/// The same pages set in `columns` columns instead (the front matter: 1).
PageGeometry page_geometry(const Style& style, int columns);

}  // namespace broadsheet
