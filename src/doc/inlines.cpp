// Building inline runs: merged text and line breaks (see inlines.h).
#include "doc/inlines.h"

namespace broadsheet {

void append_text(std::vector<Inline>& inlines, std::string_view text) {
  if (text.empty()) return;
  if (!inlines.empty() && inlines.back().kind == InlineKind::Text) {
    inlines.back().text += text;
    return;
  }
  Inline run;
  run.text = text;
  inlines.push_back(std::move(run));
}

void append_lines(std::vector<Inline>& inlines, std::string_view text) {
  size_t start = 0;
  for (size_t newline = text.find('\n'); newline != std::string_view::npos;
       newline = text.find('\n', start)) {
    append_text(inlines, text.substr(start, newline - start));
    inlines.push_back(Inline{InlineKind::LineBreak, {}, {}, {}});
    start = newline + 1;
  }
  append_text(inlines, text.substr(start));
}

}  // namespace broadsheet
