// Tables in the PDF (see table_layout.h): measure each column's needs at a
// size, choose the size and the column widths, compose every cell, then place
// the rows into the flow with their rules.
#include "layout/table_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "doc/table_columns.h"
#include "layout/spacing.h"

namespace broadsheet {

using namespace spacing;
namespace {

constexpr double kSizeStep = 0.5;

// A cell and the columns it covers, [column, column + span).
struct GridCell {
  const Block* block = nullptr;
  size_t column = 0, span = 1;
};

// The cells of the table, row by row, placed in columns by their spans; rows
// without cells are left out.
using Grid = std::vector<std::vector<GridCell>>;

Grid grid_of(const Block& table) {
  Grid grid;
  for (const Block& row : table.children) {
    if (row.kind != BlockKind::TableRow) continue;
    std::vector<GridCell> cells;
    size_t column = 0;
    for (const Block& cell : row.children) {
      if (cell.kind != BlockKind::TableCell) continue;
      auto span = static_cast<size_t>(std::clamp(cell.span, 1, kMaxColspan));
      cells.push_back(GridCell{&cell, column, span});
      column += span;
    }
    if (!cells.empty()) grid.push_back(std::move(cells));
  }
  return grid;
}

size_t column_count(const Grid& grid) {
  size_t columns = 0;
  for (const auto& row : grid) columns = std::max(columns, row.back().column + row.back().span);
  return columns;
}

double padding(double size) { return size * kCellPadding; }

std::vector<Word> cell_words(const Block& cell, const TableLook& look, double size) {
  TextStyle base = look.text;
  base.size = size;
  base.face.bold = base.face.bold || cell.header;
  return collect_words(cell.inlines, InlineStyles{base, kInlineCodeScale, look.link});
}

BreakRules cell_rules(const TableLook& look) {
  BreakRules rules;
  rules.language = look.language;
  rules.hyphenate = false;  // narrow cells would hyphenate every long word
  return rules;
}

// What a column needs: its widest unbreakable piece, and its widest cell set on one line.
struct ColumnNeeds {
  double min = 0, max = 0;
};

// A spanning cell's needs beyond what its columns already have (plus the
// padding between them) are shared equally by those columns.
void widen_for_span(std::vector<ColumnNeeds>& needs, const GridCell& cell, ColumnNeeds want, double size) {
  double inner_padding = 2 * padding(size) * static_cast<double>(cell.span - 1);
  double have_min = inner_padding, have_max = inner_padding;
  for (size_t c = cell.column; c < cell.column + cell.span; ++c) {
    have_min += needs[c].min;
    have_max += needs[c].max;
  }
  auto share = static_cast<double>(cell.span);
  for (size_t c = cell.column; c < cell.column + cell.span; ++c) {
    if (want.min > have_min) needs[c].min += (want.min - have_min) / share;
    if (want.max > have_max) needs[c].max += (want.max - have_max) / share;
  }
}

std::vector<ColumnNeeds> column_needs(const Grid& grid, const TableLook& look, double size,
                                      Typesetter& type) {
  std::vector<ColumnNeeds> needs(column_count(grid));
  constexpr double kUnlimited = 1e9;
  auto cell_needs = [&](const GridCell& cell) {
    std::vector<Word> words = cell_words(*cell.block, look, size);
    prepare_words(words, cell_rules(look), kUnlimited, type.measurer, type.hyphenator);
    ColumnNeeds n;
    for (const Word& w : words) n.min = std::max(n.min, w.width + w.hyphen);
    n.max = natural_width(words, 0, words.size());
    return n;
  };
  // Single columns first, so that spanning cells only add what they lack.
  for (const auto& row : grid) {
    for (const GridCell& cell : row) {
      if (cell.span != 1) continue;
      ColumnNeeds n = cell_needs(cell);
      needs[cell.column].min = std::max(needs[cell.column].min, n.min);
      needs[cell.column].max = std::max(needs[cell.column].max, n.max);
    }
  }
  for (const auto& row : grid) {
    for (const GridCell& cell : row) {
      if (cell.span > 1) widen_for_span(needs, cell, cell_needs(cell), size);
    }
  }
  return needs;
}

double total_min(const std::vector<ColumnNeeds>& needs, double size) {
  double sum = 0;
  for (const ColumnNeeds& n : needs) sum += n.min + 2 * padding(size);
  return sum;
}

// Every column gets its one-line width when all fit, sharing what is left
// equally; otherwise its minimum plus a share of the rest by how much more it wants.
std::vector<double> column_widths(const std::vector<ColumnNeeds>& needs, double width, double size) {
  const double available = width - 2 * padding(size) * static_cast<double>(needs.size());
  double sum_min = 0, sum_max = 0;
  for (const ColumnNeeds& n : needs) {
    sum_min += n.min;
    sum_max += n.max;
  }
  std::vector<double> widths;
  for (const ColumnNeeds& n : needs) {
    double w = 0;
    if (sum_max <= available) {
      w = n.max + (available - sum_max) / static_cast<double>(needs.size());
    } else if (sum_min < available && sum_max > sum_min) {
      w = n.min + (available - sum_min) * (n.max - n.min) / (sum_max - sum_min);
    } else {
      w = available / static_cast<double>(needs.size());  // words will be broken
    }
    widths.push_back(std::max(w, 1.0));
  }
  return widths;
}

// One composed row: each cell's lines, columns and alignment, and whether it
// repeats as a header.
struct SetRow {
  std::vector<SetText> cells;
  std::vector<GridCell> places;
  std::vector<Align> aligns;
  bool header = false;
  size_t line_count() const {
    size_t lines = 1;  // an empty row still takes a line
    for (const SetText& cell : cells) lines = std::max(lines, cell.lines.size());
    return lines;
  }
};

struct SetTable {
  std::vector<SetRow> rows;
  std::vector<double> widths;
  double size = 0, leading = 0, pad = 0;
  double row_height(const SetRow& row) const {
    return static_cast<double>(row.line_count()) * leading + 2 * pad;
  }
  // Where the cell's text starts, relative to the table's left edge, and its width.
  double cell_x(const GridCell& cell) const {
    double x = pad;
    for (size_t c = 0; c < cell.column; ++c) x += widths[c] + 2 * pad;
    return x;
  }
  double cell_width(const GridCell& cell) const {
    double w = 2 * pad * static_cast<double>(cell.span - 1);
    for (size_t c = cell.column; c < cell.column + cell.span; ++c) w += widths[c];
    return w;
  }
};

// A cell's alignment as its lines are set; Default is the start side, which
// Align::Left is for either direction (typeset/paragraph.h).
Align line_align(CellAlign align) {
  switch (align) {
    case CellAlign::Center: return Align::Center;
    case CellAlign::Right: return Align::Right;
    case CellAlign::Left: case CellAlign::Default: return Align::Left;
  }
  return Align::Left;
}

// The largest size, in kSizeStep steps down to look.min_size, at which
// every column's widest word fits width (table_text_size's rule).
double text_size(const Grid& grid, const TableLook& look, double width, Typesetter& type) {
  for (double size = look.text.size; size >= look.min_size - 1e-9; size -= kSizeStep) {
    if (total_min(column_needs(grid, look, size, type), size) <= width + 1e-6) return size;
  }
  return look.min_size;
}

SetTable compose_table(const Block& table, const Grid& grid, const TableLook& look, double width, Typesetter& type) {
  const double size = text_size(grid, look, width, type);
  SetTable set;
  set.size = size;
  set.leading = size * kCellLeading;
  set.pad = padding(size);
  set.widths = column_widths(column_needs(grid, look, size, type), width, size);
  const std::vector<bool> numeric = numeric_columns(table);
  for (const auto& row : grid) {
    SetRow set_row;
    set_row.header = std::all_of(row.begin(), row.end(), [](const GridCell& c) { return c.block->header; });
    set_row.places = row;
    for (const GridCell& cell : row) {
      LineSettings s;
      s.width = set.cell_width(cell);
      s.leading = set.leading;
      s.size = size;
      s.align = line_align(cell_alignment(*cell.block, numeric, cell.column));
      s.protect = false;
      s.rules = cell_rules(look);
      set_row.cells.push_back(compose_text(cell_words(*cell.block, look, size), s, type));
      set_row.aligns.push_back(s.align);
    }
    set.rows.push_back(std::move(set_row));
  }
  return set;
}

// Leading rows of header cells (none when every row is one: nothing to repeat).
size_t header_rows(const SetTable& set) {
  size_t head = 0;
  while (head < set.rows.size() && set.rows[head].header) ++head;
  return head == set.rows.size() ? 0 : head;
}

// The header rows and the first body row: the top rule (and the caption) keep with them.
double opening_height(const SetTable& set) {
  double h = 0;
  for (size_t r = 0; r < std::min(set.rows.size(), header_rows(set) + 1); ++r) h += set.row_height(set.rows[r]);
  return h;
}

// Places the rows into the flow; keeps the state of a table being set.
class TablePlacer {
 public:
  TablePlacer(const SetTable& set, const TableLook& look, double indent, double width, Flow& flow)
      : set_(set), look_(look), indent_(indent), width_(width), flow_(flow) {}

