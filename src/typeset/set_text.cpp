// Composing one paragraph: cut at break opportunities, measured, broken into
// lines; and a measured single-line item.
#include "typeset/set_text.h"

#include <algorithm>

namespace broadsheet {

SetText compose_text(std::vector<Word> words, const LineSettings& settings, Typesetter& type) {
  SetText set;
  set.words = std::move(words);
  double narrowest = settings.width - std::max(0.0, settings.first_indent);
  prepare_words(set.words, settings.rules, narrowest, type.measurer, type.hyphenator);
  if (settings.align == Align::Justify) allow_tracking(set.words, settings.justification.letter_spacing);
  set.lines = break_lines(set.words, {settings.width - settings.first_indent, settings.width},
                          type.breaker, settings.align != Align::Justify,
                          settings.justification.max_word_space);
  return set;
}

// Only the first line is indented; the box keeps its left edge when the start
// is on the right, and ends first_indent short of the column's right instead.
LineBox line_box(const LineSettings& settings, size_t index, bool rtl) {
  double indent = index == 0 ? settings.first_indent : 0;
  return LineBox{settings.indent + (rtl ? 0 : indent), settings.width - indent};
}

PageItem text_line(const std::string& text, const TextStyle& style, double x, double y,
                   TextMeasurer& measurer) {
  PageItem item;
  item.kind = ItemKind::Text;
  item.x = x;
  item.y = y;
  item.face = measurer.run_face(style.face, text);
  item.size = style.size;
  item.color = style.color;
  item.text = text;
  item.w = measurer.width(item.face, text, style.size);
  return item;
}

}  // namespace broadsheet
