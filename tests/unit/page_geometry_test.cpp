// PageGeometry: the one computation of the text block and columns of a style.
#include <doctest/doctest.h>

#include "style/page_geometry.h"

using namespace broadsheet;

TEST_CASE("page geometry: text block, columns and mirrored margins from the style") {
  Style style;
  style.page_width = 600;
  style.page_height = 800;
  style.margin_inner = 60;
  style.margin_outer = 40;
  style.margin_top = 70;
  style.margin_bottom = 50;
  style.columns = 3;
  style.gutter = 12;
  const PageGeometry page = page_geometry(style);
  CHECK(page.text_width == 500);
  CHECK(page.text_top == 730);
  CHECK(page.text_bottom == 50);
  CHECK(page.text_height() == 680);
  CHECK(page.columns == 3);
  CHECK(page.column_width == doctest::Approx((500.0 - 2 * 12) / 3));
  // Page index 0 is page 1, a recto: the inner margin is on its left.
  CHECK(page.left_margin(0) == 60);
  CHECK(page.left_margin(1) == 40);
  CHECK(page.column_left(0, 2) == doctest::Approx(60 + 2 * (page.column_width + 12)));
  CHECK(page.column_left(1, 0) == 40);

  const PageGeometry front = page_geometry(style, 1);
  CHECK(front.columns == 1);
  CHECK(front.column_width == front.text_width);
  CHECK(page_geometry(style, 0).columns == 1);  // never fewer than one column
}
