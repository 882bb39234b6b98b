// Layout: Document + Style -> PageSet. The front page's length is learned in a
// counting pass, the articles are laid out after it (with columns, from below a
// short contents on the front page itself), then the front page is laid out
// again with the real page numbers; running heads and folios last.
#include "layout/layout.h"

#include <iterator>
#include <stdexcept>

#include "layout/compose.h"
#include "typeset/pdf_text.h"
#include "typeset/precompose.h"
#include "layout/spacing.h"

namespace broadsheet {

using namespace spacing;

namespace {

// How long the front matter is: its pages, and where it ends on the last one.
struct FrontExtent {
  size_t pages = 0;
  double end_y = 0;
};

FrontExtent measure_front(const Document& doc, const Style& style, Typesetter& type) {
  PageSet scratch;
  Flow flow(style, scratch, 1);
  lay_out_front(doc, style, type, flow, {});
  return {scratch.pages.size(), flow.y()};
}

// A front page whose contents leave at least this share of the
// text block free starts the first article below them, as newspapers do.
constexpr double kFrontShare = 0.4;

bool articles_share_front(const FrontExtent& front, const PageGeometry& page) {
  return front.pages == 1 && front.end_y - page.text_bottom >= kFrontShare * page.text_height();
}

// Article pages are numbered from 1 after the front page(s), like the PDF's
// page labels; the contents print these numbers.
std::vector<ContentsTarget> contents_targets(const std::vector<ArticleStart>& starts, size_t front) {
  std::vector<ContentsTarget> targets;
  for (const ArticleStart& s : starts) targets.push_back({std::to_string(s.page - front + 1), s});
  return targets;
}

// The running head's texts: edition and date left, section right; on a page
// too narrow for both, the date goes, then the section.
struct RunningHead {
  std::string edition, edition_and_date, section;
};

// Running heads and folios for an edition's pages: what they are set in and
// measured with, held once for every page.
class RunningHeads {
 public:
  RunningHeads(const Document& doc, const Style& style, TextMeasurer& measurer)
      : style_(style),
        measurer_(measurer),
        geometry_(page_geometry(style)),
        text_{regular_face(FontRole::Heading), style.small_size, kSecondaryGrey, {}} {
    head_.edition = clean_pdf_text(doc.meta.title);
    head_.edition_and_date = head_.edition + " \u00B7 " + clean_pdf_text(doc.long_date);
  }

  // Pages are numbered from 1 after `front` pages; those before `first` (the
  // front matter) get no running head.
  void add(PageSet& set, size_t front, size_t first, const std::vector<std::string>& sections) {
    std::string total = std::to_string(set.pages.size() - front);
    for (size_t p = first; p < set.pages.size(); ++p) {
      head_.section = p < sections.size() ? sections[p] : std::string();
      add_to_page(set.pages[p], "page " + std::to_string(p - front + 1) + " of " + total,
                  geometry_.left_margin(p));
    }
  }

 private:
  // The head line with a hairline under it; "page n of N" at the foot.
  void add_to_page(Page& page, const std::string& folio, double x) {
    const double width = geometry_.text_width;
    double baseline = geometry_.text_top + style_.small_size * kRunningHeadBaseline;
    add_head_line(page, x, baseline);
    page.items.push_back(rule_item(x, baseline - style_.small_size * kRunningHeadRuleDrop, width, kColumnRuleWeight, kSecondaryGrey));
    PageItem foot = text_line(folio, text_, 0, geometry_.text_bottom - style_.small_size * 3, measurer_);
    foot.x = x + (width - foot.w) / 2;
    page.items.push_back(std::move(foot));
  }

  void add_head_line(Page& page, double x, double baseline) {
    const double width = geometry_.text_width;
    TextStyle bold = text_;
    bold.face.bold = true;
    PageItem right = text_line(head_.section, bold, 0, baseline, measurer_);
    right.x = x + width - right.w;
    PageItem left = text_line(head_.edition_and_date, text_, x, baseline, measurer_);
    double gap = text_.size * 2;
    if (left.w + gap + right.w > width) left = text_line(head_.edition, text_, x, baseline, measurer_);
    page.items.push_back(std::move(left));
    if (page.items.back().w + gap + right.w <= width) page.items.push_back(std::move(right));
  }

