// The box/glue/penalty reading of words shared by both breakers and by the
// line setter, first-fit, and the dispatch between the breakers.
#include "typeset/linebreak.h"

#include <algorithm>

#include "diag/utf8.h"

namespace broadsheet {

namespace {

constexpr double kTolerance = 1e-6;  // rounding must not push a fitting word out
constexpr double kLetterStretchEm = 0.1;
constexpr double kSpacesFirst = 1;  // stretch ratio spaces take before letters move: 1.5x

// Glyphs a line draws (the hyphen included); 0 when a piece may not be
// letter-spaced, so that the whole line keeps its letters put.
size_t trackable_glyphs(const std::vector<Word>& words, const Line& line) {
  size_t glyphs = 0;
  for (size_t k = line.begin; k < line.end; ++k) {
    if (words[k].tracking <= 0) return 0;
    for (const Fragment& f : words[k].parts) glyphs += count_code_points(f.text);
  }
  bool hyphen = words[line.end - 1].joint == Joint::Hyphen && !line.last;
  return glyphs + (hyphen ? 1 : 0);
}

}  // namespace

Glue glue_after(const Word& w) {
  switch (w.joint) {
    case Joint::Space: return {w.space, w.space * kSpaceStretch, w.space / 3};
    case Joint::Letter: return {0, kLetterStretchEm * w.parts.back().style.size, 0};
    case Joint::Hyphen:
    case Joint::Break: return {};
  }
  return {};
}

double break_width(const Word& w) { return w.joint == Joint::Hyphen ? w.hyphen : 0; }

double adjustment_ratio(const std::vector<Word>& words, const Line& line, double width) {
  double stretch = 0, shrink = 0;
  for (size_t k = line.begin; k + 1 < line.end; ++k) {
    Glue g = glue_after(words[k]);
    stretch += g.stretch;
    shrink += g.shrink;
  }
  double slack = width - line.natural;
  if (slack > 0) return stretch > 0 && !line.last ? slack / stretch : 0;  // last lines stay ragged
  if (slack < 0 && shrink > 0) return std::max(-1.0, slack / shrink);
  return 0;
}

double letters_share(double slack, double space_stretch, double letter_room) {
  return std::clamp(slack - space_stretch * kSpacesFirst, 0.0, letter_room);
}

LineFill fill_line(const std::vector<Word>& words, const Line& line, double width) {
  LineFill fill;
  fill.ratio = adjustment_ratio(words, line, width);
  double slack = width - line.natural;
  if (fill.ratio <= kSpacesFirst || slack <= 0) return fill;
  double spaces = 0, tracking = 0;
  for (size_t k = line.begin; k < line.end; ++k) {
    if (k + 1 < line.end) spaces += glue_after(words[k]).stretch;
    tracking += words[k].tracking;
  }
  size_t glyphs = trackable_glyphs(words, line);
  if (glyphs > 1) {
    // Tc follows every glyph; the last one's is not seen, so glyphs - 1 gaps.
    double gaps = static_cast<double>(glyphs - 1);
    double letters = letters_share(slack, spaces, tracking * gaps / static_cast<double>(glyphs));
    fill.char_space = letters / gaps;
    fill.ratio = (slack - letters) / spaces;
  }
  return fill;
}

std::vector<Line> first_fit(const std::vector<Word>& words, const LineWidths& widths) {
  std::vector<Line> lines;
  size_t i = 0;
  while (i < words.size()) {
    double avail = widths.at(lines.size());
    double running = words[i].width;  // pieces i..e with the glue between them
    Line line{i, i + 1, running + break_width(words[i]), false};
    for (size_t e = i; !words[e].break_after && e + 1 < words.size();) {
      running += glue_after(words[e]).width + words[e + 1].width;
      ++e;
      if (running > avail + kTolerance) break;
      if (running + break_width(words[e]) <= avail + kTolerance) line = {i, e + 1, running + break_width(words[e]), false};
    }
    line.last = line.end == words.size() || words[line.end - 1].break_after;
    lines.push_back(line);
    i = line.end;
  }
  return lines;
}

std::vector<Line> break_lines(const std::vector<Word>& words, const LineWidths& widths,
                              LineBreaker breaker, bool ragged, double max_word_space) {
  if (words.empty()) return {};
  if (breaker == LineBreaker::TotalFit) {
    std::vector<Line> lines = total_fit(words, widths, ragged, max_word_space);
    if (!lines.empty()) return lines;
  }
  return first_fit(words, widths);
}

}  // namespace broadsheet
