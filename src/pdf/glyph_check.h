// What the PDF cannot show, found before it is drawn: characters no font of
// the chain has (shown as empty boxes), beyond the BMP as well. One warning per
// article, in document order.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace broadsheet {

class FontBook;

/// Warnings for every article of doc whose text holds characters without a glyph
/// in any font, each at the field that first holds one.
std::vector<Diagnostic> check_glyphs(const Document& doc, FontBook& book);

}  // namespace broadsheet
