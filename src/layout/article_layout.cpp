// Articles in the flow, newspaper-like: a section label where a section
// begins, then per article its head (title, byline, summary), its body blocks
// (paragraphs, headings, quotes, lists, code, rules) and its source line.
#include <algorithm>
#include <cmath>
#include <deque>
#include <optional>

#include "doc/language.h"
#include "doc/link_policy.h"
#include "doc/paragraph_indent.h"
#include "layout/compose.h"
#include "layout/image_layout.h"
#include "typeset/pdf_text.h"
#include "typeset/precompose.h"
#include "layout/table_layout.h"
#include "layout/spacing.h"

namespace broadsheet {

using namespace spacing;

namespace {

constexpr Color kLightGrey{0.7, 0.7, 0.7};

// Heading ranks of the whole edition (the front page's masthead is H1): a
// section's label H2, an article's title H3, and the body's headings below
// it by their rank in the article's outline (Block::rank), down to H6.
constexpr StructRole kSectionTitle = StructRole::H2;
constexpr StructRole kArticleTitle = StructRole::H3;

StructRole body_heading_role(const Block& heading) {
  constexpr StructRole kRanks[] = {StructRole::H4, StructRole::H5, StructRole::H6};
  int rank = std::clamp(heading.rank > 0 ? heading.rank : heading.level, 1, 3);
  return kRanks[rank - 1];
}

// Indentation and list state of the block being set.
struct BlockContext {
  double left = 0, right = 0;
  int list_depth = 0;
  bool in_list = false;
  // What must follow the block's last line in its column: the article's
  // source line (keep-with-previous), for the body's last block.
  double keep_after = 0;
};

class ArticleComposer {
 public:
  ArticleComposer(const Style& style, Typesetter& type, Flow& flow,
                  std::vector<OutlineEntry>& outline)
      : style_(style), type_(type), measurer_(type.measurer), flow_(flow), outline_(outline) {}

  void section(const SectionDoc& section) {
    head_pending_ = &section;
  }
  // The section whose label still waits for its first article's head: part of
  // what a checkpoint keeps.
  const SectionDoc* pending_section() const { return head_pending_; }
  void resume(const SectionDoc* pending) { head_pending_ = pending; }

  // The article's structure element is opened by place_head, after the
  // section label that may precede its title (the label belongs to the section).
  ArticleStart article(const ArticleDoc& article) {
    language_ = article.language;
    ArticleStart start = head(article);
    std::optional<SourceLine> source = compose_source_line(article);
    BlockContext body;
    if (source) body.keep_after = source->height();
    blocks(article.body, body);
    if (source) place_source_line(*source);
    flow_.close();
    return start;
  }

 private:
  TextStyle style(FontFace face, double size, Color color) const {
    return TextStyle{face, size, color, {}};
  }
  LineSettings settings(const BlockContext& ctx, double leading, double size, Align align) const {
    LineSettings s;
    s.indent = ctx.left;
    s.width = flow_.width() - ctx.left - ctx.right;
    s.leading = leading;
    s.size = size;
    s.align = align;
    s.rules.language = language_;  // heads and headings break by UAX #14 only
    return s;
  }
  // Nested quotes and lists indent until the text would be narrower than a
  // third of the column (or ~12 ems); deeper levels keep that width, so a
  // quote nested hundreds deep still shows every word.
  BlockContext indented(const BlockContext& ctx, double left, double right) const {
    BlockContext inner = ctx;
    double floor = std::max(flow_.width() / 3, std::min(flow_.width(), 12 * style_.body_size));
    if (flow_.width() - ctx.left - ctx.right - left - right >= floor) {
      inner.left += left;
      inner.right += right;
    }
    return inner;
  }

  // The byline with its time and offset ("07:30 +04:00") joined by a narrow
  // no-break space, so that a narrow column does not split them.
  static std::string byline_text(const ArticleDoc& article) {
    std::string by = article.byline();
    const std::string& time = article.time_label;
    if (time.empty() || !by.ends_with(time)) return by;
    std::string joined;
    for (char c : time) joined += c == ' ' ? std::string("\u202F") : std::string(1, c);
    return by.substr(0, by.size() - time.size()) + joined;
  }

  // Bytes of text without its spaces (the words' fragments hold no spaces).
  static size_t letters_of(const std::string& text) {
    return text.size() - static_cast<size_t>(std::count(text.begin(), text.end(), ' '));
  }

