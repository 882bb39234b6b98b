// Very long paragraphs cut into paragraphs of bounded size. The PDF lays a
// paragraph out as a whole (total-fit line breaking looks at all of it), at
// about 100 bytes of memory per byte of text; cutting a scraper's 60 MB
// one-paragraph dump keeps memory bounded without losing a character.
// Internal to src/doc (build_document).
#pragma once

#include <cstddef>
#include <vector>

#include "doc/document.h"

namespace broadsheet {

/// Text bytes a paragraph may hold before it is cut (64 KiB: ~10,000 words,
/// far beyond any real paragraph).
inline constexpr std::size_t kMaxParagraphBytes = 64 * 1024;

/// Cuts every paragraph (at any depth) longer than max_bytes of text into
/// consecutive paragraphs of at most max_bytes each, at the end of a sentence
/// where one falls in the second half of a piece, else at a space, else (one
/// word longer than max_bytes) between two characters. Only top-level text is
/// cut; a span (emphasis, link...) moves whole to the next piece. Returns the
/// number of paragraphs that were cut.
std::size_t cut_long_paragraphs(std::vector<Block>& blocks, std::size_t max_bytes = kMaxParagraphBytes);

}  // namespace broadsheet
