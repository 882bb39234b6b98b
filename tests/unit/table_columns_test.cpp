// Table cell alignment (src/doc/table_columns.h): what reads as a number,
// which columns are numeric, GFM's alignment kept, and the rule between them.
#include <doctest/doctest.h>

#include "doc/document.h"
#include "doc/table_columns.h"

namespace broadsheet {
namespace {

TEST_CASE("table columns: what reads as a number") {
  for (const char* text : {"1 234,5", "+33%", "\u20BC 48 mln", "\u2212" "0.5 pp", "$1,200", "105 \u20BD",
                           "7,25%", "2024-11-05", "48\u00A0000", "\u00B1 2", "1.5bn", "\u0664\u0668"}) {
    CAPTURE(text);
    CHECK(is_numeric_text(text));
  }
  for (const char* text : {"", "n/a", "BFB", "Manat bonds", "48 million euros", "10:00", "abcde 5"}) {
    CAPTURE(text);
    CHECK_FALSE(is_numeric_text(text));
  }
}

TEST_CASE("table columns: a column of numbers is flush right, its header too") {
  const std::vector<Block> body = parse_markdown(
      "| Index | Close | Note |\n|---|---|---|\n| BFB | 1 234,5 | up |\n| Bonds | \u20BC 48 mln | |\n"
      "| Notes | n/a | \u2014 |\n");
  REQUIRE(body.size() == 1);
  const Block& table = body[0];
  const std::vector<bool> numeric = numeric_columns(table);
  REQUIRE(numeric.size() == 3);
  CHECK_FALSE(numeric[0]);
  CHECK(numeric[1]);  // an empty cell and "n/a" do not spoil it
  CHECK_FALSE(numeric[2]);
  const Block& header_close = table.children[0].children[1];
  CHECK(cell_alignment(header_close, numeric, 1) == CellAlign::Right);
  CHECK(cell_alignment(table.children[1].children[0], numeric, 0) == CellAlign::Default);
  // A cell across columns is not one column's number: the start side.
  Block across = table.children[1].children[1];
  across.span = 2;
  CHECK(cell_alignment(across, numeric, 1) == CellAlign::Default);
}

TEST_CASE("table columns: GFM alignment is kept, and wins over the number rule") {
  const std::vector<Block> body =
      parse_markdown("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | x | 4 |\n");
  REQUIRE(body.size() == 1);
  const Block& row = body[0].children[1];
  const std::vector<bool> numeric = numeric_columns(body[0]);
  CHECK(cell_alignment(row.children[0], numeric, 0) == CellAlign::Left);
  CHECK(cell_alignment(row.children[1], numeric, 1) == CellAlign::Center);
  CHECK(cell_alignment(row.children[2], numeric, 2) == CellAlign::Right);
  CHECK(cell_alignment(row.children[3], numeric, 3) == CellAlign::Right);  // numbers
}

}  // namespace
}  // namespace broadsheet