  SetText plain(const std::string& text, const TextStyle& st, const LineSettings& s) {
    return compose_text(collect_words(text, st), s, type_);
  }

  // --- article head -------------------------------------------------------
  // Title, byline and summary, composed for the current width (a column, or
  // the whole text block for a lead).
  struct Head {
    LineSettings title_s, by_s, sum_s;
    SetText title, byline, summary;
    // The spaces between the parts are counted too: without them the "three
    // more lines" below could leave room for two, and the orphan rule would
    // move both.
    double height(const Style& st) const {
      return title.height(title_s) + byline.height(by_s) + summary.height(sum_s) +
             st.small_size * kBylineGap + st.body_leading * kHeadSpaces;
    }
    // With only the standfirst's first `lines` lines: a head split at a column
    // foot, where none of the body follows it.
    double height_through(const Style& st, size_t lines) const {
      return title.height(title_s) + byline.height(by_s) + sum_s.leading * static_cast<double>(lines) +
             st.small_size * kBylineGap + st.body_leading * kSummaryGap;
    }
  };

  Head compose_head(const ArticleDoc& article, double title_size, double summary_size) {
    BlockContext none;
    Head h;
    h.title_s = settings(none, title_size * kTitleLeading, title_size, Align::Left);
    h.title_s.protect = false;
    h.title = plain(article.title, style(bold_face(FontRole::Heading), title_size, style_.text), h.title_s);
    h.by_s = settings(none, style_.small_size * kSmallLeading, style_.small_size, Align::Left);
    h.by_s.protect = false;
    h.byline = plain(byline_text(article), style(italic_face(FontRole::Body), style_.small_size, kSecondaryGrey), h.by_s);
    isolate_ltr_tail(h.byline.words, letters_of(article.time_label));
    h.sum_s = settings(none, summary_size * kSummaryLeading, summary_size, Align::Left);
    h.summary = plain(article.summary, style(italic_face(FontRole::Body), summary_size, style_.text), h.sum_s);
    return h;
  }

  // standfirst_at_foot: the standfirst's lines at this foot when it splits (0: whole).
  Flow::Mark place_head(const ArticleDoc& article, const Head& h, size_t standfirst_at_foot = 0) {
    flow_.open(StructRole::Art, article.language);
    Flow::Mark top;
    {
      Tagged title(flow_, kArticleTitle);
      top = place_text(flow_, h.title, h.title_s);
      outline_.push_back({1, clean_pdf_text(article.title), top.page, top.y, title.index()});
    }
    flow_.space(style_.small_size * kBylineGap);
    {
      Tagged byline(flow_, StructRole::P);
      place_text(flow_, h.byline, h.by_s);
    }
    flow_.space(style_.body_leading * kSummaryGap);
    Tagged summary(flow_, StructRole::P);
    if (standfirst_at_foot > 0) {
      place_text_split(flow_, h.summary, h.sum_s, standfirst_at_foot);
    } else {
      place_text(flow_, h.summary, h.sum_s);
    }
    return top;
  }

  // With columns, an article that begins a page is its lead: headline and
  // summary across all columns, like a newspaper; the others head their column.
  ArticleStart head(const ArticleDoc& article) {
    Head h = compose_head(article, style_.title_size, style_.body_size * kSummaryScale);
    double head_height = h.height(style_);
    // A section's first head that does not fit a page's last column goes on
    // to lead the next page across its columns (below), as before: a new
    // section under a lead is worth the foot it leaves (the sample's Business
    // on 7 November). Other heads split there too: leading with them left 10
    // short columns on newspaper's corpus, splitting 0.
    const bool may_lead = flow_.columns() > 1 && flow_.in_last_column() && head_pending_;
    const size_t split = may_lead ? 0 : standfirst_at_foot(article, h);
    if (split > 0) return split_head(article, h, split);
    if (flow_.columns() > 1) {
      // A head that would not fit the last column begins the next page: as its
      // lead. It asks for no more room than a head anywhere (head_room): a
      // larger demand left the foot of a page's last column empty.
      double label = head_pending_ ? section_label_height() : 0;
      double needed = label + head_room(article, head_height);
      if (flow_.in_last_column() && !flow_.at_top() && needed > flow_.room()) flow_.next_column();
      if (flow_.at_page_start()) {
        if (std::optional<ArticleStart> lead = lead_head(article)) return *lead;
      }
    }
    separate_from_previous(head_height, text_opening(article, head_height + style_.body_leading * 2));
    if (head_pending_) head_height += section_label_height();
    flow_.ensure(head_room(article, head_height));
    if (head_pending_) section_label(*head_pending_);
    Flow::Mark top = place_head(article, h);
    flow_.space(style_.body_leading * kAfterHead);
    return {top.page, top.y};
  }

