// The page state of layout: current page and column, the room left, column and
// page breaks, spans across the columns, pending list markers, and rules that
// follow a block across pages or stand in the gutters.
#include "layout/page_flow.h"

#include <algorithm>

namespace broadsheet {

double baseline_below_top(double leading, double size) {
  constexpr double kAscentMinusDescentHalf = 0.345;  // (0.928 - 0.236) / 2, DejaVu
  return leading / 2 + kAscentMinusDescentHalf * size;
}

Flow::Flow(const Style& style, PageSet& pages, int columns)
    : pages_(pages), geometry_(page_geometry(style, columns)) {
  y_ = geometry_.text_top;
  pages_.width = geometry_.page_width;
  pages_.height = geometry_.page_height;
}

double Flow::column_left(int page, int column) const {
  return geometry_.column_left(static_cast<size_t>(page), column);
}

double Flow::left() const { return column_left(std::max(page_, 0), span_ ? 0 : column_); }

double Flow::width() const { return span_ ? geometry_.text_width : geometry_.column_width; }

double Flow::column_top() const {
  if (page_ < 0) return geometry_.text_top;
  return span_ ? span_top_ : page_columns_[page_].top;
}

// A span above the columns (a lead's head) is not shortened: the limit is the
// columns' height below it.
double Flow::bottom(int page) const {
  if (page < 0 || page != limited_page_ || (span_ && page == page_)) return geometry_.text_bottom;
  return std::max(geometry_.text_bottom, page_columns_[page].top - limited_height_);
}

void Flow::start_page(double column_top) {
  page_ = static_cast<int>(pages_.pages.size()) - 1;
  column_ = 0;
  y_ = column_top;
  span_top_ = column_top;
  page_sections_.resize(pages_.pages.size());
  page_sections_[page_] = section_;
  page_columns_.resize(pages_.pages.size());
  page_columns_[page_] = PageColumns{column_top, std::vector<double>(geometry_.columns, column_top)};
}

void Flow::new_page() {
  pages_.pages.emplace_back();
  start_page(geometry_.text_top);
}

void Flow::new_page_below(double y) {
  pages_.pages.emplace_back();
  start_page(std::min(geometry_.text_top, y));
}

void Flow::next_column() {
  if (page_ >= 0 && !span_ && column_ + 1 < geometry_.columns) {
    ++column_;
    y_ = page_columns_[page_].top;
    return;
  }
  new_page();
}

void Flow::begin_span() {
  if (page_ < 0) new_page();
  span_ = true;
  span_top_ = y_;
}

void Flow::end_span() {
  span_ = false;
  PageColumns& page = page_columns_[page_];
  page.top = y_;
  std::fill(page.low.begin(), page.low.end(), y_);
}

void Flow::ensure(double h) {
  if (page_ < 0) new_page();
  // A column below a span or the front matter is short: what does not fit
  // there moves on rather than be split at once.
  if (h > room() + 1e-6 && !at_full_column_top()) next_column();
  // Every column of a shortened page is short: what fits none of them goes
  // on to the next page (and the height is found too short), not into the
  // next column regardless.
  while (page_ == limited_page_ && h > room() + 1e-6 && !at_full_column_top()) next_column();
}

double Flow::advance(double h) {
  ensure(h);
  double top = y_;
  y_ -= h;
  if (!span_) {
    double& low = page_columns_[page_].low[column_];
    low = std::min(low, y_);
  }
  return top;
}

void Flow::space(double h) {
  if (page_ < 0 || at_top()) return;
  y_ = std::max(bottom(), y_ - h);
}

void Flow::add(PageItem item) {
  if (page_ < 0) new_page();
  if (item.kind == ItemKind::Text && item.text.empty()) return;
  if (item.kind == ItemKind::Rule || open_ < 0) {
    if (item.element == kOpenElement) item.element = kArtifact;
  } else if (item.element == kOpenElement) {
    item.element = open_;
  }
  pages_.pages[page_].items.push_back(std::move(item));
}

int Flow::make_element(StructRole role, int parent, std::string language) {
  pages_.structure.push_back(StructElement{role, parent, std::move(language), {}});
  return static_cast<int>(pages_.structure.size()) - 1;
}

int Flow::open(StructRole role, std::string language) {
  open_ = make_element(role, open_, std::move(language));
  return open_;
}

void Flow::set_alt(int element, std::string alt) {
  if (element >= 0) pages_.structure[static_cast<size_t>(element)].alt = std::move(alt);
}

void Flow::close() {
  if (open_ >= 0) open_ = pages_.structure[static_cast<size_t>(open_)].parent;
}

void Flow::set_marker(PageItem marker, double dx) {
  marker_ = std::move(marker);
  marker_dx_ = dx;
}

void Flow::place_marker(double baseline) {
  if (!marker_) return;
  marker_->x = left() + marker_dx_;
  marker_->y = baseline;
  add(std::move(*marker_));
  marker_.reset();
}

void Flow::vertical_rule(Mark from, double dx, double thickness, Color color) {
  if (page_ < 0) return;
  int page = from.page, column = from.column;
  double start = from.y;
  while (true) {
    bool last = page == page_ && column == column_;
    // A column the block left ends its rule at the block's last line there;
    // one it left before placing anything (a paragraph that moved on whole
    // under the widow rule) gets no rule at all.
    double end = last ? y_ : std::max(bottom(page), page_columns_[page].low[column]);
    if (start - end > 0.5) {
      PageItem rule;
      rule.kind = ItemKind::Rule;
      rule.x = column_left(page, column) + dx;
      rule.y = end;
      rule.h = start - end;
      rule.size = thickness;
      rule.color = color;
      pages_.pages[page].items.push_back(rule);
    }
    if (last) break;
    if (++column == geometry_.columns) column = 0, ++page;
    start = page_columns_[page].top;
  }
}

void Flow::add_column_rules(double thickness, Color color) {
  for (size_t p = 0; p < page_columns_.size(); ++p) {
    const PageColumns& page = page_columns_[p];
    if (page.low.empty()) continue;  // a page this flow did not make
    for (int c = 0; c + 1 < geometry_.columns; ++c) {
      double low = std::max(page.low[c], page.low[c + 1]);  // the shorter text's end
      if (page.top - low < 0.5) continue;
      PageItem rule;
      rule.kind = ItemKind::Rule;
      rule.x = column_left(static_cast<int>(p), c + 1) - geometry_.gutter / 2;
      rule.y = low;
      rule.h = page.top - low;
      rule.size = thickness;
      rule.color = color;
      pages_.pages[p].items.push_back(rule);
    }
  }
}

Flow::Checkpoint Flow::checkpoint() const {
  Checkpoint at{pages_.pages.size(), 0, pages_.structure.size(), page_, column_, y_, section_, {}, open_};
  if (page_ >= 0) {
    at.items = pages_.pages[page_].items.size();
    at.column_lows = page_columns_[page_].low;
  }
  return at;
}

// Articles start outside spans and with no list marker pending, so neither is kept.
void Flow::rewind(const Checkpoint& at) {
  pages_.pages.resize(at.pages);
  pages_.structure.resize(at.structure);
  page_sections_.resize(at.pages);
  page_columns_.resize(at.pages);
  page_ = at.page;
  column_ = at.column;
  y_ = at.y;
  section_ = at.section;
  open_ = at.open;
  if (page_ < 0) return;
  pages_.pages[page_].items.resize(at.items);
  page_columns_[page_].low = at.column_lows;
}

std::vector<double> Flow::column_heights(int page) const {
  std::vector<double> heights;
  if (page < 0 || static_cast<size_t>(page) >= page_columns_.size()) return heights;
  for (double low : page_columns_[page].low) heights.push_back(page_columns_[page].top - low);
  return heights;
}

void Flow::set_section(const std::string& name) {
  section_ = name;
  if (page_ >= 0 && column_ == 0 && at_top()) page_sections_[page_] = name;
}

}  // namespace broadsheet
