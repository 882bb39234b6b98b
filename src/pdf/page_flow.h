// The page state of layout: which page and column the text is flowing in, and
// how much room is left. Blocks ask for room (ensure), take lines (advance) and
// add items; the flow starts new columns and pages, and remembers per page the
// section that is running there (for the running head).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pdf/display_list.h"
#include "style/style.h"

namespace broadsheet {

/// Baseline offset below the top of a line box of height leading for text of
/// size: half the spare leading above, then the ascender (DejaVu-like metrics;
/// the measurer gives widths only).
double baseline_below_top(double leading, double size);

class Flow {
 public:
  /// Appends pages to `pages`; columns per page (1 for the front page).
  Flow(const Style& style, PageSet& pages, int columns);

  void new_page();
  /// The next column, or the first column of a new page.
  void next_column();

  double left() const { return column_left(page_, column_); }
  double width() const { return column_width_; }
  double y() const { return y_; }
  double room() const { return y_ - bottom_; }
  bool at_top() const { return y_ >= top_ - 1e-9; }
  int page_index() const { return page_; }

  /// Starts the next column unless h fits here; a column top accepts anything.
  void ensure(double h);
  /// Takes a box of height h (after ensure) and returns its top.
  double advance(double h);
  /// Vertical space; dropped at the top of a column, clipped at its foot.
  void space(double h);
  /// Adds an item to the current page.
  void add(PageItem item);

  /// A list marker to place at the baseline of the next line, dx from the column's left.
  void set_marker(PageItem marker, double dx);
  /// Places a pending marker at baseline y on the current page.
  void place_marker(double baseline);

  struct Mark {
    int page = 0, column = 0;
    double y = 0;
  };
  Mark mark() const { return {page_, column_, y_}; }
  /// Vertical rules dx right of the column's left edge from `from` down to the
  /// current position, one piece per column crossed (quotes, code blocks).
  void vertical_rule(Mark from, double dx, double thickness, Color color);

  /// The section running on each page so far (index = page index).
  const std::vector<std::string>& page_sections() const { return page_sections_; }
  /// Sets the running section; it names the current page too if nothing is on it yet.
  void set_section(const std::string& name);

 private:
  double column_left(int page, int column) const;

  const Style& style_;
  PageSet& pages_;
  int columns_;
  double column_width_;
  double top_, bottom_;
  int page_ = -1, column_ = 0;
  double y_ = 0;
  std::string section_;
  std::vector<std::string> page_sections_;
  std::optional<PageItem> marker_;
  double marker_dx_ = 0;
};

}  // namespace broadsheet
