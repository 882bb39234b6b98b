// Pieces that several EPUB pages share: links, optional paragraphs, the
// navigation list at the foot of section and article pages, counts, and the
// opening words of an article used as its teaser when it has no summary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <tinyxml2.h>

#include "doc/document.h"

namespace broadsheet::epub {

/// Appends <a href="href">text</a>; both are sanitized.
tinyxml2::XMLElement* add_link(tinyxml2::XMLElement* parent, std::string_view href, std::string_view text);

/// Appends <p class="css_class">text</p>, or nothing when text is blank.
void add_optional_paragraph(tinyxml2::XMLElement* parent, const char* css_class, std::string_view text);

/// One entry of a page's navigation list; css_class names its role ("next").
/// It reads "label title" ("Next: Markets rally"): the label is broadsheet's
/// own words, the title is in `language` (the article's or section's).
struct NavLink {
  const char* css_class;
  std::string href;
  std::string label;
  std::string title{};
  std::string language{};
};

/// Appends <nav class="css_class"><ul><li class=...><a>...</a></li>...</ul></nav>,
/// each part marked with its language where it differs from the page's;
/// callers only pass links to files that exist.
void add_page_nav(tinyxml2::XMLElement* body, const char* css_class, const std::vector<NavLink>& links,
                  const std::string& page_language);

/// "1 article", "3 articles".
std::string article_count(size_t count);

/// The first max_words words of the body's running text (paragraphs, headings,
/// quotes, lists; not code), whitespace collapsed, with "…" when cut. Scripts
/// written without spaces are cut at 8 characters a word instead.
std::string opening_words(const std::vector<Block>& body, size_t max_words);

}  // namespace broadsheet::epub
