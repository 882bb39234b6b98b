// An article body (Block/Inline tree) as XHTML elements.
#pragma once

#include <vector>

#include <tinyxml2.h>

#include "doc/document.h"

namespace broadsheet::epub {

/// Appends blocks to parent: Heading → h2..h6 (h1 is the article title),
/// Paragraph → p (class "indent" where first_line_indented says), Quote →
/// blockquote, List → ul/ol, CodeBlock → pre/code, Rule → hr.
void append_blocks(tinyxml2::XMLElement* parent, const std::vector<Block>& blocks);

/// Appends inlines to parent. Links to anything but http(s)/mailto become text.
void append_inlines(tinyxml2::XMLElement* parent, const std::vector<Inline>& inlines);

}  // namespace broadsheet::epub
