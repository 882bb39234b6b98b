// The page state of layout: current page and column, the room left, column and
// page breaks, pending list markers, and rules that follow a block across pages.
#include "pdf/page_flow.h"

#include <algorithm>

namespace broadsheet {

double baseline_below_top(double leading, double size) {
  constexpr double kAscentMinusDescentHalf = 0.345;  // (0.928 - 0.236) / 2, DejaVu
  return leading / 2 + kAscentMinusDescentHalf * size;
}

Flow::Flow(const Style& style, PageSet& pages, int columns)
    : style_(style), pages_(pages), columns_(std::max(1, columns)) {
  double content = style.page_width - style.margin_inner - style.margin_outer;
  column_width_ = (content - (columns_ - 1) * style.gutter) / columns_;
  top_ = style.page_height - style.margin_top;
  bottom_ = style.margin_bottom;
  y_ = top_;
  pages_.width = style.page_width;
  pages_.height = style.page_height;
}

double Flow::column_left(int page, int column) const {
  // Mirrored margins: odd pages (1-based) have the inner margin on the left.
  bool recto = page % 2 == 0;
  double margin = recto ? style_.margin_inner : style_.margin_outer;
  return margin + column * (column_width_ + style_.gutter);
}

void Flow::new_page() {
  pages_.pages.emplace_back();
  page_ = static_cast<int>(pages_.pages.size()) - 1;
  column_ = 0;
  y_ = top_;
  page_sections_.resize(pages_.pages.size());
  page_sections_[page_] = section_;
}

void Flow::next_column() {
  if (page_ >= 0 && column_ + 1 < columns_) {
    ++column_;
    y_ = top_;
    return;
  }
  new_page();
}

void Flow::ensure(double h) {
  if (page_ < 0) new_page();
  if (h > room() + 1e-6 && !at_top()) next_column();
}

double Flow::advance(double h) {
  ensure(h);
  double top = y_;
  y_ -= h;
  return top;
}

void Flow::space(double h) {
  if (page_ < 0 || at_top()) return;
  y_ = std::max(bottom_, y_ - h);
}

void Flow::add(PageItem item) {
  if (page_ < 0) new_page();
  if (item.kind == ItemKind::Text && item.text.empty()) return;
  pages_.pages[page_].items.push_back(std::move(item));
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
    double end = last ? y_ : bottom_;
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
    if (++column == columns_) column = 0, ++page;
    start = top_;
  }
}

void Flow::set_section(const std::string& name) {
  section_ = name;
  if (page_ >= 0 && column_ == 0 && at_top()) page_sections_[page_] = name;
}

}  // namespace broadsheet