  void place() {
    table_ = flow_.open_element();
    headers_ = header_rows(set_);
    flow_.ensure(opening_height(set_));
    rule(flow_.y(), kTableRuleWeight, look_.text.color);
    for (size_t r = 0; r < set_.rows.size(); ++r) place_row(r);
    rule(flow_.y(), kTableRuleWeight, look_.text.color);
  }

 private:
  void place_row(size_t r) {
    const SetRow& row = set_.rows[r];
    if (set_.row_height(row) > flow_.room() + 1e-6 && !flow_.at_top()) continue_in_next_column();
    const size_t total = row.line_count();
    size_t from = 0;
    while (from < total) {
      auto fit = static_cast<size_t>(std::floor((flow_.room() - 2 * set_.pad) / set_.leading + 1e-6));
      size_t to = std::min(total, from + std::max<size_t>(fit, 1));
      double h = static_cast<double>(to - from) * set_.leading + 2 * set_.pad;
      double top = flow_.advance(h);
      draw_lines(row, from, to, top, cells_of(r));
      bool last_header = r + 1 == headers_;
      rule(top - h, last_header ? kHeaderRuleWeight : kRowRuleWeight, last_header ? look_.text.color : look_.rule);
      from = to;
      if (from < total) continue_in_next_column();  // a row taller than a column
    }
  }

