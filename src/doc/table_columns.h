// How the cells of a table are aligned, for both back ends: as the author
// wrote it (GFM's ":--", ":-:", "--:"), else numbers flush right.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace broadsheet {

/// Whether text reads as a number, a sum or a share: at least one digit (ASCII
/// or Arabic-Indic), and
/// besides digits only signs (+ - − ±), separators (space, no-break and thin
/// spaces, '.', ',', '\''), currency signs, '%' and '‰', and at most one
/// word of up to four letters for a unit or scale ("mln", "bn", "pp", "kg"):
/// "1 234,5", "+33%", "₼ 48 mln", "−0.5 pp". Dates such as 2024-11-05 are.
bool is_numeric_text(std::string_view text);

/// Per column of table (cells placed by their spans, as HTML does), whether
/// it is a numeric column: every body cell that starts there, spans one
/// column and has a value reads as a number (is_numeric_text), and there is
/// one. Header cells, empty cells and placeholders ("-", "–", "—", "…",
/// "n/a") do not decide.
std::vector<bool> numeric_columns(const Block& table);

/// How a cell in `column` is aligned: as written when it is (Block::align),
/// else right when it spans one numeric column (its header too), else
/// Default (the start side of the text's direction).
CellAlign cell_alignment(const Block& cell, const std::vector<bool>& numeric, size_t column);

}  // namespace broadsheet
