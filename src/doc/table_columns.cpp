// Table cell alignment (table_columns.h): what reads as a number, which
// columns hold only numbers, and each cell's alignment.
#include "doc/table_columns.h"

#include <algorithm>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

// ASCII digits, and the Arabic-Indic and Eastern Arabic-Indic ones.
bool is_digit(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
}

bool is_ascii_letter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

// The signs, separators and marks a number may carry besides its digits.
bool is_number_mark(char32_t cp) {
  static constexpr std::u32string_view kMarks =
      U"+-\u2212\u00B1.,'\u00A0\u2009\u202F %\u2030$\u00A2\u00A3\u00A5\u20AC";
  return kMarks.find(cp) != std::u32string_view::npos || (cp >= 0x20A0 && cp <= 0x20CF);  // currency signs
}

// What stands for "no value" in a column of numbers, and so decides nothing.
bool is_placeholder(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  for (std::string_view mark : {"-", "\u2013", "\u2014", "\u2026", "n/a", "N/A"}) {
    if (text == mark) return true;
  }
  return text.empty();
}

size_t span_of(const Block& cell) { return static_cast<size_t>(std::clamp(cell.span, 1, kMaxColspan)); }

}  // namespace

bool is_numeric_text(std::string_view text) {
  bool digit = false, in_word = false;
  int words = 0, letters = 0;
  for (size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    const bool letter = is_ascii_letter(cp) || (cp >= 0x0400 && cp <= 0x04FF);  // Latin or Cyrillic units
    if (letter) {
      if (!in_word) ++words;
      in_word = true;
      ++letters;
      if (words > 1 || letters > 4) return false;
      continue;
    }
    in_word = false;
    if (is_digit(cp)) {
      digit = true;
    } else if (!is_number_mark(cp)) {
      return false;
    }
  }
  return digit;
}

std::vector<bool> numeric_columns(const Block& table) {
  std::vector<int> numbers, others;  // body cells per column
  for (const Block& row : table.children) {
    if (row.kind != BlockKind::TableRow) continue;
    size_t column = 0;
    for (const Block& cell : row.children) {
      if (cell.kind != BlockKind::TableCell) continue;
      const size_t span = span_of(cell);
      const std::string text = plain_text(cell.inlines);
      if (!cell.header && span == 1 && !is_placeholder(text)) {
        if (numbers.size() <= column) numbers.resize(column + 1), others.resize(column + 1);
        ++(is_numeric_text(text) ? numbers : others)[column];
      }
      column += span;
    }
  }
  std::vector<bool> numeric(numbers.size());
  for (size_t c = 0; c < numbers.size(); ++c) numeric[c] = numbers[c] > 0 && others[c] == 0;
  return numeric;
}

CellAlign cell_alignment(const Block& cell, const std::vector<bool>& numeric, size_t column) {
  if (cell.align != CellAlign::Default) return cell.align;
  const bool in_numeric = span_of(cell) == 1 && column < numeric.size() && numeric[column];
  return in_numeric ? CellAlign::Right : CellAlign::Default;
}

}  // namespace broadsheet
