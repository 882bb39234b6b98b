// The front page: masthead (edition title, subtitle, rules, date and
// publisher), then the contents: per section its title, per article its title
// with dotted leaders to its page number, each entry a link to the article.
#include <algorithm>
#include <cmath>

#include "doc/language.h"
#include "layout/compose.h"
#include "typeset/pdf_text.h"
#include "layout/spacing.h"

namespace broadsheet {

using namespace spacing;

namespace {

class FrontComposer {
 public:
  FrontComposer(const Style& style, Typesetter& type, Flow& flow)
      : style_(style), type_(type), measurer_(type.measurer), flow_(flow) {}

  void masthead(const Document& doc) {
    bool newspaper = style_.columns > 1;
    if (newspaper) double_rule();
    LineSettings title_s = centered(style_.masthead_size * kMastheadLeading, style_.masthead_size);
    TextStyle title{bold_face(FontRole::Heading), style_.masthead_size, style_.text, {}};
    {
      Tagged tag(flow_, StructRole::H1);
      place_text(flow_, compose_text(collect_words(doc.meta.title, title), title_s, type_), title_s);
    }
    if (!doc.meta.subtitle.empty()) {
      Tagged tag(flow_, StructRole::P);
      double size = style_.body_size * kSubtitleScale;
      LineSettings sub_s = centered(size * kSubtitleLeading, size);
      TextStyle sub{italic_face(FontRole::Body), size, kSecondaryGrey, {}};
      flow_.space(size * kSubtitleGap);
      place_text(flow_, compose_text(collect_words(doc.meta.subtitle, sub), sub_s, type_), sub_s);
    }
    flow_.space(style_.body_leading * kAfterMasthead);
    Tagged line(flow_, StructRole::P);
    if (newspaper) {
      edition_line(doc);
    } else {
      dateline(doc);
    }
    flow_.space(style_.body_leading * kBeforeContents);
  }

  void contents(const Document& doc, const std::vector<ContentsTarget>& targets) {
    double size = style_.heading_size;
    double top = flow_.advance(size * kContentsLeading);
    TextStyle st{bold_face(FontRole::Heading), size, style_.text, {}};
    {
      Tagged heading(flow_, StructRole::H2, kLabelLanguage);
      flow_.add(text_line("Contents", st, flow_.left(), top - baseline_below_top(size * kContentsLeading, size), measurer_));
    }
    flow_.space(style_.body_leading * kAfterContentsTitle);
    // A contents list of sections, each with the contents of its articles.
    Tagged toc(flow_, StructRole::TOC);
    size_t index = 0;
    for (const SectionDoc& section : doc.sections) {
      if (section.articles.empty()) continue;
      Tagged section_item(flow_, StructRole::TOCI);
      section_title(section);
      Tagged articles(flow_, StructRole::TOC);
      for (const ArticleDoc& article : section.articles) {
        const ContentsTarget* target = index < targets.size() ? &targets[index] : nullptr;
        entry(article, target);
        ++index;
      }
    }
  }

 private:
  LineSettings centered(double leading, double size) const {
    LineSettings s;
    s.width = flow_.width();
    s.leading = leading;
    s.size = size;
    s.align = Align::Center;
    s.protect = false;
    return s;
  }

  // A thick rule, the long date left and the publisher right, a thin rule.
  void dateline(const Document& doc) {
    ruled_band({clean_pdf_text(doc.long_date), "", clean_pdf_text(doc.meta.publisher)},
               regular_face(FontRole::Heading), kDatelineRule);
  }

  // A newspaper's masthead opens with a thin rule over a thick one.
  void double_rule() {
    double top = flow_.advance(style_.body_leading);
    flow_.add(rule_item(flow_.left(), top - kBandRuleInset, flow_.width(), kHairline, style_.text));
    flow_.add(rule_item(flow_.left(), top - kDoubleRuleGap, flow_.width(), kThickRule, style_.text));
  }

  // Between a thick and a thin rule: the long date left, the publisher in the
  // middle, the edition's size right.
  void edition_line(const Document& doc) {
    size_t count = doc.article_count();
    ruled_band({clean_pdf_text(doc.long_date), clean_pdf_text(doc.meta.publisher),
                std::to_string(count) + (count == 1 ? " article" : " articles")},
               bold_face(FontRole::Heading), kEditionLineRule);
  }

  struct BandText {
    std::string left, middle, right;  // empty: nothing there
  };

  // One line of small text across the page between a rule of top_rule points
  // and a hairline: what the masthead's dateline and edition line share.
  void ruled_band(const BandText& text, FontFace face, double top_rule) {
    double top = flow_.advance(style_.small_size * kBandHeight);
    flow_.add(rule_item(flow_.left(), top - kBandRuleInset, flow_.width(), top_rule, style_.text));
    double baseline = top - style_.small_size * kBandBaseline;
    TextStyle st{face, style_.small_size, style_.text, {}};
    flow_.add(text_line(text.left, st, flow_.left(), baseline, measurer_));
    if (!text.middle.empty()) {
      PageItem middle = text_line(text.middle, st, 0, baseline, measurer_);
      middle.x = flow_.left() + (flow_.width() - middle.w) / 2;
      flow_.add(std::move(middle));
    }
    if (!text.right.empty()) {
      PageItem right = text_line(text.right, st, 0, baseline, measurer_);
      right.x = flow_.left() + flow_.width() - right.w;
      flow_.add(std::move(right));
    }
    flow_.add(rule_item(flow_.left(), top - style_.small_size * kBandHeight, flow_.width(), kHairline, style_.text));
  }

