// Shared page pieces. opening_words walks the body tree itself because the
// teaser must never carry markup: it is the plain text readers see first.
#include "epub/page_parts.h"

#include "diag/utf8.h"
#include "epub/plan.h"
#include "epub/xml.h"

namespace broadsheet::epub {
namespace {

using tinyxml2::XMLElement;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // "…"
constexpr size_t kCharactersPerWord = 8;

void append_running_text(const std::vector<Block>& blocks, std::string& out) {
  for (const Block& block : blocks) {
    switch (block.kind) {
      case BlockKind::Heading:
      case BlockKind::Paragraph: out += plain_text(block.inlines) + " "; break;
      case BlockKind::Quote:
      case BlockKind::List:
      case BlockKind::ListItem:
        out += plain_text(block.inlines) + " ";
        append_running_text(block.children, out);
        break;
      case BlockKind::CodeBlock:
      case BlockKind::Rule:
      case BlockKind::Table:  // neither do code and tables
      case BlockKind::TableRow:
      case BlockKind::TableCell:
      case BlockKind::Figure: break;
    }
  }
}

// The first max_chars code points of text (valid UTF-8), and whether it was cut.
std::string_view first_characters(std::string_view text, size_t max_chars, bool& cut) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (is_utf8_continuation(text[i])) continue;
    if (chars++ == max_chars) {
      cut = true;
      return text.substr(0, i);
    }
  }
  return text;
}

}  // namespace

XMLElement* add_link(XMLElement* parent, std::string_view href, std::string_view text) {
  XMLElement* a = add_text_element(parent, "a", text);
  set_attribute(a, "href", href);
  return a;
}

void add_optional_paragraph(XMLElement* parent, const char* css_class, std::string_view text) {
  std::string shown = display_text(text, "");
  if (!shown.empty()) add_classed_text(parent, "p", css_class, shown);
}

void add_page_nav(XMLElement* body, const char* css_class, const std::vector<NavLink>& links,
                  const std::string& page_language) {
  if (links.empty()) return;  // an empty <ul> is invalid
  XMLElement* nav = add_element(body, "nav");
  nav->SetAttribute("class", css_class);
  XMLElement* list = add_element(nav, "ul");
  for (const NavLink& link : links) {
    XMLElement* item = add_element(list, "li");
    item->SetAttribute("class", link.css_class);
    XMLElement* a = add_link(item, link.href, "");
    add_label(a, link.label, page_language);
    if (link.title.empty()) continue;
    a->InsertEndChild(a->GetDocument()->NewText(" "));
    add_text_in(a, display_text(link.title, "Untitled"), link.language.empty() ? page_language : link.language,
                page_language);
  }
}

std::string article_count(size_t count) {
  return std::to_string(count) + (count == 1 ? " article" : " articles");
}

std::string opening_words(const std::vector<Block>& body, size_t max_words) {
  std::string text;
  append_running_text(body, text);
  text = collapse_whitespace(sanitize_text(text));
  bool cut = false;
  size_t words = 0, end = 0;
  while (end < text.size() && words < max_words) {
    size_t space = text.find(' ', end);
    end = space == std::string::npos ? text.size() : space + 1;
    ++words;
  }
  cut = end < text.size();
  std::string_view kept = std::string_view(text).substr(0, end);
  kept = first_characters(kept, max_words * kCharactersPerWord, cut);
  while (!kept.empty() && kept.back() == ' ') kept.remove_suffix(1);
  if (!cut || kept.empty()) return std::string(kept);
  // A cut after a full sentence needs no ellipsis ("reopened.…" reads as a
  // typo); a cut after a comma or colon loses that mark before the ellipsis.
  for (std::string_view stop : {".", "!", "?", "\u3002", "\uFF01", "\uFF1F", "\u2026"}) {
    if (kept.ends_with(stop)) return std::string(kept);
  }
  while (!kept.empty() && (kept.back() == ',' || kept.back() == ';' || kept.back() == ':')) kept.remove_suffix(1);
  return std::string(kept) + std::string(kEllipsis);
}

}  // namespace broadsheet::epub