  // The structure elements of row r's cells (TR > TH or TD), made when the
  // row is first drawn: a row split between columns keeps its cells.
  const std::vector<int>& cells_of(size_t r) {
    if (cells_.size() <= r) cells_.resize(r + 1);
    std::vector<int>& cells = cells_[r];
    if (cells.empty()) {
      const SetRow& row = set_.rows[r];
      int tr = flow_.make_element(StructRole::TR, table_);
      for (size_t c = 0; c < row.cells.size(); ++c) {
        cells.push_back(flow_.make_element(row.header ? StructRole::TH : StructRole::TD, tr));
      }
    }
    return cells;
  }

  // Lines [from, to) of every cell of a row whose slice starts at top; each
  // cell's items belong to its element (kArtifact for a repeated header).
  void draw_lines(const SetRow& row, size_t from, size_t to, double top, const std::vector<int>& elements) {
    const double left = flow_.left() + indent_;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const SetText& cell = row.cells[c];
      double x = left + set_.cell_x(row.places[c]), width = set_.cell_width(row.places[c]);
      for (size_t i = from; i < std::min(to, cell.lines.size()); ++i) {
        double line_top = top - set_.pad - static_cast<double>(i - from) * set_.leading;
        double baseline = line_top - baseline_below_top(set_.leading, set_.size);
        for (PageItem& item : set_line(cell.words, cell.lines[i], {x, baseline, width, row.aligns[c]})) {
          item.element = c < elements.size() ? elements[c] : kArtifact;
          flow_.add(std::move(item));
        }
      }
    }
  }