  // A head that keeps at this foot its title, byline and at_foot lines of its
  // standfirst: the standfirst's other lines (if any) begin the next column,
  // then the body.
  ArticleStart split_head(const ArticleDoc& article, const Head& h, size_t at_foot) {
    double height = h.height_through(style_, at_foot);
    separate_from_previous(height, 0);
    if (head_pending_) height += section_label_height();
    flow_.ensure(std::max(kHeadMinLines * style_.body_leading, height));
    if (head_pending_) section_label(*head_pending_);
    Flow::Mark top = place_head(article, h, at_foot);
    flow_.space(style_.body_leading * kAfterHead);
    return {top.page, top.y};
  }

  // How many of its standfirst's lines a head keeps at this column's foot
  // instead of moving on whole; 0: it moves on, or fits with its opening.
  // A head that moved on whole left the only holes in columns (a third of an
  // ereader page), so where the head with its opening does not fit and moving
  // on would leave more than kMaxHeadHole of the column, the head keeps with
  // its standfirst instead of the body's first lines. The standfirst follows
  // a paragraph's widow and orphan rule: two lines at least at the foot and
  // two carried over, and one of three lines or fewer is not split (it ends
  // the column whole, the body begins the next). A standfirst of one line is
  // too little to keep with: the head moves on as before.
  size_t standfirst_at_foot(const ArticleDoc& article, const Head& h) {
    const size_t lines = h.summary.lines.size();
    if (lines < 2 || flow_.at_top() || flow_.room() <= kMaxHeadHole * flow_.page_room()) return 0;
    const double room = flow_.room() - space_above_head();
    if (head_room(article, h.height(style_)) <= room) return 0;  // it fits whole
    const double spare = room - h.height_through(style_, 0);  // for standfirst lines
    if (room < kHeadMinLines * style_.body_leading || spare <= 0) return 0;
    const size_t fit = static_cast<size_t>(std::floor(spare / h.sum_s.leading + 1e-6));
    const size_t at_foot = std::min(fit, lines <= 3 ? lines : lines - 2);
    return at_foot >= fewest_lines_at_foot(lines) ? at_foot : 0;
  }

  // What separate_from_previous (the space and rule between articles) or a
  // section's label takes above a head here.
  double space_above_head() const {
    if (flow_.at_top()) return 0;
    if (head_pending_) return style_.body_leading * kBelowSectionLabel + section_label_height();
    return style_.body_leading * (kBeforeArticleRule + kArticleRuleSpace);
  }

  // The lead's head spans the columns when it leaves room for the first lines
  // of the columns below it; otherwise (a title longer than a page) nothing is
  // placed and the head goes into the column.
  std::optional<ArticleStart> lead_head(const ArticleDoc& article) {
    flow_.begin_span();
    Head h = compose_head(article, style_.title_size * kLeadTitleScale, style_.body_size * kLeadSummaryScale);
    double label = head_pending_ ? section_label_height() : 0;
    if (label + h.height(style_) + kHeadMinLines * style_.body_leading > flow_.room()) {
      flow_.end_span();
      return std::nullopt;
    }
    if (head_pending_) section_label(*head_pending_);
    Flow::Mark top = place_head(article, h);
    double rule_top = flow_.advance(style_.body_leading * kLeadRuleSpace);
    flow_.add(rule_item(flow_.left(), rule_top - style_.body_leading * kLeadRuleDrop, flow_.width(), kLeadRuleWeight, style_.text));
    flow_.end_span();
    return ArticleStart{top.page, top.y};
  }

