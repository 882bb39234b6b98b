// The first-line indent rule, the one place both back ends ask: the PDF
// layout (and the precomposer, which must compose a paragraph as the layout
// would) and the EPUB writer, which marks the indented paragraphs for its CSS.
#pragma once

#include "doc/document.h"

namespace broadsheet {

/// True when a paragraph's first line is indented: it follows a paragraph in
/// the same container (previous_sibling, nullptr for the first block), as books
/// set follow-on paragraphs. The first of an article, quote or list item is
/// flush, as is one after a heading, quote, list, code, rule, table or figure;
/// paragraphs inside a list (at any depth) are never indented but spaced apart.
bool first_line_indented(const Block* previous_sibling, bool in_list);

}  // namespace broadsheet
