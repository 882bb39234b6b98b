// The page state of layout: which page and column the text is flowing in, and
// how much room is left. Blocks ask for room (ensure), take lines (advance) and
// add items; the flow starts new columns and pages, remembers per page the
// section running there (for the running head) and where each column's text ends.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "display/display_list.h"
#include "style/page_geometry.h"
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
  /// Starts on a page that already holds other items (the front page's
  /// masthead and contents): a new page whose columns begin at y.
  void new_page_below(double y);
  /// The next column, or the first column of a new page.
  void next_column();

  double left() const;
  double width() const;
  double y() const { return y_; }
  double room() const { return y_ - bottom(); }
  /// At the top of a column (or of a span): nothing is above in this column.
  bool at_top() const { return y_ >= column_top() - 1e-9; }
  /// At the top of a column as tall as the text block: the one place where
  /// something too tall for any column may start (and overflow or be split).
  /// A column shortened by limit_columns is not: what does not fit it goes on.
  bool at_full_column_top() const {
    return at_top() && column_top() >= geometry_.text_top - 1e-9 && bottom() <= geometry_.text_bottom + 1e-9;
  }
  /// At the top of the first column of a page, nothing placed yet.
  bool at_page_start() const { return page_ >= 0 && column_ == 0 && !span_ && at_top(); }
  int page_index() const { return page_; }
  int columns() const { return geometry_.columns; }
  bool in_last_column() const { return column_ + 1 >= geometry_.columns; }
  /// Height of a column that starts at the top of the current page.
  double page_room() const { return column_top() - geometry_.text_bottom; }

  /// Text across all columns (a lead headline). Only at a page start; the
  /// columns below begin where the span ends (end_span).
  void begin_span();
  void end_span();

  /// Starts the next column unless h fits here; a full column's top accepts anything.
  void ensure(double h);
  /// Takes a box of height h (after ensure) and returns its top.
  double advance(double h);
  /// Vertical space; dropped at the top of a column, clipped at its foot.
  void space(double h);
  /// Adds an item to the current page. A Text, Image or Link item that asks
  /// for it (kOpenElement) joins the open structure element; a Rule is an
  /// artifact, as is anything added while no element is open.
  void add(PageItem item);

  /// The structure the items are added in (a tagged PDF's tree). open()
  /// starts an element inside the open one and makes it the open one; close()
  /// returns to its parent. Returns the element's index in PageSet::structure.
  int open(StructRole role, std::string language = {});
  void close();
  int open_element() const { return open_; }
  /// A figure's alternative text, for the element's /Alt.
  void set_alt(int element, std::string alt);
  /// An element inside `parent` that is not opened: its items name it themselves.
  int make_element(StructRole role, int parent, std::string language = {});

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
  /// Hairlines in the gutters of every page, where text stands on both sides.
  void add_column_rules(double thickness, Color color);

  /// Where the flow stands between two articles, to come back to: rewind()
  /// drops every page, item and structure element added since and restores
  /// the position, so that what follows can be laid out again.
  struct Checkpoint {
    size_t pages = 0, items = 0, structure = 0;
    int page = -1, column = 0;
    double y = 0;
    std::string section;
    std::vector<double> column_lows;  // the current page's, as they were
    int open = -1;
  };
  Checkpoint checkpoint() const;
  void rewind(const Checkpoint& at);

  /// Columns of page `page` are `height` tall instead of reaching the text
  /// block's foot (a last page whose columns are balanced); a negative page
  /// lifts the limit.
  void limit_columns(int page, double height) { limited_page_ = page, limited_height_ = height; }
  /// Height of each column's text on a page (0 for an empty one; empty for a
  /// page this flow did not make).
  std::vector<double> column_heights(int page) const;

  /// The section running on each page so far (index = page index).
  const std::vector<std::string>& page_sections() const { return page_sections_; }
  /// Sets the running section; it names the current page too if nothing is on it yet.
  void set_section(const std::string& name);

 private:
  double column_left(int page, int column) const;
  double column_top() const;
  // The foot of the current page's columns (of `page`'s in the second).
  double bottom() const { return bottom(page_); }
  double bottom(int page) const;
  void start_page(double column_top);

  // Per page: where its columns begin (below a span or the front matter) and
  // the lowest point the text of each column reached.
  struct PageColumns {
    double top = 0;
    std::vector<double> low;
  };

  PageSet& pages_;
  PageGeometry geometry_;
  int page_ = -1, column_ = 0;
  double y_ = 0;
  bool span_ = false;
  double span_top_ = 0;
  std::string section_;
  std::vector<std::string> page_sections_;
  std::vector<PageColumns> page_columns_;
  std::optional<PageItem> marker_;
  double marker_dx_ = 0;
  int open_ = -1;  // the open structure element, -1 for none
  int limited_page_ = -1;
  double limited_height_ = 0;
};

/// A structure element open in a flow for the life of the scope.
class Tagged {
 public:
  Tagged(Flow& flow, StructRole role, std::string language = {})
      : flow_(flow), index_(flow.open(role, std::move(language))) {}
  ~Tagged() { flow_.close(); }
  Tagged(const Tagged&) = delete;
  Tagged& operator=(const Tagged&) = delete;
  int index() const { return index_; }

 private:
  Flow& flow_;
  int index_;
};

}  // namespace broadsheet
