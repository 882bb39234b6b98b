// Figures in the document tree: the article's `image:` field as its lead
// figure, and Markdown images that stand in a paragraph lifted out into
// Figure blocks of their own (a paragraph is text; an image is a block in
// both back ends). Internal to src/doc (build_document).
#pragma once

#include <vector>

#include "doc/document.h"

namespace broadsheet {

/// The lead figure of an article's `image:`, `image_caption:` and `image_alt:`
/// fields. Without image_alt the alt text is empty and the caption describes
/// the image alone: a screen reader never reads the same words twice.
Block lead_figure(const std::string& src, const std::string& caption, const std::string& alt);

/// Splits every paragraph (at any depth) around its top-level Image inlines:
/// text before, a Figure, text after; parts that are only spaces are dropped.
/// Images inside links, emphasis or headings stay inline (their alt text).
void hoist_figures(std::vector<Block>& blocks);

}  // namespace broadsheet
