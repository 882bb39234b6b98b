// Composing one paragraph: what typesetting needs from the render (measurer,
// hyphenator, line breaker), where and how its lines are set, and the
// paragraph broken into lines, ready for layout to place.
#pragma once

#include <string>
#include <vector>

#include "typeset/hyphenate.h"
#include "typeset/linebreak.h"
#include "typeset/paragraph.h"

namespace broadsheet {

class ParagraphPrecomposer;

/// What composing text needs from the render: widths, the render's
/// hyphenation dictionaries (loaded once), and the line breaker; and the body
/// paragraphs composed ahead, when there are (typeset/precompose.h).
struct Typesetter {
  TextMeasurer& measurer;
  Hyphenator& hyphenator;
  LineBreaker breaker = LineBreaker::TotalFit;
  ParagraphPrecomposer* ahead = nullptr;
};

/// Where and how lines of one paragraph are set, relative to the column.
struct LineSettings {
  double indent = 0;         ///< left indent
  double width = 0;          ///< line width after indents
  double first_indent = 0;   ///< extra indent of the first line, on its start side
  double leading = 14;
  double size = 10.5;        ///< main text size (for the baseline offset)
  Align align = Align::Justify;
  bool protect = true;       ///< avoid widows and orphans
  bool keep_together = false;  ///< start a new column rather than split, when
                               ///< the text fits in half a column (list items, code)
  BreakRules rules;          ///< breaks inside words: language, hyphenation
  Justification justification;  ///< letter-spacing and the word-space limit of justified lines
};

/// A paragraph broken into lines, ready to place.
struct SetText {
  std::vector<Word> words;
  std::vector<Line> lines;
  double height(const LineSettings& s) const { return s.leading * static_cast<double>(lines.size()); }
};

/// Where one line of a paragraph is set, relative to the column's left edge.
struct LineBox {
  double x = 0, width = 0;
};

/// The box of line `index`: the first line is first_indent shorter, the
/// indent on the paragraph's start side (the right of a right-to-left one).
LineBox line_box(const LineSettings& settings, size_t index, bool rtl);

/// Prepares (cuts at break opportunities, measures, force-breaks overlong
/// words) and breaks words into lines.
SetText compose_text(std::vector<Word> words, const LineSettings& settings, Typesetter& type);

/// A single-line text item (already clean), measured.
PageItem text_line(const std::string& text, const TextStyle& style, double x, double y,
                   TextMeasurer& measurer);

}  // namespace broadsheet