  // A thin rule between articles of a column; nothing at a column top.
  // opening: the text the head keeps with below it (text_opening).
  void separate_from_previous(double head_height, double opening) {
    if (flow_.at_top() || head_pending_) {
      if (!flow_.at_top()) flow_.space(style_.body_leading * kBelowSectionLabel);
      return;
    }
    flow_.space(style_.body_leading * kBeforeArticleRule);
    flow_.ensure(std::max(kHeadMinLines * style_.body_leading, head_height + opening + style_.body_leading));
    if (flow_.at_top()) return;
    double top = flow_.advance(style_.body_leading * kArticleRuleSpace);
    flow_.add(rule_item(flow_.left(), top - style_.body_leading * kArticleRuleDrop, flow_.width(), kHairline, kLightGrey));
  }

  double section_label_height() const {
    return (style_.small_size + kLabelSizeStep) * kLabelLeading + style_.body_leading * kAfterLabel;
  }

  // The section label: accent text over an accent rule, and its outline entry.
  void section_label(const SectionDoc& section) {
    const SectionDoc& s = section;
    head_pending_ = nullptr;
    flow_.set_section(clean_pdf_text(s.title));
    double size = style_.small_size + kLabelSizeStep;
    double top = flow_.advance(size * kLabelLeading);
    double baseline = top - baseline_below_top(size * kLabelLeading, size);
    TextStyle st = style(bold_face(FontRole::Heading), size, style_.accent);
    Tagged label(flow_, kSectionTitle);
    flow_.add(text_line(clean_pdf_text(s.title), st, flow_.left(), baseline, measurer_));
    flow_.add(rule_item(flow_.left(), baseline - size * kLabelRuleDrop, flow_.width(), kLabelRuleWeight, style_.accent));
    outline_.push_back({0, clean_pdf_text(s.title), flow_.page_index(), top, label.index()});
    flow_.space(style_.body_leading * kAfterLabel);
  }

  // The source line, composed before the body so that the body's last lines
  // can keep room for it: it never stands alone at a column top.
  struct SourceLine {
    LineSettings settings;
    SetText text;
    double space = 0;  // above it
    double height() const { return space + text.height(settings); }
  };

  std::optional<SourceLine> compose_source_line(const ArticleDoc& article) {
    if (article.url.empty() && article.source.empty()) return std::nullopt;
    TextStyle st = style(regular_face(FontRole::Body), style_.small_size, kSecondaryGrey);
    std::vector<Word> words = collect_words("Source:", st);
    TextStyle link = st;
    link.color = style_.link;
    // A url the link policy keeps is a link, shown as display_url has it; one
    // it drops is shown as written.
    const std::optional<std::string> target = decide_link(article.url);
    link.url = target.value_or("");
    const std::string shown = target ? display_url(*target) : article.url.empty() ? article.source : article.url;
    for (Word& w : collect_words(shown, target ? link : st)) words.push_back(std::move(w));
    LineSettings s = settings(BlockContext{}, style_.small_size * kSmallLeading, style_.small_size, Align::Left);
    // Our label and an address: left to right in every article, so that an
    // address with right-to-left segments reads as a browser shows it.
    s.rules.language = kLabelLanguage;
    s.keep_together = true;  // a long address's lines stay together
    SetText text = compose_text(std::move(words), s, type_);
    return SourceLine{s, std::move(text), style_.body_leading * kSourceGap};
  }

  void place_source_line(const SourceLine& source) {
    flow_.space(source.space);
    Tagged line(flow_, StructRole::P, kLabelLanguage);
    place_text(flow_, source.text, source.settings);
  }

  // --- body blocks --------------------------------------------------------
  // Each block is set knowing the one before it in its container (nullptr for
  // the first): a paragraph's indent and spacing depend on it.
  // The last block keeps ctx.keep_after with it; the one before keeps the
  // last too when that is a one-line paragraph, so that what the keep carries
  // over is never a page of two lines.
  void blocks(const std::vector<Block>& body, const BlockContext& ctx) {
    const Block* previous = nullptr;
    BlockContext inner = ctx;
    for (size_t i = 0; i < body.size(); ++i) {
      const bool last = i + 1 == body.size();
      inner.keep_after = last ? ctx.keep_after : i + 2 == body.size() ? keep_before_last(body, ctx) : 0;
      block(body[i], previous, inner);
      previous = &body[i];
    }
  }