  // A new column repeats the top rule and the header rows (artifacts: the
  // structure has them once).
  void continue_in_next_column() {
    flow_.next_column();
    rule(flow_.y(), kTableRuleWeight, look_.text.color);
    for (size_t r = 0; r < headers_; ++r) {
      double h = set_.row_height(set_.rows[r]);
      if (h * 2 > flow_.room()) break;  // headers that would crowd out the rows
      double top = flow_.advance(h);
      draw_lines(set_.rows[r], 0, set_.rows[r].line_count(), top, std::vector<int>(set_.rows[r].cells.size(), kArtifact));
      rule(top - h, r + 1 == headers_ ? kHeaderRuleWeight : kRowRuleWeight, r + 1 == headers_ ? look_.text.color : look_.rule);
    }
  }

  void rule(double y, double thickness, Color color) {
    flow_.add(rule_item(flow_.left() + indent_, y, table_width(), thickness, color));
  }

  double table_width() const {
    double w = 0;
    for (double c : set_.widths) w += c + 2 * set_.pad;
    return std::min(w, width_);
  }

  const SetTable& set_;
  const TableLook& look_;
  double indent_, width_;
  Flow& flow_;
  size_t headers_ = 0;
  int table_ = -1;                       // the Table element
  std::vector<std::vector<int>> cells_;  // per row, its cells' elements
};

// The caption, composed in italics a little smaller than the cells.
struct Caption {
  SetText text;
  LineSettings settings;
  double space_after = 0;
  double height() const { return text.lines.empty() ? 0 : text.height(settings) + space_after; }
};

Caption compose_caption(const Block& table, const TableLook& look, ColumnSpan span, Typesetter& type) {
  Caption caption;
  if (table.inlines.empty()) return caption;
  TextStyle base = look.text;
  base.face.italic = true;
  base.size = std::max(look.min_size, look.text.size * kTableCaptionScale);
  LineSettings& s = caption.settings;
  s.indent = span.indent;
  s.width = span.width;
  s.size = base.size;
  s.leading = base.size * kTableCaptionLeading;
  s.align = Align::Left;
  s.rules = cell_rules(look);
  caption.text = compose_text(collect_words(table.inlines, InlineStyles{base, kInlineCodeScale, look.link}), s, type);
  caption.space_after = base.size * kTableCaptionGap;
  return caption;
}

}  // namespace

double table_text_size(const Block& table, const TableLook& look, double width, Typesetter& type) {
  return text_size(grid_of(table), look, width, type);
}

double table_opening_height(const Block& table, const TableLook& look, double width, Typesetter& type) {
  Grid grid = grid_of(table);
  if (grid.empty()) return 0;
  SetTable set = compose_table(table, grid, look, width, type);
  return compose_caption(table, look, {0, width}, type).height() + opening_height(set);
}

void place_table(const Block& table, const TableLook& look, ColumnSpan span, Flow& flow, Typesetter& type) {
  Grid grid = grid_of(table);
  if (grid.empty()) return;
  SetTable set = compose_table(table, grid, look, span.width, type);
  Caption caption = compose_caption(table, look, span, type);
  Tagged tag(flow, StructRole::Table);
  if (caption.height() > 0) {
    // The caption keeps with the table's first rows.
    flow.ensure(caption.height() + opening_height(set));
    Tagged caption_tag(flow, StructRole::Caption);
    place_text(flow, caption.text, caption.settings);
    flow.space(caption.space_after);
  }
  TablePlacer(set, look, span.indent, span.width, flow).place();
}

}  // namespace broadsheet
