// An article's page: its text, then the links a reader of a periodical expects
// at the end of a story. The first article has no "previous" and the last no
// "next", so no link ever points past the ends of the book.
#include "doc/language.h"
#include "doc/link_policy.h"
#include "epub/body.h"
#include "epub/page_parts.h"
#include "epub/pages.h"
#include "epub/xml.h"

namespace broadsheet::epub {
namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

std::string up(const std::string& href) { return "../" + href; }

void append_source_link(XMLElement* article, const ArticleDoc& doc, const std::string& page_language) {
  std::optional<std::string> href = decide_link(doc.url);
  if (!href) return;
  std::string source = display_text(doc.source, "");
  XMLElement* p = add_classed_text(article, "p", "source-link", "");
  add_label(p, "Original article:", page_language);
  p->InsertEndChild(p->GetDocument()->NewText(" "));
  XMLElement* a = add_link(p, *href, source.empty() ? display_url(*href) : source);
  if (source.empty()) set_language(a, kLabelLanguage, page_language);  // an address, not the page's words
}

// Article pages sit side by side in articles/: a bare file name reaches a sibling.
std::vector<NavLink> article_links(const EpubPlan& plan, size_t index) {
  std::vector<NavLink> links;
  auto sibling = [&](size_t i) { return plan.articles[i].token + ".xhtml"; };
  if (index > 0) {
    const ArticleSlot& previous = plan.articles[index - 1];
    links.push_back({"nav-previous", sibling(index - 1), "Previous:", previous.title, previous.language});
  }
  if (index + 1 < plan.articles.size()) {
    const ArticleSlot& next = plan.articles[index + 1];
    links.push_back({"nav-next", sibling(index + 1), "Next:", next.title, next.language});
  }
  const ArticleSlot& slot = plan.articles[index];
  const SectionSlot& section = plan.sections[slot.section];
  // Section names are the edition's words, in its language.
  links.push_back({"nav-section", up(section.href) + "#" + slot.token, "Section:", section.title, plan.language});
  links.push_back({"nav-front", up(kFrontHref) + "#" + section.anchor, "Front page"});
  return links;
}

}  // namespace

std::string article_page(const EpubPlan& plan, size_t index) {
  const ArticleSlot& slot = plan.articles[index];
  const ArticleDoc& doc = *slot.article;
  const SectionSlot& section = plan.sections[slot.section];
  XMLDocument xml;
  XMLElement* body = start_xhtml(xml, {slot.title, slot.language, up(kCssHref), ""});
  body->SetAttribute("class", "article-page");
  XMLElement* article = add_element(body, "article");
  set_attribute(article, "id", slot.token);
  if (is_rtl_language(slot.language)) article->SetAttribute("dir", "rtl");  // survives calibre
  set_language(add_link(add_classed_text(article, "p", "section-label", ""), up(section.href), section.title),
               plan.language, slot.language);
  add_classed_text(article, "h1", "article-title", slot.title);
  add_optional_paragraph(article, "byline", doc.byline());
  add_optional_paragraph(article, "summary", doc.summary);
  append_blocks(article, doc.body);
  append_source_link(article, doc, slot.language);
  add_page_nav(body, "article-nav", article_links(plan, index), slot.language);
  return print_xml(xml, /*compact=*/true);
}

}  // namespace broadsheet::epub