  double keep_before_last(const std::vector<Block>& body, const BlockContext& ctx) {
    const Block& last = body.back();
    if (ctx.keep_after <= 0 || last.kind != BlockKind::Paragraph) return 0;
    ComposedParagraph p = compose_paragraph(last, &body[body.size() - 2], ctx, false);
    if (p.text.lines.size() != 1) return 0;
    return ctx.keep_after + p.text.height(p.look.settings) + paragraph_space(&body[body.size() - 2], ctx);
  }

  void block(const Block& b, const Block* previous, const BlockContext& ctx) {
    switch (b.kind) {
      case BlockKind::Paragraph: paragraph(b, previous, ctx); return;
      case BlockKind::Heading: heading(b, ctx); return;
      case BlockKind::Quote: quote(b, ctx); return;
      case BlockKind::List: list(b, ctx); return;
      case BlockKind::ListItem: blocks(b.children, ctx); return;
      case BlockKind::CodeBlock: code(b, ctx); return;
      case BlockKind::Rule: rule(); return;
      case BlockKind::Table: table(b, ctx); return;
      case BlockKind::TableRow:   // rows and cells are set by their table
      case BlockKind::TableCell: return;
      case BlockKind::Figure:
        place_figure(b, style_, type_, flow_, FigureIndents{ctx.left, ctx.right});
        return;
    }
  }

  struct ComposedParagraph {
    ParagraphLook look;
    SetText text;
    bool ahead = false;  // composed ahead: given back once placed
  };

  // With take_ahead, the paragraph composed ahead is taken when there is one
  // (in document order only); without, it is composed here, to look ahead.
  ComposedParagraph compose_paragraph(const Block& b, const Block* previous, const BlockContext& ctx,
                                      bool take_ahead) {
    ParagraphKey key{flow_.width() - ctx.left - ctx.right, language_, first_line_indented(previous, ctx.in_list),
                     ctx.in_list};
    ComposedParagraph p{body_paragraph_look(style_, key, ctx.left), {}, false};
    std::optional<SetText> ahead = take_ahead && type_.ahead ? type_.ahead->take(b, key) : std::nullopt;
    p.ahead = ahead.has_value();
    p.text = ahead ? std::move(*ahead) : compose_text(collect_words(b.inlines, p.look.styles), p.look.settings, type_);
    return p;
  }

  // In a list, where nothing is indented, paragraphs of one item are spaced apart.
  double paragraph_space(const Block* previous, const BlockContext& ctx) const {
    const bool follows_paragraph = previous && previous->kind == BlockKind::Paragraph;
    return ctx.in_list && follows_paragraph ? style_.body_leading * kListParagraphGap : 0;
  }

  void paragraph(const Block& b, const Block* previous, const BlockContext& ctx) {
    flow_.space(paragraph_space(previous, ctx));
    Tagged tag(flow_, StructRole::P);
    ComposedParagraph p = compose_paragraph(b, previous, ctx, true);
    place_text(flow_, p.text, p.look.settings, ctx.keep_after);
    if (p.ahead) type_.ahead->give_back(std::move(p.text));
  }

  double heading_size(int level) const {
    if (level <= 1) return style_.heading_size * kTopHeadingScale;
    if (level == 2) return style_.heading_size;
    return std::max(style_.body_size * kMinorHeadingFloor, style_.heading_size * kMinorHeadingScale);
  }

  // Headings keep with at least two lines of text, so none ends a column.
  void heading(const Block& b, const BlockContext& ctx) {
    double size = heading_size(b.level);
    LineSettings s = settings(ctx, size * kHeadingLeading, size, Align::Left);
    s.protect = false;
    InlineStyles st{style(bold_face(FontRole::Heading), size, style_.text), kInlineCodeScale, style_.link};
    SetText text = compose_text(collect_words(b.inlines, st), s, type_);
    flow_.space(style_.body_leading * kBeforeHeading);
    // Three lines: a three-line paragraph that got two would carry its widow over.
    flow_.ensure(text.height(s) + size * kAfterHeading + 3 * style_.body_leading);
    Tagged tag(flow_, body_heading_role(b));
    place_text(flow_, text, s);
    flow_.space(size * kAfterHeading);
  }

