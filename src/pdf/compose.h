// Shared pieces of layout (internal to pdf/): setting a paragraph into the
// flow with widow and orphan control, rules, and the two page kinds' entry
// points (front page with contents, the articles).
#pragma once

#include <vector>

#include "doc/document.h"
#include "pdf/hyphenate.h"
#include "pdf/linebreak.h"
#include "pdf/page_flow.h"
#include "pdf/paragraph.h"

namespace broadsheet {

class ParagraphPrecomposer;

/// What composing text needs from the render: widths, the render's
/// hyphenation dictionaries (loaded once), and the line breaker; and the body
/// paragraphs composed ahead, when there are (pdf/precompose.h).
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
  double first_indent = 0;   ///< extra indent of the first line
  double leading = 14;
  double size = 10.5;        ///< main text size (for the baseline offset)
  Align align = Align::Justify;
  bool protect = true;       ///< avoid widows and orphans
  bool keep_together = false;  ///< start a new column rather than split, when
                               ///< the text fits in half a column (list items, code)
  BreakRules rules;          ///< breaks inside words: language, hyphenation
  Justification justification;  ///< letter-spacing and the ragged limit of justified lines
};

/// A paragraph broken into lines, ready to place.
struct SetText {
  std::vector<Word> words;
  std::vector<Line> lines;
  double height(const LineSettings& s) const { return s.leading * static_cast<double>(lines.size()); }
};

/// Prepares (cuts at break opportunities, measures, force-breaks overlong
/// words) and breaks words into lines.
SetText compose_text(std::vector<Word> words, const LineSettings& settings, Typesetter& type);

/// Ensures room for the first line, or for all of a short keep_together text.
void ensure_first_room(Flow& flow, const SetText& text, const LineSettings& settings);

/// Places lines into the flow, moving to new columns as needed; with protect,
/// never leaves one line of a continuing paragraph at a column foot (orphan)
/// or one line alone at the top of the next (widow). Returns the first line's
/// top as a mark (for outline and link targets).
Flow::Mark place_text(Flow& flow, const SetText& text, const LineSettings& settings);

/// A horizontal rule item.
PageItem rule_item(double x, double y, double w, double thickness, Color color);

/// A single-line text item (already clean), measured.
PageItem text_line(const std::string& text, const TextStyle& style, double x, double y,
                   TextMeasurer& measurer);

/// Where each article begins: page index and the top of its title.
struct ArticleStart {
  int page = 0;
  double y = 0;
};

/// Lays out every article from a fresh page of flow, newspaper-like.
/// Fills starts (in document order) and outline.
void lay_out_articles(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
                      std::vector<ArticleStart>& starts, std::vector<OutlineEntry>& outline);

/// Lays out the front page(s): masthead and contents. page_labels gives the
/// printed number of each article's first page ("" while still unknown), and
/// starts their link targets (may be empty in the counting pass).
void lay_out_front(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
                   const std::vector<std::string>& page_labels,
                   const std::vector<ArticleStart>& starts);

}  // namespace broadsheet
