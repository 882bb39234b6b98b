// Setting composed paragraphs into the flow: lines per column with widow and
// orphan control, plus small item constructors shared by the page kinds.
#include "layout/compose.h"

#include <algorithm>
#include <cmath>

namespace broadsheet {

namespace {

// Lines of a paragraph that fit the room with `after` below the last of them.
size_t lines_fitting(double room, double after, const LineSettings& s) {
  return static_cast<size_t>(std::max(0.0, std::floor((room - after) / s.leading + 1e-6)));
}

// How many more lines of this paragraph go into the current column. keep_after
// is what must follow its last line in the same column (an article's source
// line): when the lines fit but it would not, the last two lines go on with it.
size_t lines_for_column(const Flow& flow, size_t left, const LineSettings& s, double keep_after) {
  size_t fit = lines_fitting(flow.room(), 0, s);
  if (fit >= left) {
    if (lines_fitting(flow.room(), keep_after, s) >= left) return left;
    size_t with_tail = std::min(lines_fitting(flow.room(), keep_after, s), left - std::min<size_t>(left, 2));
    if (with_tail >= 2 || (with_tail == 1 && !s.protect)) return with_tail;
    return flow.at_full_column_top() ? left : 0;  // the orphan rule; a column can do no better
  }
  if (s.protect) {
    if (left - fit == 1 && fit >= 2) --fit;          // widow: carry one more line over
    if (fit == 1 && left > 1) fit = 0;               // orphan: carry the lone line over
  }
  if (fit == 0 && flow.at_full_column_top()) fit = 1;  // a column too short for one line
  return fit;
}

}  // namespace

size_t fewest_lines_at_foot(size_t lines) { return lines <= 3 ? lines : 2; }

void ensure_first_room(Flow& flow, const SetText& text, const LineSettings& s) {
  double height = text.height(s);
  bool short_enough = height <= flow.page_room() / 2;
  // Moved whole, a long list item left a quarter page empty in ereader: a
  // text moves whole only where that leaves a small hole, else it splits.
  bool small_hole = flow.room() <= kMaxKeepTogetherHole * flow.page_room();
  flow.ensure(s.keep_together && short_enough && small_hole ? height : s.leading);
}

namespace {

// Lines [from, from + count) of text, set one below the other in the current column.
void set_lines(Flow& flow, const SetText& text, const LineSettings& s, LineRun run) {
  const bool rtl = !text.words.empty() && text.words.front().rtl;
  for (size_t i = run.from; i < run.from + run.count; ++i) {
    double top = flow.advance(s.leading);
    double baseline = top - baseline_below_top(s.leading, s.size);
    LineBox box = line_box(s, i, rtl);
    if (i == 0) flow.place_marker(baseline);
    for (PageItem& item : set_line(text.words, text.lines[i], {flow.left() + box.x, baseline,
                                   box.width, s.align})) {
      flow.add(std::move(item));
    }
  }
}

// The lines from `from` on, column by column under the widow and orphan rules.
Flow::Mark place_from(Flow& flow, const SetText& text, const LineSettings& s, size_t from, double keep_after) {
  Flow::Mark first = flow.mark();
  size_t i = from;
  while (i < text.lines.size()) {
    size_t count = lines_for_column(flow, text.lines.size() - i, s, keep_after);
    if (count == 0) {
      flow.next_column();
      continue;
    }
    if (i == from) first = flow.mark();
    set_lines(flow, text, s, LineRun{i, count});
    i += count;
    if (i < text.lines.size()) flow.next_column();
  }
  return first;
}

}  // namespace

Flow::Mark place_text(Flow& flow, const SetText& text, const LineSettings& s, double keep_after) {
  ensure_first_room(flow, text, s);
  return place_from(flow, text, s, 0, keep_after);
}

Flow::Mark place_text_split(Flow& flow, const SetText& text, const LineSettings& s, size_t at_foot) {
  at_foot = std::min(at_foot, text.lines.size());
  flow.ensure(static_cast<double>(at_foot) * s.leading);
  Flow::Mark first = flow.mark();
  set_lines(flow, text, s, LineRun{0, at_foot});
  if (at_foot < text.lines.size()) {
    flow.next_column();
    Flow::Mark rest = place_from(flow, text, s, at_foot, 0);
    if (at_foot == 0) first = rest;
  }
  return first;
}

PageItem rule_item(double x, double y, double w, double thickness, Color color) {
  return PageItem{.kind = ItemKind::Rule, .x = x, .y = y, .w = w, .size = thickness, .color = color};
}

}  // namespace broadsheet