  void quote(const Block& b, const BlockContext& ctx) {
    flow_.space(style_.body_leading * kQuoteGap);
    BlockContext inner = indented(ctx, kQuoteIndentLeft, kQuoteIndentRight);
    flow_.ensure(style_.body_leading);
    Flow::Mark from = flow_.mark();
    {
      Tagged tag(flow_, StructRole::BlockQuote);
      blocks(b.children, inner);
    }
    if (inner.left > ctx.left) flow_.vertical_rule(from, ctx.left + kQuoteRuleX, kQuoteRuleWeight, style_.accent);
    flow_.space(style_.body_leading * kQuoteGap);
  }

  std::string marker_text(const Block& list, int index, int depth) const {
    if (list.ordered) return std::to_string(list.start + index) + ".";
    static const char* const kBullets[] = {"\u2022", "\u2013", "\u25E6"};
    return kBullets[depth % 3];
  }

  void list(const Block& b, const BlockContext& ctx) {
    flow_.space(style_.body_leading * kListGap);
    TextStyle mark_style = style(regular_face(FontRole::Body), style_.body_size, style_.text);
    std::string widest = marker_text(b, static_cast<int>(b.children.size()) - 1, ctx.list_depth);
    double hang = std::max(style_.body_size * kMarkerHangMin,
                           measurer_.width(mark_style.face, widest, style_.body_size) + style_.body_size * kMarkerGap);
    BlockContext inner = indented(ctx, hang, 0);
    inner.in_list = true;
    inner.list_depth = ctx.list_depth + 1;
    Tagged tag(flow_, StructRole::L);
    for (size_t i = 0; i < b.children.size(); ++i) {
      Tagged item(flow_, StructRole::LI);
      std::string text = marker_text(b, static_cast<int>(i), ctx.list_depth);
      PageItem marker = text_line(text, mark_style, 0, 0, measurer_);
      marker.element = flow_.make_element(StructRole::Lbl, item.index());
      flow_.set_marker(marker, inner.left - style_.body_size * kMarkerOffset - marker.w);
      if (i > 0) flow_.space(style_.body_leading * kItemGap);
      Tagged body(flow_, StructRole::LBody);
      BlockContext item_ctx = inner;
      if (i + 1 < b.children.size()) item_ctx.keep_after = 0;  // what follows the list is kept with its last item
      list_item(b.children[i], item_ctx);
    }
    flow_.space(style_.body_leading * kListGap);
  }

  void list_item(const Block& item, const BlockContext& inner) {
    if (item.kind != BlockKind::ListItem) return block(item, nullptr, inner);
    if (item.children.empty()) {  // an empty item still shows its marker
      double top = flow_.advance(style_.body_leading);
      flow_.place_marker(top - baseline_below_top(style_.body_leading, style_.body_size));
      return;
    }
    blocks(item.children, inner);
  }

  // Code keeps its spaces; each source line is one word, force-broken when too long.
  void code(const Block& b, const BlockContext& ctx) {
    double size = style_.code_size;
    BlockContext inner = indented(ctx, kCodeIndent, 0);
    LineSettings s = settings(inner, size * kCodeLeading, size, Align::Left);
    s.rules.inside_words = false;  // code breaks only where a line is too long
    TextStyle st = style(regular_face(FontRole::Mono), size, style_.text);
    std::vector<Word> words;
    size_t start = 0;
    std::string_view text = b.text;
    while (start <= text.size()) {
      size_t end = std::min(text.find('\n', start), text.size());
      std::string line = clean_pdf_code(text.substr(start, end - start));
      Word word;
      word.parts.push_back(Fragment{line, st, 0});
      word.break_after = true;
      words.push_back(std::move(word));
      start = end + 1;
    }
    while (words.size() > 1 && words.back().parts[0].text.empty()) words.pop_back();
    flow_.space(style_.body_leading * kCodeGap);
    s.keep_together = true;  // short code stays in one column
    SetText set = compose_text(std::move(words), s, type_);
    ensure_first_room(flow_, set, s);
    Flow::Mark from = flow_.mark();
    {
      Tagged tag(flow_, StructRole::Code);
      place_text(flow_, set, s, ctx.keep_after);
    }
    if (inner.left > ctx.left) flow_.vertical_rule(from, ctx.left + kCodeRuleX, kCodeRuleWeight, kLightGrey);
    flow_.space(style_.body_leading * kCodeGap);
  }

  TableLook table_look() const {
    return TableLook{style(regular_face(FontRole::Body), style_.body_size, style_.text), style_.link,
                     kLightGrey, 7, language_};
  }

