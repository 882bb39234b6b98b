// Tables in the PDF: ruled rows of wrapped cells that always fit the column.
// Column widths follow the cells' needs (widest word, one-line width); a table
// too wide at the body size is set smaller, down to a floor, and only then are
// words broken. Rows move whole to the next column when they can.
#pragma once

#include <string>

#include "doc/document.h"
#include "layout/compose.h"

namespace broadsheet {

/// How a table looks: the cells' text style at full size, and its limits.
struct TableLook {
  TextStyle text;             ///< body cells; header cells are this in bold
  Color link;                 ///< links inside cells
  Color rule;                 ///< the hairlines between rows
  double min_size = 7;        ///< smallest size a wide table is set in
  std::string language;       ///< for line-break opportunities inside words
};

/// A band of the column: indent points right of its left edge, width wide.
struct ColumnSpan {
  double indent = 0, width = 0;
};

/// Sets a Table block into the flow, in span: its caption, a rule above, header rows (repeated
/// when the table continues in another column), rows with rules between them,
/// and a rule below. Rows taller than a whole column are split between lines.
void place_table(const Block& table, const TableLook& look, ColumnSpan span, Flow& flow, Typesetter& type);

/// The height place_table keeps together at the table's start: its caption,
/// header rows and first body row (what a heading above it must keep with).
double table_opening_height(const Block& table, const TableLook& look, double width, Typesetter& type);

/// The text size place_table chooses: the largest, in steps of 0.5 pt from
/// look.text.size down to look.min_size, at which every column's widest word
/// fits; look.min_size when none does.
double table_text_size(const Block& table, const TableLook& look, double width, Typesetter& type);

}  // namespace broadsheet
