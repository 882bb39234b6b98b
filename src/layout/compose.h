// Shared pieces of layout (internal to layout/): setting a composed paragraph
// into the flow with widow and orphan control, rules, and the two page kinds'
// entry points (front page with contents, the articles).
#pragma once

#include <vector>

#include "doc/document.h"
#include "layout/page_flow.h"
#include "typeset/set_text.h"

namespace broadsheet {

/// The fewest lines of a protected paragraph of `lines` lines that may end a
/// column: all of a paragraph of three or fewer (two of three would leave a
/// widow), else two (one would be an orphan).
size_t fewest_lines_at_foot(size_t lines);

/// The most of a column a keep_together text may leave empty by moving on
/// whole; where it would leave more, it is split like a paragraph (the
/// typography check counts a column ending 20 % short as a hole).
inline constexpr double kMaxKeepTogetherHole = 0.15;

/// The most of a column an article's head may leave empty by moving on whole
/// to the next column; where it would leave more, the head keeps with its
/// standfirst at the foot (article_layout.cpp). A fifth, the hole the
/// typography check counts: on the 1,000-article corpus 0.15 split twice as
/// many standfirsts in newspaper (109 against 67) for no fewer short columns,
/// and 0.25 left 10 to 15 short columns per style (docs/typography.md).
inline constexpr double kMaxHeadHole = 0.2;

/// Ensures room for the first line, or for all of a short keep_together text
/// when moving it leaves at most kMaxKeepTogetherHole of the column empty.
void ensure_first_room(Flow& flow, const SetText& text, const LineSettings& settings);

/// Places lines into the flow, moving to new columns as needed; with protect,
/// never leaves one line of a continuing paragraph at a column foot (orphan)
/// or one line alone at the top of the next (widow). Returns the first line's
/// top as a mark (for outline and link targets). keep_after is the height that
/// must follow the last line in its column (keep-with-previous of what comes
/// next): lines are carried over with it rather than leave it alone.
Flow::Mark place_text(Flow& flow, const SetText& text, const LineSettings& settings, double keep_after = 0);

/// Lines of a text, from the first counted from 0 (count: how many).
struct LineRun {
  size_t from = 0, count = 0;
};

/// Places a text split after its first at_foot lines: they end the current
/// column (the caller chose at_foot under the widow and orphan rules and made
/// room for them), the rest begin the next, as place_text would go on. An
/// article's standfirst at a foot, where moving the head whole leaves a hole.
Flow::Mark place_text_split(Flow& flow, const SetText& text, const LineSettings& settings, size_t at_foot);

/// The grey of what is secondary on a page: running heads and their rule,
/// bylines, datelines, front-page subtitles, column rules, section breaks.
inline constexpr Color kSecondaryGrey{0.38, 0.38, 0.38};

/// A horizontal rule item.
PageItem rule_item(double x, double y, double w, double thickness, Color color);

/// Where each article begins: page index and the top of its title.
struct ArticleStart {
  int page = 0;
  double y = 0;
};

/// Lays out every article from a fresh page of flow, newspaper-like, adding
/// each to outline; returns where each begins, in document order. With
/// columns, the last page's are balanced (they end at about one height).
std::vector<ArticleStart> lay_out_articles(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
                                           std::vector<OutlineEntry>& outline);

/// Where the parts of one contents row go, in points from the page's left:
/// the title's lines (a box, set flush to the row's start side), the leaders
/// on its last line, and the page number's x.
struct ContentsRow {
  double title_x = 0, title_width = 0;
  double leaders_from = 0, leaders_to = 0;
  double number_x = 0;
};

/// A left-to-right row: title indented one em, a number column of three ems
/// flush right, leaders from half an em after the title to the number column.
/// A right-to-left row is its exact mirror about the column's middle (number
/// at the left margin, title one em in from the right). `last_line` is the
/// width of the title's last line, em the body size.
struct ContentsRowText {
  double last_line = 0, number_width = 0;
  bool rtl = false;
};
ContentsRow contents_row(double left, double width, double em, ContentsRowText text);

/// What a contents row points at: the printed number of the article's first
/// page and the link target there.
struct ContentsTarget {
  std::string page_label;
  ArticleStart start;
};

/// Lays out the front page(s): masthead and contents. targets holds one per
/// article in document order; it is empty in the counting pass, when the
/// rows have no numbers or links yet.
void lay_out_front(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
                   const std::vector<ContentsTarget>& targets);

}  // namespace broadsheet