  void section_title(const SectionDoc& section) {
    double size = style_.small_size + kLabelSizeStep;
    flow_.space(style_.body_leading * kBeforeSectionTitle);
    // Keep the section title with its first entry.
    flow_.ensure(size * kContentsLeading + style_.body_leading * 2);
    double top = flow_.advance(size * kContentsLeading);
    TextStyle st{bold_face(FontRole::Heading), size, style_.accent, {}};
    double baseline = top - baseline_below_top(size * kContentsLeading, size);
    flow_.add(text_line(clean_pdf_text(section.title), st, flow_.left(), baseline, measurer_));
    flow_.add(rule_item(flow_.left(), baseline - size * kSectionTitleRuleDrop, flow_.width(), kSectionTitleRuleWeight, style_.accent));
    flow_.space(size * kAfterSectionTitle);
  }

  // Title lines (ragged), leaders on the last line, number at the end
  // (contents_row); the entry never splits across pages, and it is one link
  // to the article.
  // target: null in the counting pass.
  void entry(const ArticleDoc& article, const ContentsTarget* target) {
    const std::string label = target ? target->page_label : std::string();
    Tagged tag(flow_, StructRole::TOCI, article.language);
    const double left = flow_.left(), em = style_.body_size;
    ContentsRow box = contents_row(left, flow_.width(), em, {});
    LineSettings s;
    s.indent = box.title_x - left;
    s.width = box.title_width;
    s.leading = style_.body_leading;
    s.size = style_.body_size;
    s.align = Align::Left;
    s.protect = false;
    s.rules.language = article.language;
    TextStyle st{regular_face(FontRole::Body), style_.body_size, style_.text, {}};
    SetText title = compose_text(collect_words(article.title, st), s, type_);
    if (title.lines.empty()) title = compose_text(collect_words("(untitled)", st), s, type_);
    const bool rtl = title.words.front().rtl;
    PageItem number = text_line(label, st, 0, 0, measurer_);
    const ContentsRow row = contents_row(left, flow_.width(), em, {title.lines.back().natural, number.w, rtl});
    s.indent = row.title_x - left;
    flow_.ensure(title.height(s));
    Flow::Mark top = place_text(flow_, title, s);
    double baseline = flow_.y() + s.leading - baseline_below_top(s.leading, s.size);
    leaders(st, row.leaders_from, row.leaders_to, baseline, rtl);
    if (!label.empty()) {
      number.x = row.number_x;
      number.y = baseline;
      flow_.add(std::move(number));
    }
    if (target) link(top, target->start);
  }

  // Dots on a grid measured from the number's side (the right, or the left
  // for right-to-left rows), so that they line up across entries.
  void leaders(const TextStyle& st, double from, double to, double baseline, bool from_left) {
    double unit = measurer_.width(st.face, ". ", st.size);
    if (unit <= 0 || to - from < unit) return;
    auto count = static_cast<size_t>(std::floor((to - from) / unit));
    std::string dots;
    for (size_t i = 0; i < count; ++i) dots += i + 1 < count ? ". " : ".";
    double x = from_left ? from : to - static_cast<double>(count) * unit;
    PageItem item = text_line(dots, st, x, baseline, measurer_);
    item.color = kSecondaryGrey;
    item.element = kArtifact;
    flow_.add(std::move(item));
  }

  void link(Flow::Mark top, const ArticleStart& target) {
    PageItem link;
    link.kind = ItemKind::Link;
    link.x = flow_.left();
    link.y = flow_.y();
    link.w = flow_.width();
    link.h = top.y - flow_.y();
    link.target = std::make_shared<const LinkTarget>(LinkTarget{.page = target.page, .y = target.y});
    flow_.add(std::move(link));
  }

  const Style& style_;
  Typesetter& type_;
  TextMeasurer& measurer_;
  Flow& flow_;
};

}  // namespace

ContentsRow contents_row(double left, double width, double em, ContentsRowText text) {
  const double last_line = text.last_line, number_width = text.number_width;
  const double number_column = em * 3, right = left + width;
  ContentsRow row;
  row.title_x = left + em;
  row.title_width = width - em - number_column - em;
  row.leaders_from = row.title_x + last_line + em * kLeaderGap;
  row.leaders_to = right - number_column + em;
  row.number_x = right - number_width;
  if (!text.rtl) return row;
  // The mirror image: x becomes left + right - x, and a span's ends swap.
  auto mirror = [&](double x) { return left + right - x; };
  return ContentsRow{mirror(row.title_x + row.title_width), row.title_width, mirror(row.leaders_to),
                     mirror(row.leaders_from), mirror(row.number_x + number_width)};
}

void lay_out_front(const Document& doc, const Style& style, Typesetter& type, Flow& flow,
                   const std::vector<ContentsTarget>& targets) {
  FrontComposer composer(style, type, flow);
  flow.new_page();
  composer.masthead(doc);
  composer.contents(doc, targets);
}

}  // namespace broadsheet
