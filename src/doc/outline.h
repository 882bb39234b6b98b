// The outline of an article's body: heading levels as written ("##" first,
// then "####") become ranks without gaps, so that the EPUB's headings never
// skip a level under the article's title (a screen reader's outline, WCAG's
// heading order). Internal to src/doc (build_document).
#pragma once

#include <vector>

#include "doc/document.h"

namespace broadsheet {

/// Sets Block::rank on every heading, in reading order at any depth: a heading
/// ranks one below the nearest heading before it of a smaller level, or 1.
void rank_headings(std::vector<Block>& blocks);

}  // namespace broadsheet
