// Text rules of the PDF back end: what may appear in a Text item (no controls,
// no soft hyphens) and in strings libharu encodes itself (BMP only, because its
// UTF-8 encoder turns other planes into spaces). Decoding and encoding are
// diag/utf8.h's.
#pragma once

#include <string>
#include <string_view>

namespace broadsheet {

/// Stands for characters beyond U+FFFF (emoji...) in the strings libharu
/// encodes itself (outline titles, document info), where it would turn them
/// into spaces: WHITE SQUARE. Page text draws them (FontBook::code).
inline constexpr char32_t kNonBmpPlaceholder = 0x25A1;

/// Makes text drawable: whitespace runs become one space, controls and U+00AD
/// are dropped. Ends are not trimmed.
std::string clean_pdf_text(std::string_view text);

/// Like clean_pdf_text, for a string libharu encodes itself (an outline
/// title, a document info entry): code points beyond U+FFFF become
/// kNonBmpPlaceholder.
std::string clean_pdf_string(std::string_view text);

/// Like clean_pdf_text for one line of code: spaces are kept, a TAB becomes
/// spaces up to the next multiple of four columns.
std::string clean_pdf_code(std::string_view line);

}  // namespace broadsheet