  // What the head keeps with below it: three lines of text, or the opening
  // rows of a table, or the figure (the lead image) that begins the body.
  // Where three lines do not fit below the head, what the first paragraph
  // would really put there (two lines, or all of a short one) is enough: a
  // head that moved on for a third line left a quarter page empty in ereader.
  // The room a head of head_height needs below it in a column: itself and the
  // opening it keeps with (opening_need), six lines at least.
  double head_room(const ArticleDoc& article, double head_height) {
    return std::max(kHeadMinLines * style_.body_leading, head_height + opening_need(article, head_height));
  }

  double opening_need(const ArticleDoc& article, double head_height) {
    double lines = 3 * style_.body_leading;
    if (article.body.empty()) return lines;
    const Block& first = article.body.front();
    if (first.kind == BlockKind::Paragraph) return text_opening(article, head_height);
    if (first.kind == BlockKind::Table) {
      return std::max(lines, style_.body_leading * kBlockGap +
                                 table_opening_height(first, table_look(), flow_.width(), type_));
    }
    if (first.kind == BlockKind::Figure) {
      double room = flow_.room() - head_height - style_.body_leading * kAfterHead - lines;
      return figure_height(first, style_, type_, flow_, room) + lines;
    }
    return lines;
  }

  // The lines of text a head keeps with, `above` being the head's height.
  // A body of one short paragraph goes on whole with the source line it
  // keeps (keep_after), so its head keeps with both: with the paragraph
  // alone, a head was left at a column foot above nothing (the real feed's
  // 7 November in newspaper, once its last page was balanced).
  double text_opening(const ArticleDoc& article, double above) {
    const double lines = 3 * style_.body_leading;
    if (article.body.empty() || article.body.front().kind != BlockKind::Paragraph) return lines;
    const double source = article.body.size() == 1 ? source_height(article) : 0;
    if (above + lines + source <= flow_.room()) return lines;
    // Composed here only near a column foot; the layout composes it again (or
    // takes it composed ahead) when it places it.
    size_t first = compose_paragraph(article.body.front(), nullptr, BlockContext{}, false).text.lines.size();
    const size_t at_foot = fewest_lines_at_foot(first);
    return static_cast<double>(at_foot) * style_.body_leading + (at_foot == first ? source : 0);
  }

  double source_height(const ArticleDoc& article) {
    std::optional<SourceLine> source = compose_source_line(article);
    return source ? source->height() : 0;
  }

  void table(const Block& b, const BlockContext& ctx) {
    flow_.space(style_.body_leading * kBlockGap);
    place_table(b, table_look(), {ctx.left, flow_.width() - ctx.left - ctx.right}, flow_, type_);
    flow_.space(style_.body_leading * kBlockGap);
  }

  void rule() {
    flow_.space(style_.body_leading * kBlockGap);
    double top = flow_.advance(style_.body_leading);
    double w = flow_.width() / 4;
    flow_.add(rule_item(flow_.left() + (flow_.width() - w) / 2, top - style_.body_leading / 2, w,
                        kRuleWeight, kSecondaryGrey));
    flow_.space(style_.body_leading * kBlockGap);
  }

  const Style& style_;
  Typesetter& type_;
  TextMeasurer& measurer_;
  Flow& flow_;
  std::vector<OutlineEntry>& outline_;
  std::string language_;  // of the article being set
  const SectionDoc* head_pending_ = nullptr;
};


// Where an article begins: its place in the document and the layout's state
// before it, to lay it and those after it out again from there.
struct ArticleCheckpoint {
  size_t section = 0, article = 0;
  Flow::Checkpoint flow;
  const SectionDoc* pending = nullptr;
  size_t starts = 0, outline = 0;
};

// Lays out the articles and returns where each begins, in document order;
// remembers where those that reach the current page and the one before began.
class ArticleRun {
 public:
  ArticleRun(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
             std::vector<OutlineEntry>& outline)
      : doc_(doc), style_(style), type_(type), flow_(flow), outline_(outline), composer_(style, type, flow, outline) {}

  void lay_out() { lay_out_from(0, 0); }

