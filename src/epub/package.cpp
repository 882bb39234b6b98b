// content.opf, nav.xhtml, toc.ncx and container.xml. The toc has one shape in
// both nav and NCX: the front page, then each section's page with its articles
// nested, which is also the spine's order (epubcheck NAV-011).
#include "epub/package.h"

#include <algorithm>

#include <charconv>

#include "epub/xml.h"

namespace broadsheet::epub {
namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

constexpr const char* kXhtmlType = "application/xhtml+xml";
constexpr const char* kCoverImageId = "cover-image";

std::string padded(long long value, int width) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string digits(buffer, result.ptr);
  return std::string(digits.size() < static_cast<size_t>(width) ? width - digits.size() : 0, '0') + digits;
}

XMLElement* add_manifest_item(XMLElement* manifest, const std::string& id, const std::string& href,
                              const char* media_type) {
  XMLElement* item = add_element(manifest, "item");
  set_attribute(item, "id", id);
  set_attribute(item, "href", href);
  item->SetAttribute("media-type", media_type);
  return item;
}

std::string headlines(const EpubPlan& plan) {
  std::string text = "Headlines: ";
  for (size_t i = 0; i < plan.articles.size(); ++i) text += (i ? "; " : "") + plan.articles[i].title;
  return text + ".";
}

void add_property(XMLElement* meta, const char* property, const char* value) {
  add_text_element(meta, "meta", value)->SetAttribute("property", property);
}