  const Style& style_;
  TextMeasurer& measurer_;
  const PageGeometry geometry_;
  const TextStyle text_;
  RunningHead head_;
};

// The front matter's structure comes first in reading order: the articles'
// elements move up by its length, wherever they are referred to.
void put_structure_after(PageSet& set, std::vector<StructElement> front) {
  const int shift = static_cast<int>(front.size());
  auto moved = [shift](int& element) {
    if (element >= 0) element += shift;
  };
  for (StructElement& e : set.structure) moved(e.parent);
  for (Page& page : set.pages) {
    for (PageItem& item : page.items) moved(item.element);
  }
  for (OutlineEntry& entry : set.outline) moved(entry.element);
  front.insert(front.end(), std::make_move_iterator(set.structure.begin()),
               std::make_move_iterator(set.structure.end()));
  set.structure = std::move(front);
}

// The front matter's items go before the article items already on its pages;
// when the articles share the front page, a thick rule closes the contents.
void merge_front(PageSet& set, PageSet& front_set, bool shared, const Style& style,
                 double end_y) {
  put_structure_after(set, std::move(front_set.structure));
  for (size_t p = 0; p < front_set.pages.size(); ++p) {
    std::vector<PageItem>& items = front_set.pages[p].items;
    std::vector<PageItem>& target = set.pages[p].items;
    target.insert(target.begin(), std::make_move_iterator(items.begin()),
                  std::make_move_iterator(items.end()));
  }
  if (!shared) return;
  const PageGeometry geometry = page_geometry(style);
  set.pages[0].items.push_back(rule_item(geometry.left_margin(0), end_y - style.body_leading * kFrontEndRuleDrop,
                                         geometry.text_width, kFrontEndRuleWeight, style.text));
}

}  // namespace

PageSet layout(const Document& doc, const Style& style, TextMeasurer& measurer,
               const LayoutOptions& options) {
  std::shared_ptr<HyphenDictionaries> dictionaries =
      options.dictionaries ? options.dictionaries : std::make_shared<HyphenDictionaries>(options.hyphen_dir);
  Hyphenator hyphenator(dictionaries);
  Typesetter type{measurer, hyphenator, options.breaker};
  // Started first: it composes the first articles' paragraphs while the
  // front page is measured.
  std::unique_ptr<ParagraphPrecomposer> ahead;
  if (options.ahead_measurer) {
    ahead = std::make_unique<ParagraphPrecomposer>(doc, style, page_geometry(style).column_width,
                                                   options.ahead_measurer, dictionaries, options.breaker,
                                                   options.ahead_executor);
    type.ahead = ahead.get();
  }
  FrontExtent extent = measure_front(doc, style, type);
  bool shared = articles_share_front(extent, page_geometry(style));
  size_t front = shared ? 0 : extent.pages;  // pages before article page 1
  PageSet set;
  set.width = style.page_width;
  set.height = style.page_height;
  set.pages.resize(front);
  set.front_pages = front;

  Flow articles(style, set, style.columns);
  if (shared) articles.new_page_below(extent.end_y - style.body_leading * kBelowSharedFront);
  const std::vector<ArticleStart> starts = lay_out_articles(doc, style, type, articles, set.outline);
  if (style.column_rule) articles.add_column_rules(kColumnRuleWeight, kSecondaryGrey);

  PageSet front_set;
  Flow front_flow(style, front_set, 1);
  lay_out_front(doc, style, type, front_flow, contents_targets(starts, front));
  if (front_set.pages.size() != extent.pages || front_flow.y() != extent.end_y) {
    throw std::logic_error("layout: the contents changed length between passes");
  }
  merge_front(set, front_set, shared, style, extent.end_y);
  RunningHeads(doc, style, measurer).add(set, front, extent.pages, articles.page_sections());
  return set;
}

}  // namespace broadsheet
