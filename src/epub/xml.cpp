// Sanitizing tinyxml2 helpers and the XHTML skeleton. The rule they enforce:
// no caller hands tinyxml2 a string that has not been through sanitize_text.
#include "epub/xml.h"

#include "diag/utf8.h"
#include "doc/language.h"

namespace broadsheet::epub {

using tinyxml2::XMLElement;

XMLElement* add_element(XMLElement* parent, const char* name) {
  return parent->InsertNewChildElement(name);
}

void add_text(XMLElement* parent, std::string_view text) {
  std::string clean = sanitize_text(text);
  if (!clean.empty()) parent->InsertNewText(clean.c_str());
}

XMLElement* add_text_element(XMLElement* parent, const char* name, std::string_view text) {
  XMLElement* element = add_element(parent, name);
  add_text(element, text);
  return element;
}

void set_attribute(XMLElement* element, const char* name, std::string_view value) {
  element->SetAttribute(name, sanitize_text(value, /*for_attribute=*/true).c_str());
}

XMLElement* add_classed_text(XMLElement* parent, const char* name, const char* css_class,
                             std::string_view text) {
  XMLElement* element = add_text_element(parent, name, text);
  element->SetAttribute("class", css_class);
  return element;
}

std::string print_xml(const tinyxml2::XMLDocument& doc, bool compact) {
  tinyxml2::XMLPrinter printer(nullptr, compact);
  doc.Print(&printer);
  std::string text = printer.CStr();
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

XMLElement* start_xml(tinyxml2::XMLDocument& doc, const char* name, const char* xmlns) {
  doc.InsertEndChild(doc.NewDeclaration());
  XMLElement* root = doc.NewElement(name);
  doc.InsertEndChild(root);
  root->SetAttribute("xmlns", xmlns);
  return root;
}

XMLElement* start_xhtml(tinyxml2::XMLDocument& doc, const PageHead& head) {
  doc.InsertEndChild(doc.NewDeclaration());
  doc.InsertEndChild(doc.NewUnknown("DOCTYPE html"));
  XMLElement* html = doc.NewElement("html");
  doc.InsertEndChild(html);
  html->SetAttribute("xmlns", "http://www.w3.org/1999/xhtml");
  html->SetAttribute("xmlns:epub", "http://www.idpf.org/2007/ops");
  set_attribute(html, "xml:lang", head.language);
  set_attribute(html, "lang", head.language);
  if (is_rtl_language(head.language)) html->SetAttribute("dir", "rtl");

  XMLElement* head_element = add_element(html, "head");
  add_text_element(head_element, "title", head.title);
  add_element(head_element, "meta")->SetAttribute("charset", "utf-8");
  if (!head.css_href.empty()) {
    XMLElement* link = add_element(head_element, "link");
    link->SetAttribute("rel", "stylesheet");
    link->SetAttribute("type", "text/css");
    set_attribute(link, "href", head.css_href);
  }
  if (!head.inline_css.empty()) add_text_element(head_element, "style", head.inline_css);
  XMLElement* body = add_element(html, "body");
  // calibre's conversion for Kindle (AZW3) drops dir from <html> but keeps it
  // on <body> and inner elements: right-to-left pages carry it on both.
  if (is_rtl_language(head.language)) body->SetAttribute("dir", "rtl");
  return body;
}

void set_language(XMLElement* element, const std::string& tag, const std::string& page_tag) {
  if (language_within(tag, page_tag)) return;
  set_attribute(element, "xml:lang", tag);
  set_attribute(element, "lang", tag);
  element->SetAttribute("dir", is_rtl_language(tag) ? "rtl" : "ltr");
}

void mark_label_language(XMLElement* element, const std::string& page_tag) {
  set_language(element, kLabelLanguage, page_tag);
}

void add_text_in(XMLElement* parent, std::string_view text, const std::string& tag, const std::string& page_tag) {
  if (language_within(tag, page_tag)) {
    parent->InsertEndChild(parent->GetDocument()->NewText(sanitize_text(text).c_str()));
    return;
  }
  set_language(add_text_element(parent, "span", text), tag, page_tag);
}

void add_label(XMLElement* parent, std::string_view label, const std::string& page_tag) {
  add_text_in(parent, label, kLabelLanguage, page_tag);
}

}  // namespace broadsheet::epub
