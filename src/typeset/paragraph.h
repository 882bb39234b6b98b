// Paragraph composition, shaped like typst's: collect (inline tree -> words of
// styled fragments) -> prepare (measure; split words at hyphenation points and
// UAX #14 opportunities; force-break what fits no line) -> linebreak
// (typeset/linebreak.h) -> finalize (positioned Text and Link items of one line).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "doc/document.h"
#include "display/display_list.h"
#include "typeset/measure.h"

namespace broadsheet {

/// Bits of TextStyle::decoration (HTML u/ins, s/del, Markdown ~~).
enum Decoration : std::uint8_t { kUnderline = 1, kStrike = 2 };

/// How a run of text looks; url non-empty makes it a link. `rise` moves the
/// baseline (points, up positive) for superscripts and subscripts.
struct TextStyle {
  FontFace face;
  double size = 10;
  Color color;
  std::string url;
  std::uint8_t decoration = 0;
  double rise = 0;
};

/// Same look and same link target (Color has no operator==: it is style's).
bool same_style(const TextStyle& a, const TextStyle& b);

/// A piece of a word in one style ("bold" and "," of "**bold**,").
struct Fragment {
  std::string text;
  TextStyle style;
  double width = 0;
  std::uint8_t level = 0;     ///< bidi embedding level; odd = right to left (typeset/bidi.h)
};

/// What joins a word (or a piece of one) to the next, and so what a line
/// break there means.
enum class Joint : std::uint8_t {
  Space,    ///< an inter-word space: stretchable; a break drops it
  Hyphen,   ///< a hyphenation point or soft hyphen: a break draws "-"
  Break,    ///< after '/', a dash, or a forced split: a break draws nothing
  Letter,   ///< between CJK characters: slightly stretchable; a break draws nothing
};

/// The unit of line breaking: a word between spaces after collect, a piece of
/// one after prepare (e.g. "hy" Hyphen "phen" Hyphen "ation," Space).
struct Word {
  std::vector<Fragment> parts;
  double width = 0;
  double space = 0;           ///< natural width of the space after it (Joint::Space)
  double hyphen = 0;          ///< width of the "-" drawn when a line ends here (Joint::Hyphen)
  Joint joint = Joint::Space;
  bool break_after = false;   ///< a hard line break follows
  std::vector<std::uint32_t> soft_hyphens;  ///< collect: byte offsets where U+00AD stood
  std::uint8_t space_level = 0;  ///< bidi level of the space after it
  bool rtl = false;           ///< in a right-to-left paragraph (set by prepare_words)
  double tracking = 0;        ///< the most letter-spacing may widen it on a justified line
                              ///< (its glyphs times the per-glyph limit; 0: letters stay put)
};

/// What a justified line may do beyond stretching its spaces (a style's
/// letter_spacing and max_word_space). The defaults change nothing.
struct Justification {
  double letter_spacing = 0;  ///< most extra space between letters, in em (0: none)
  double max_word_space = 0;  ///< widest word space, a multiple of the natural one, the
                              ///< breaker allows while it has a choice (0: no limit)
};

/// Gives every piece that may be letter-spaced its tracking (letter_spacing
/// em per glyph): not code, right-to-left text or CJK, whose letters must not
/// drift apart (CJK spreads through its own glue).
void allow_tracking(std::vector<Word>& words, double letter_spacing);

/// The styles a paragraph needs: its base, and what emphasis, strong, code and
/// links change.
struct InlineStyles {
  TextStyle base;
  double code_scale = 0.9;    ///< inline code size relative to base
  Color link;
};

/// Words of an inline tree, split on spaces, not yet measured.
std::vector<Word> collect_words(const std::vector<Inline>& inlines, const InlineStyles& styles);
/// Words of plain text in one style.
std::vector<Word> collect_words(const std::string& text, const TextStyle& style);

/// Measures every fragment and space, then splits each word wider than
/// max_width at character boundaries so that no word overflows a line.
void measure_words(std::vector<Word>& words, double max_width, TextMeasurer& measurer);

class Hyphenator;

/// How a paragraph may break inside words.
struct BreakRules {
  std::string language;       ///< BCP 47 tag of the text ("" = none)
  bool hyphenate = false;     ///< dictionary hyphens and soft hyphens (never in code fragments)
  bool inside_words = true;   ///< UAX #14 opportunities (false for code blocks)
};

/// Splits words into pieces at their break opportunities, resolves bidi levels
/// when the paragraph has right-to-left text or language (resolve_directions),
/// then measures them (measure_words): afterwards no piece, hyphen included, is
/// wider than max_width.
void prepare_words(std::vector<Word>& words, const BreakRules& rules, double max_width,
                   TextMeasurer& measurer, Hyphenator& hyphenator);

/// One line: words [begin, end); natural = width with natural spaces (and the
/// hyphen, when it ends at a hyphenation point); last lines (paragraph end or
/// hard break) are not justified.
struct Line {
  size_t begin = 0, end = 0;
  double natural = 0;
  bool last = false;
};

/// Available width per line: the first line may be shorter (indent).
struct LineWidths {
  double first = 0, rest = 0;
  double at(size_t line) const { return line == 0 ? first : rest; }
};

enum class Align { Left, Justify, Right, Center };

/// Sets Fragment::level, Word::space_level and Word::rtl from the Unicode bidi
/// algorithm, splitting fragments where the level changes. The paragraph is
/// right to left for an RTL language, else by its first strong character.
/// Paragraphs without right-to-left letters in a left-to-right language are
/// left as they are, without calling FriBidi.
void resolve_directions(std::vector<Word>& words, const std::string& language);

/// Where a line is set: on baseline y, between x and x + width, aligned so.
struct LinePlacement {
  double x = 0, y = 0, width = 0;
  Align align = Align::Left;
};

/// Text and Link items of one line set in its box.
/// Justified lines share out the slack by each glue's stretch (or shrink), so
/// they end exactly at x + width; a line ending at a hyphenation point gets "-".
/// Lines with right-to-left text are reordered (set_bidi_line); in a
/// right-to-left paragraph, ragged and last lines sit at the right.
/// With j, a loose justified line first stretches its spaces to 1.5 times,
/// then letter-spaces within its words' tracking, then stretches its spaces
/// again (fill_line). The items of a justified line other than its paragraph's
/// last get kJustifiedLine.
std::vector<PageItem> set_line(const std::vector<Word>& words, const Line& line, LinePlacement box);

/// A Text item of one fragment at baseline (x, y), and its link rectangle.
PageItem fragment_item(const Fragment& f, double x, double y);
PageItem fragment_link(const Fragment& f, double x, double y);
/// The rules that underline or strike `width` points of text in `style` from
/// x on baseline y (none when the style has no decoration).
void add_decorations(std::vector<PageItem>& out, const TextStyle& style, double x, double y, double width);

/// In a right-to-left paragraph, makes its last `bytes` bytes of text (spaces
/// not counted) one left-to-right unit, as if between LRI and PDI: a byline's
/// "07:30 +04:00" keeps its order instead of the bidi algorithm's, which
/// takes the space and '+' between the numbers for right-to-left neutrals.
void isolate_ltr_tail(std::vector<Word>& words, size_t bytes);

/// set_line for lines that hold right-to-left text (typeset/bidi_line.cpp).
std::vector<PageItem> set_bidi_line(const std::vector<Word>& words, const Line& line, LinePlacement box);

/// Natural width of words[begin, end) with natural spaces, plus the hyphen
/// when the range ends at a hyphenation point.
double natural_width(const std::vector<Word>& words, size_t begin, size_t end);

}  // namespace broadsheet
