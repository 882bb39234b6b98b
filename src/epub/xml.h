// tinyxml2 helpers that sanitize every string on its way into the tree (tinyxml2
// writes control characters and invalid UTF-8 raw), and the XHTML page skeleton
// shared by the front page, the article pages and the nav document.
#pragma once

#include <string>
#include <string_view>

#include <tinyxml2.h>

#include "doc/language.h"

namespace broadsheet::epub {

/// Appends an empty element to parent.
tinyxml2::XMLElement* add_element(tinyxml2::XMLElement* parent, const char* name);
/// Appends text (sanitized) to parent.
void add_text(tinyxml2::XMLElement* parent, std::string_view text);
/// Appends <name>text</name>, text sanitized.
tinyxml2::XMLElement* add_text_element(tinyxml2::XMLElement* parent, const char* name,
                                       std::string_view text);
/// Sets an attribute; the value is sanitized for attributes (TAB/LF become spaces).
void set_attribute(tinyxml2::XMLElement* element, const char* name, std::string_view value);
/// Appends <name class="css_class">text</name>.
tinyxml2::XMLElement* add_classed_text(tinyxml2::XMLElement* parent, const char* name,
                                       const char* css_class, std::string_view text);

/// Serializes doc. XHTML must be compact: pretty printing adds whitespace
/// inside inline content, which readers show as spaces.
std::string print_xml(const tinyxml2::XMLDocument& doc, bool compact);

/// Writes the XML declaration and the root element `name` with its default
/// namespace into doc (package, NCX, OPDS feed); returns the root.
tinyxml2::XMLElement* start_xml(tinyxml2::XMLDocument& doc, const char* name, const char* xmlns);

/// What every XHTML page declares in its html and head elements.
struct PageHead {
  std::string title;       ///< non-empty (an empty title is an epubcheck error)
  std::string language;    ///< BCP 47 tag for xml:lang and lang
  std::string css_href;    ///< relative path of style.css; "" for none
  std::string inline_css;  ///< a <style> element's text; "" for none
};

/// Writes the declaration, doctype, html (namespaces, language, direction) and
/// head of an XHTML content document into doc; returns the empty body.
tinyxml2::XMLElement* start_xhtml(tinyxml2::XMLDocument& doc, const PageHead& head);

/// Marks element as written in tag (xml:lang, lang, and dir for right-to-left
/// scripts) unless tag is within the page's language (language_within);
/// otherwise does nothing.
void set_language(tinyxml2::XMLElement* element, const std::string& tag, const std::string& page_tag);

/// Appends text in `tag`'s language: bare on a page within that language, else in
/// a <span> marked with it (WCAG 3.1.2: a screen reader must switch voices).
void add_text_in(tinyxml2::XMLElement* parent, std::string_view text, const std::string& tag,
                 const std::string& page_tag);

/// Appends broadsheet's own words (kLabelLanguage), as add_text_in.
void add_label(tinyxml2::XMLElement* parent, std::string_view label, const std::string& page_tag);

/// Marks an element that holds only broadsheet's own words (a count, a date)
/// as kLabelLanguage when the page is in another language.
void mark_label_language(tinyxml2::XMLElement* element, const std::string& page_tag);

}  // namespace broadsheet::epub
