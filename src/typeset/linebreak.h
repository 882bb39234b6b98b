// Line breaking over prepared words read as boxes, glue and penalties:
// first-fit (fast, greedy) and total-fit (Knuth & Plass 1981, the optimum over
// the whole paragraph), behind one function so callers and tests can choose.
#pragma once

#include <vector>

#include "typeset/paragraph.h"

namespace broadsheet {

enum class LineBreaker { FirstFit, TotalFit };

/// How far a space may stretch, as a share of its width (TeX's proportion).
constexpr double kSpaceStretch = 0.5;

/// Stretchable space: natural width and how far it may grow or shrink.
struct Glue {
  double width = 0, stretch = 0, shrink = 0;
};

/// The glue a line keeps after w when the line continues past it: a space
/// stretches by kSpaceStretch and shrinks by 1/3 of itself (TeX's proportions), CJK
/// letters spread by up to 0.1 em each, joints inside words do not move.
Glue glue_after(const Word& w);

/// What a line that ends after w draws beyond it (the hyphen's width, or 0).
double break_width(const Word& w);

/// How much a line's glue must stretch (> 0) or shrink (< 0, at least -1) to
/// fill width; last lines only shrink (if they must), lines without glue stay 0.
double adjustment_ratio(const std::vector<Word>& words, const Line& line, double width);

/// How a justified left-to-right line fills its width: the space glue's ratio
/// (as adjustment_ratio) and letter-spacing in points per glyph.
struct LineFill {
  double ratio = 0;
  double char_space = 0;
};

/// How a loose line shares its slack: spaces first up to 1.5 times their width
/// (stretch ratio 1), then letters up to letter_room, then spaces again.
/// Returns the letters' share, in points. The breaker and the setter both
/// follow this, so the line the breaker judged is the line that is set.
double letters_share(double slack, double space_stretch, double letter_room);

/// Fills a justified line as letters_share says; tight lines shrink their
/// spaces as adjustment_ratio says. Every line is justified, however loose: a
/// ragged line inside a justified paragraph reads as an error, so keeping
/// lines within a style's max_word_space is the breaker's work (total_fit).
/// Linear in the line's length.
LineFill fill_line(const std::vector<Word>& words, const Line& line, double width);

/// Breaks prepared words into lines. Never returns an empty line, and no line
/// is wider than its width unless a single word is (prepare_words prevents that).
/// Forced breaks (break_after) are honoured; the last line is not justified.
/// Ragged lines keep natural spaces: total-fit then evens out the rag instead.
/// max_word_space (a multiple of the natural space, 0: no limit) is the widest
/// space total-fit lets a justified line have while any other breaking exists.
std::vector<Line> break_lines(const std::vector<Word>& words, const LineWidths& widths,
                              LineBreaker breaker = LineBreaker::TotalFit, bool ragged = false,
                              double max_word_space = 0);

/// Greedy: each line takes as many words as fit.
std::vector<Line> first_fit(const std::vector<Word>& words, const LineWidths& widths);

/// Knuth-Plass with normal passes, which admit no line whose spaces would pass
/// max_word_space, and emergency passes (any line that does not overflow is
/// allowed, lines past max_word_space at a cost that outweighs any other);
/// empty only if even that fails (break_lines then falls back to first-fit).
std::vector<Line> total_fit(const std::vector<Word>& words, const LineWidths& widths,
                            bool ragged = false, double max_word_space = 0);

}  // namespace broadsheet