  // A page of several columns that ends the edition has them end at one
  // height, as a paper's last page does: the articles that reach it are laid
  // out again with its columns shortened to the lowest height, in whole lines
  // above an even share of its text, at which they still end on it. Every
  // rule that keeps lines together holds as on any page; where no shorter
  // height keeps them on the page, the page stays as it was.
  void balance_last_page() {
    const int last = flow_.page_index();
    const std::vector<double> heights = flow_.column_heights(last);
    if (flow_.columns() < 2 || heights.empty() || checkpoints_.empty()) return;
    const auto [lowest, highest] = std::minmax_element(heights.begin(), heights.end());
    const double line = style_.body_leading;
    if (*highest - *lowest <= line) return;
    double total = 0;
    for (double h : heights) total += h;
    const ArticleCheckpoint from = checkpoints_.front();
    type_.ahead = nullptr;  // it composed in document order once; what is laid out again is composed here
    const int fewest = static_cast<int>(std::ceil(total / static_cast<double>(heights.size()) / line));
    const int most = static_cast<int>(std::ceil(*highest / line)) - 1;  // below the height the page has now
    if (!fewest_fitting_lines(from, last, fewest, most)) lay_out_again(from, -1, 0);
  }

  std::vector<ArticleStart> starts() && { return std::move(starts_); }

 private:
  // The fewest lines from `fewest` to `most` at which the articles from
  // `from` still end on page `last`, the layout left so; nullopt when none
  // does. A long article that reaches the page is laid out again for each
  // try, so the tries gallop (1, 2, 4 lines more) and then halve the last
  // gap: a handful at most, one or two where the even share nearly fits.
  std::optional<int> fewest_fitting_lines(const ArticleCheckpoint& from, int last, int fewest, int most) {
    auto fits = [&](int lines) { return lay_out_again(from, last, lines * style_.body_leading); };
    int short_of = fewest - 1, at = fewest;
    for (int step = 1; at <= most && !fits(at); step *= 2) {
      short_of = at;
      at = std::min(most + 1, at + step);
    }
    if (at > most) return std::nullopt;
    int tried = at;
    for (int low = short_of + 1, high = at - 1; low <= high;) {
      tried = (low + high) / 2;
      if (fits(tried)) {
        at = tried;
        high = tried - 1;
      } else {
        low = tried + 1;
      }
    }
    if (tried != at) fits(at);
    return at;
  }

  // True when the articles from `from` on end on page `last` with its columns `height` tall.
  bool lay_out_again(const ArticleCheckpoint& from, int last, double height) {
    flow_.rewind(from.flow);
    starts_.resize(from.starts);
    outline_.resize(from.outline);
    composer_.resume(from.pending);
    flow_.limit_columns(last, height);
    checkpoints_.clear();
    lay_out_from(from.section, from.article);
    return flow_.page_index() == last;
  }

  void lay_out_from(size_t first_section, size_t first_article) {
    for (size_t s = first_section; s < doc_.sections.size(); ++s) {
      const SectionDoc& section = doc_.sections[s];
      if (section.articles.empty()) continue;
      for (size_t a = s == first_section ? first_article : 0; a < section.articles.size(); ++a) {
        remember(s, a);
        if (a == 0) {
          composer_.section(section);
          flow_.open(StructRole::Sect);
        }
        starts_.push_back(composer_.article(section.articles[a]));
      }
      flow_.close();
    }
  }

  // Only the checkpoint of the article running when the current page began,
  // and those after it, can be needed.
  void remember(size_t section, size_t article) {
    ArticleCheckpoint at{section, article, flow_.checkpoint(), composer_.pending_section(), starts_.size(),
                         outline_.size()};
    while (checkpoints_.size() >= 2 && checkpoints_[1].flow.page < at.flow.page) checkpoints_.pop_front();
    checkpoints_.push_back(std::move(at));
  }

  const Document& doc_;
  const Style& style_;
  Typesetter& type_;
  Flow& flow_;
  std::vector<OutlineEntry>& outline_;
  ArticleComposer composer_;
  std::vector<ArticleStart> starts_;
  std::deque<ArticleCheckpoint> checkpoints_;
};

}  // namespace

std::vector<ArticleStart> lay_out_articles(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
                                           std::vector<OutlineEntry>& outline) {
  ArticleRun run(doc, style, type, flow, outline);
  run.lay_out();
  run.balance_last_page();
  return std::move(run).starts();
}

}  // namespace broadsheet
