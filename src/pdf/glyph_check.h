// What the PDF cannot show, found before it is drawn: characters beyond the
// BMP (shown as a placeholder) and characters no font of the chain has (shown
// as empty boxes). One warning per article and kind, in document order.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace broadsheet {

class FontBook;

/// Warnings for every article of doc whose text holds characters beyond U+FFFF
/// or without a glyph in any font, each at the field that first holds one.
std::vector<Diagnostic> check_glyphs(const Document& doc, FontBook& book);

}  // namespace broadsheet
