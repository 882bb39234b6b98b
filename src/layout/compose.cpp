// Setting composed paragraphs into the flow: lines per column with widow and
// orphan control, plus small item constructors shared by the page kinds.
#include "layout/compose.h"

#include <algorithm>
#include <cmath>

namespace broadsheet {

namespace {

// How many more lines of this paragraph go into the current column.
size_t lines_for_column(const Flow& flow, size_t left, const LineSettings& s) {
  auto fit = static_cast<size_t>(std::floor(flow.room() / s.leading + 1e-6));
  if (fit >= left) return left;
  if (s.protect) {
    if (left - fit == 1 && fit >= 2) --fit;          // widow: carry one more line over
    if (fit == 1 && left > 1) fit = 0;               // orphan: carry the lone line over
  }
  if (fit == 0 && flow.at_full_column_top()) fit = 1;  // a column too short for one line
  return fit;
}

}  // namespace

void ensure_first_room(Flow& flow, const SetText& text, const LineSettings& s) {
  double height = text.height(s);
  bool short_enough = height <= flow.page_room() / 2;
  flow.ensure(s.keep_together && short_enough ? height : s.leading);
}

Flow::Mark place_text(Flow& flow, const SetText& text, const LineSettings& s) {
  ensure_first_room(flow, text, s);
  Flow::Mark first = flow.mark();
  const bool rtl = !text.words.empty() && text.words.front().rtl;
  size_t i = 0;
  while (i < text.lines.size()) {
    size_t count = lines_for_column(flow, text.lines.size() - i, s);
    if (count == 0) {
      flow.next_column();
      continue;
    }
    if (i == 0) first = flow.mark();
    for (size_t end = i + count; i < end; ++i) {
      double top = flow.advance(s.leading);
      double baseline = top - baseline_below_top(s.leading, s.size);
      LineBox box = line_box(s, i, rtl);
      if (i == 0) flow.place_marker(baseline);
      for (PageItem& item : set_line(text.words, text.lines[i], flow.left() + box.x, baseline,
                                     box.width, s.align, s.justification)) {
        flow.add(std::move(item));
      }
    }
    if (i < text.lines.size()) flow.next_column();
  }
  return first;
}

PageItem rule_item(double x, double y, double w, double thickness, Color color) {
  PageItem rule;
  rule.kind = ItemKind::Rule;
  rule.x = x;
  rule.y = y;
  rule.w = w;
  rule.size = thickness;
  rule.color = color;
  return rule;
}

}  // namespace broadsheet