// schema.org accessibility metadata (EPUB Accessibility 1.1 §5.1): what the
// book offers, stated from how it is built. Every image (the cover) has alt
// text; reading order, the toc and headings follow the document's structure.
// The conformance claim rests on `make a11y`: Ace by DAISY passes on the sample
// and the twelve-language real feed in every style, and every part of the
// structure is marked with its language (Ace has no rule for that).
void append_accessibility(XMLElement* meta) {
  add_property(meta, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  add_property(meta, "a11y:certifiedBy", "broadsheet (self-assessed with Ace by DAISY and a language-of-parts check)");
  add_property(meta, "schema:accessMode", "textual");
  add_property(meta, "schema:accessMode", "visual");
  add_property(meta, "schema:accessModeSufficient", "textual");
  for (const char* feature : {"alternativeText", "displayTransformability", "readingOrder",
                              "structuralNavigation", "tableOfContents"}) {
    add_property(meta, "schema:accessibilityFeature", feature);
  }
  add_property(meta, "schema:accessibilityHazard", "none");
  add_property(meta, "schema:accessibilitySummary",
               "A news edition in reading order: a cover image described in text, a front page "
               "listing the day's sections, a page per section listing its articles, and a page "
               "per article with links to the previous and next article. The table of contents "
               "lists every section and article. Text reflows; links are underlined, so no content depends on "
               "colour; each headline and label is marked with its language.");
}

void add_named_meta(XMLElement* meta, const char* name, const std::string& content) {
  XMLElement* element = add_element(meta, "meta");
  element->SetAttribute("name", name);
  set_attribute(element, "content", content);
}

// The day's editions as one series, in date order: EPUB 3's collection (Apple
// Books, Kobo, calibre) and calibre's own pair (calibre and what it converts
// for Kindle). The position is the date as YYYYMMDD, so a later day sorts after.
void append_series(XMLElement* meta, const Document& doc, const EpubPlan& plan) {
  if (doc.iso_date.size() != 10) return;
  const std::string position = doc.iso_date.substr(0, 4) + doc.iso_date.substr(5, 2) + doc.iso_date.substr(8, 2);
  XMLElement* collection = add_text_element(meta, "meta", plan.edition_title);
  collection->SetAttribute("property", "belongs-to-collection");
  collection->SetAttribute("id", "series");
  for (const auto& [property, value] : {std::pair{"collection-type", std::string("series")},
                                        std::pair{"group-position", position}}) {
    XMLElement* refine = add_text_element(meta, "meta", value);
    refine->SetAttribute("refines", "#series");
    refine->SetAttribute("property", property);
  }
  add_named_meta(meta, "calibre:series", plan.edition_title);
  add_named_meta(meta, "calibre:series_index", position);
}

void append_metadata(XMLElement* package, const Document& doc, const EpubPlan& plan) {
  XMLElement* meta = add_element(package, "metadata");
  meta->SetAttribute("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  add_text_element(meta, "dc:identifier", plan.identifier)->SetAttribute("id", "pub-id");
  add_text_element(meta, "dc:title", plan.book_title);
  // The edition's language first (readers take the first as the book's), then
  // every other language its articles are written in, in reading order.
  add_text_element(meta, "dc:language", plan.language);
  std::vector<std::string> languages = {plan.language};
  for (const ArticleSlot& slot : plan.articles) {
    if (std::find(languages.begin(), languages.end(), slot.language) != languages.end()) continue;
    languages.push_back(slot.language);
    add_text_element(meta, "dc:language", slot.language);
  }
  if (!doc.iso_date.empty()) add_text_element(meta, "dc:date", doc.iso_date);
  std::string publisher = display_text(doc.meta.publisher, "");
  if (!publisher.empty()) {
    add_text_element(meta, "dc:publisher", publisher);
    add_text_element(meta, "dc:creator", publisher);
  }
  for (const std::string& tag : doc.all_tags()) {
    std::string subject = display_text(tag, "");
    if (!subject.empty()) add_text_element(meta, "dc:subject", subject);
  }
  if (!plan.articles.empty()) add_text_element(meta, "dc:description", headlines(plan));
  add_text_element(meta, "meta", utc_timestamp(doc.build_time))->SetAttribute("property", "dcterms:modified");
  append_accessibility(meta);
  append_series(meta, doc, plan);
  // EPUB 2 readers and Kindle find the cover through this, not the manifest property.
  XMLElement* cover = add_element(meta, "meta");
  cover->SetAttribute("name", "cover");
  cover->SetAttribute("content", kCoverImageId);
}

void append_manifest(XMLElement* package, const EpubPlan& plan) {
  XMLElement* manifest = add_element(package, "manifest");
  add_manifest_item(manifest, "nav", kNavHref, kXhtmlType)->SetAttribute("properties", "nav");
  add_manifest_item(manifest, "ncx", kNcxHref, "application/x-dtbncx+xml");
  add_manifest_item(manifest, "css", kCssHref, "text/css");
  add_manifest_item(manifest, "cover", kCoverHref, kXhtmlType);
  add_manifest_item(manifest, kCoverImageId, plan.cover.href, plan.cover.media_type)
      ->SetAttribute("properties", "cover-image");
  add_manifest_item(manifest, "front", kFrontHref, kXhtmlType);
  for (const SectionSlot& section : plan.sections) {
    add_manifest_item(manifest, "section-" + section.anchor, section.href, kXhtmlType);
  }
  for (const ArticleSlot& slot : plan.articles) {
    add_manifest_item(manifest, "article-" + slot.token, slot.href, kXhtmlType);
  }
  for (const ImageSlot& image : plan.images) add_manifest_item(manifest, image.id, image.href, image.media_type);
}

void add_itemref(XMLElement* spine, const std::string& idref) {
  set_attribute(add_element(spine, "itemref"), "idref", idref);
}

// Cover, front page, then each section's page followed by its articles.
void append_spine(XMLElement* package, const EpubPlan& plan) {
  XMLElement* spine = add_element(package, "spine");
  spine->SetAttribute("toc", "ncx");
  add_itemref(spine, "cover");
  add_itemref(spine, "front");
  for (const SectionSlot& section : plan.sections) {
    add_itemref(spine, "section-" + section.anchor);
    for (size_t index : section.articles) add_itemref(spine, "article-" + plan.articles[index].token);
  }
  // The landmarks link to the nav itself, and links may only target spine
  // items (epubcheck RSC-011): list it, outside the linear reading order.
  XMLElement* nav = add_element(spine, "itemref");
  nav->SetAttribute("idref", "nav");
  nav->SetAttribute("linear", "no");
}

// One toc entry, shared by nav and NCX so that both list the same things.
struct TocEntry {
  std::string label, href, id;
  std::vector<TocEntry> children;
  std::string language{};  ///< of the label; empty: broadsheet's own words (kLabelLanguage)
};

// Front page first, then each section's page with its articles nested: every
// entry targets a distinct place and all go forward in spine order.
std::vector<TocEntry> toc_entries(const EpubPlan& plan) {
  std::vector<TocEntry> entries = {{"Front page", kFrontHref, "front", {}}};
  for (const SectionSlot& section : plan.sections) {
    TocEntry entry{section.title, section.href, section.anchor, {}, plan.language};
    for (size_t index : section.articles) {
      const ArticleSlot& slot = plan.articles[index];
      entry.children.push_back({slot.title, slot.href + "#" + slot.token, slot.token, {}, slot.language});
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

// Each entry's link carries its label's language where it differs from the
// page's: a screen reader reads an Arabic headline with an Arabic voice.
void append_nav_list(XMLElement* parent, const std::vector<TocEntry>& entries, const std::string& page_language) {
  XMLElement* list = add_element(parent, "ol");
  for (const TocEntry& entry : entries) {
    XMLElement* item = add_element(list, "li");
    XMLElement* a = add_text_element(item, "a", entry.label);
    set_attribute(a, "href", entry.href);
    if (entry.language.empty()) mark_label_language(a, page_language);
    else set_language(a, entry.language, page_language);
    if (!entry.children.empty()) append_nav_list(item, entry.children, page_language);  // never an empty <ol>
  }
}

void add_landmark(XMLElement* list, const char* type, const std::string& href, const char* label) {
  XMLElement* a = add_text_element(add_element(list, "li"), "a", label);
  a->SetAttribute("epub:type", type);
  set_attribute(a, "href", href);
}

void append_landmarks(XMLElement* body, const std::string& page_language) {
  XMLElement* nav = add_element(body, "nav");
  mark_label_language(nav, page_language);  // "Cover", "Contents", "Front page"
  nav->SetAttribute("epub:type", "landmarks");
  nav->SetAttribute("id", "landmarks");
  nav->SetAttribute("hidden", "hidden");
  add_text_element(nav, "h2", "Landmarks");
  XMLElement* list = add_element(nav, "ol");
  add_landmark(list, "cover", kCoverHref, "Cover");
  add_landmark(list, "toc", std::string(kNavHref) + "#toc", "Contents");
  add_landmark(list, "bodymatter", kFrontHref, "Front page");
}

void append_nav_points(XMLElement* parent, const std::vector<TocEntry>& entries, int& play_order) {
  for (const TocEntry& entry : entries) {
    XMLElement* point = add_element(parent, "navPoint");
    set_attribute(point, "id", "np-" + entry.id);
    point->SetAttribute("playOrder", play_order++);
    add_text_element(add_element(point, "navLabel"), "text", entry.label);
    set_attribute(add_element(point, "content"), "src", entry.href);
    append_nav_points(point, entry.children, play_order);
  }
}

XMLElement* add_meta(XMLElement* head, const char* name, const std::string& content) {
  XMLElement* meta = add_element(head, "meta");
  meta->SetAttribute("name", name);
  set_attribute(meta, "content", content);
  return meta;
}

}  // namespace

std::string container_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
         "  <rootfiles>\n"
         "    <rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>\n"
         "  </rootfiles>\n"
         "</container>\n";
}

std::string package_opf(const Document& doc, const EpubPlan& plan) {
  XMLDocument xml;
  XMLElement* package = start_xml(xml, "package", "http://www.idpf.org/2007/opf");
  package->SetAttribute("version", "3.0");
  package->SetAttribute("unique-identifier", "pub-id");
  set_attribute(package, "xml:lang", plan.language);
  append_metadata(package, doc, plan);
  append_manifest(package, plan);
  append_spine(package, plan);
  return print_xml(xml, /*compact=*/false);
}

std::string nav_xhtml(const EpubPlan& plan) {
  XMLDocument xml;
  XMLElement* body = start_xhtml(xml, {"Contents", plan.language, kCssHref, ""});
  XMLElement* toc = add_element(body, "nav");
  toc->SetAttribute("epub:type", "toc");
  toc->SetAttribute("role", "doc-toc");  // the ARIA role that matches epub:type
  toc->SetAttribute("id", "toc");
  mark_label_language(add_text_element(toc, "h1", "Contents"), plan.language);
  append_nav_list(toc, toc_entries(plan), plan.language);
  append_landmarks(body, plan.language);
  return print_xml(xml, /*compact=*/true);
}

std::string toc_ncx(const EpubPlan& plan) {
  std::vector<TocEntry> entries = toc_entries(plan);
  bool nested = !plan.articles.empty();
  XMLDocument xml;
  XMLElement* ncx = start_xml(xml, "ncx", "http://www.daisy.org/z3986/2005/ncx/");
  ncx->SetAttribute("version", "2005-1");
  set_attribute(ncx, "xml:lang", plan.language);
  XMLElement* head = add_element(ncx, "head");
  add_meta(head, "dtb:uid", plan.identifier);
  add_meta(head, "dtb:depth", nested ? "2" : "1");
  add_meta(head, "dtb:totalPageCount", "0");
  add_meta(head, "dtb:maxPageNumber", "0");
  add_text_element(add_element(ncx, "docTitle"), "text", plan.book_title);
  int play_order = 1;
  append_nav_points(add_element(ncx, "navMap"), entries, play_order);
  return print_xml(xml, /*compact=*/false);
}

std::string utc_timestamp(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  sys_days day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss clock{t - day};
  return padded(static_cast<int>(ymd.year()), 4) + "-" + padded(static_cast<unsigned>(ymd.month()), 2) +
         "-" + padded(static_cast<unsigned>(ymd.day()), 2) + "T" + padded(clock.hours().count(), 2) +
         ":" + padded(clock.minutes().count(), 2) + ":" + padded(clock.seconds().count(), 2) + "Z";
}

}  // namespace broadsheet::epub
