// Layout: Document + Style -> PageSet. The front page's length is learned in a
// counting pass, the articles are laid out after it, then the front page is
// laid out again with the real page numbers; running heads and folios last.
#include "pdf/layout.h"

#include <stdexcept>

#include "pdf/compose.h"
#include "pdf/pdf_text.h"

namespace broadsheet {

namespace {

constexpr Color kGrey{0.38, 0.38, 0.38};

size_t count_front_pages(const Document& doc, const Style& style, Typesetter& type) {
  PageSet scratch;
  Flow flow(style, scratch, 1);
  lay_out_front(doc, style, type, flow, {}, {});
  return scratch.pages.size();
}

// Article pages are numbered from 1 after the front page(s), like the PDF's
// page labels; the contents print these numbers.
std::vector<std::string> page_labels(const std::vector<ArticleStart>& starts, size_t front) {
  std::vector<std::string> labels;
  for (const ArticleStart& s : starts) labels.push_back(std::to_string(s.page - front + 1));
  return labels;
}

// Edition and date left, section right, a hairline under them; "page n of N" at the foot.
void add_running_head(Page& page, const std::string& left, const std::string& section,
                      const std::string& folio, const Style& style, TextMeasurer& measurer,
                      double x, double width) {
  TextStyle st{FontFace{FontRole::Heading, false, false}, style.small_size, kGrey, {}};
  double baseline = style.page_height - style.margin_top + style.small_size * 1.9;
  page.items.push_back(text_line(left, st, x, baseline, measurer));
  if (!section.empty()) {
    TextStyle bold = st;
    bold.face.bold = true;
    PageItem right = text_line(section, bold, 0, baseline, measurer);
    right.x = x + width - right.w;
    page.items.push_back(std::move(right));
  }
  page.items.push_back(rule_item(x, baseline - style.small_size * 0.6, width, 0.4, kGrey));
  PageItem foot = text_line(folio, st, 0, style.margin_bottom - style.small_size * 3, measurer);
  foot.x = x + (width - foot.w) / 2;
  page.items.push_back(std::move(foot));
}

void add_running_heads(PageSet& set, size_t front, const std::vector<std::string>& sections,
                       const Document& doc, const Style& style, TextMeasurer& measurer) {
  std::string left = clean_pdf_text(doc.meta.title) + " \u00B7 " + clean_pdf_text(doc.long_date);
  std::string total = std::to_string(set.pages.size() - front);
  double width = style.page_width - style.margin_inner - style.margin_outer;
  for (size_t p = front; p < set.pages.size(); ++p) {
    double x = p % 2 == 0 ? style.margin_inner : style.margin_outer;
    std::string folio = "page " + std::to_string(p - front + 1) + " of " + total;
    const std::string& section = p < sections.size() ? sections[p] : std::string();
    add_running_head(set.pages[p], left, section, folio, style, measurer, x, width);
  }
}

}  // namespace

PageSet layout(const Document& doc, const Style& style, TextMeasurer& measurer,
               const LayoutOptions& options) {
  Hyphenator hyphenator(options.hyphen_dir);
  Typesetter type{measurer, hyphenator, options.breaker};
  size_t front = count_front_pages(doc, style, type);
  PageSet set;
  set.width = style.page_width;
  set.height = style.page_height;
  set.pages.resize(front);
  set.front_pages = front;

  Flow articles(style, set, style.columns);
  std::vector<ArticleStart> starts;
  lay_out_articles(doc, style, type, articles, starts, set.outline);
  // Flow numbered its pages from 0 of `set`, after the placeholders: nothing to shift.

  PageSet front_set;
  Flow front_flow(style, front_set, 1);
  lay_out_front(doc, style, type, front_flow, page_labels(starts, front), starts);
  if (front_set.pages.size() != front) {
    throw std::logic_error("layout: the contents changed length between passes");
  }
  for (size_t p = 0; p < front; ++p) set.pages[p] = std::move(front_set.pages[p]);
  add_running_heads(set, front, articles.page_sections(), doc, style, measurer);
  return set;
}

}  // namespace broadsheet
