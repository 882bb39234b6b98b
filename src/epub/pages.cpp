// The cover, front and section pages. Every id on a page comes from the plan's
// unique tokens; every link points to a file the plan names.
#include "epub/pages.h"

#include "cover/draw_cover.h"
#include "epub/page_parts.h"
#include "epub/xml.h"

namespace broadsheet::epub {
namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

// About thirty words: two or three lines on a phone, enough to choose by.
constexpr size_t kTeaserWords = 30;

// The cover shows whole on any screen shape whatever style.css says.
constexpr const char* kCoverCss =
    "html, body { margin: 0; padding: 0; height: 100%; }\n"
    ".cover { margin: 0; padding: 0; text-align: center; height: 100%; }\n"
    ".cover-image { max-width: 100%; max-height: 100%; }\n";

std::string up(const char* href) { return std::string("../") + href; }

void append_masthead(XMLElement* body, const Document& doc, const EpubPlan& plan) {
  XMLElement* header = add_element(body, "header");
  header->SetAttribute("class", "masthead");
  add_classed_text(header, "h1", "edition-title", plan.edition_title);
  add_optional_paragraph(header, "subtitle", doc.meta.subtitle);
  if (!doc.long_date.empty()) {  // an English date ("Wednesday, 6 November 2024")
    mark_label_language(add_classed_text(header, "p", "dateline", doc.long_date), plan.language);
  }
  add_optional_paragraph(header, "publisher", doc.meta.publisher);
}

// A section on the front page: its name (to its page), count and headlines.
void append_section_entry(XMLElement* parent, const EpubPlan& plan, const SectionSlot& section) {
  XMLElement* element = add_element(parent, "section");
  element->SetAttribute("class", "section");
  set_attribute(element, "id", section.anchor);
  add_link(add_classed_text(element, "h3", "section-title", ""), section.href, section.title);
  mark_label_language(add_classed_text(element, "p", "article-count", article_count(section.articles.size())),
                      plan.language);
  XMLElement* list = add_element(element, "ul");
  list->SetAttribute("class", "headlines");
  for (size_t index : section.articles) {
    const ArticleSlot& slot = plan.articles[index];
    XMLElement* item = add_element(list, "li");
    set_language(item, slot.language, plan.language);
    add_link(item, slot.href, slot.title);
  }
}

void append_teaser(XMLElement* parent, const ArticleSlot& slot, const std::string& plan_language) {
  XMLElement* teaser = add_element(parent, "div");
  teaser->SetAttribute("class", "teaser");
  set_attribute(teaser, "id", slot.token);
  set_language(teaser, slot.language, plan_language);
  add_link(add_classed_text(teaser, "h2", "teaser-title", ""), up(slot.href.c_str()), slot.title);
  add_optional_paragraph(teaser, "byline", slot.article->byline());
  if (!display_text(slot.article->summary, "").empty()) {
    add_optional_paragraph(teaser, "summary", slot.article->summary);
  } else {
    add_optional_paragraph(teaser, "excerpt", opening_words(slot.article->body, kTeaserWords));
  }
}

std::vector<NavLink> section_links(const EpubPlan& plan, size_t index) {
  std::vector<NavLink> links;
  // Section pages sit side by side in sections/: a bare file name reaches a sibling.
  auto sibling = [&](size_t i) { return plan.sections[i].anchor + ".xhtml"; };
  if (index > 0) {
    links.push_back({"nav-previous", sibling(index - 1), "Previous section:", plan.sections[index - 1].title});
  }
  if (index + 1 < plan.sections.size()) {
    links.push_back({"nav-next", sibling(index + 1), "Next section:", plan.sections[index + 1].title});
  }
  links.push_back({"nav-front", up(kFrontHref) + "#" + plan.sections[index].anchor, "Front page"});
  return links;
}

}  // namespace

std::string cover_description(const Document& doc, const EpubPlan& plan) {
  std::string text = "Cover of " + plan.edition_title;
  if (!doc.long_date.empty()) text += ", " + display_text(doc.long_date, "");
  if (!doc.meta.cover.empty()) return text + ".";  // the digest's own image: its content is unknown
  std::string headlines;
  for (const CoverHeadline& headline : cover_headlines(doc)) {
    headlines += (headlines.empty() ? "" : "; ") + display_text(headline.article->title, "Untitled");
  }
  return text + (headlines.empty() ? "." : ". Headlines: " + headlines + ".");
}

std::string cover_page(const Document& doc, const EpubPlan& plan) {
  XMLDocument xml;
  XMLElement* body = start_xhtml(xml, {"Cover", plan.language, "", kCoverCss});
  body->SetAttribute("class", "cover-page");
  XMLElement* cover = add_element(body, "section");
  cover->SetAttribute("class", "cover");
  cover->SetAttribute("epub:type", "cover");
  XMLElement* img = add_element(cover, "img");
  img->SetAttribute("class", "cover-image");
  set_attribute(img, "src", plan.cover.href);
  set_attribute(img, "alt", cover_description(doc, plan));
  return print_xml(xml, /*compact=*/true);
}

std::string front_page(const Document& doc, const EpubPlan& plan) {
  XMLDocument xml;
  XMLElement* body = start_xhtml(xml, {plan.book_title, plan.language, kCssHref, ""});
  body->SetAttribute("class", "front-page");
  append_masthead(body, doc, plan);
  if (plan.sections.empty()) {
    mark_label_language(add_classed_text(body, "p", "empty-edition", "No articles in this edition."), plan.language);
    return print_xml(xml, /*compact=*/true);
  }
  XMLElement* contents = add_element(body, "section");
  contents->SetAttribute("class", "contents");
  mark_label_language(
      add_classed_text(contents, "h2", "contents-title", "In this edition: " + article_count(plan.articles.size())),
      plan.language);
  for (const SectionSlot& section : plan.sections) append_section_entry(contents, plan, section);
  return print_xml(xml, /*compact=*/true);
}

std::string section_page(const Document& doc, const EpubPlan& plan, size_t index) {
  const SectionSlot& section = plan.sections[index];
  XMLDocument xml;
  std::string title = section.title + " \u2014 " + plan.book_title;
  XMLElement* body = start_xhtml(xml, {title, plan.language, up(kCssHref), ""});
  body->SetAttribute("class", "section-page");
  XMLElement* header = add_element(body, "header");
  header->SetAttribute("class", "section-masthead");
  std::string running_head = plan.edition_title + (doc.long_date.empty() ? "" : " \u00B7 " + doc.long_date);
  add_optional_paragraph(header, "running-head", running_head);
  set_attribute(add_classed_text(header, "h1", "section-title", section.title), "id", section.anchor);
  mark_label_language(add_classed_text(header, "p", "article-count", article_count(section.articles.size())),
                      plan.language);
  for (size_t article : section.articles) append_teaser(body, plan.articles[article], plan.language);
  add_page_nav(body, "section-nav", section_links(plan, index), plan.language);
  return print_xml(xml, /*compact=*/true);
}

}  // namespace broadsheet::epub
