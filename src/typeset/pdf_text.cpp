// Text rules of the PDF back end: cleaning text for Text items (whitespace,
// controls, soft hyphens) and for libharu's own strings (code points beyond
// the BMP). UTF-8 goes through the one codec in diag/utf8.
#include "typeset/pdf_text.h"

#include "diag/utf8.h"

namespace broadsheet {

namespace {

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x3000;
}

bool is_dropped(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0xFEFF || cp == 0xFFFE ||
         cp == 0xFFFF || cp == 0x200B;
}

}  // namespace

std::string clean_pdf_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (is_space(cp)) {
      if (!in_space) out += ' ';
      in_space = true;
      continue;
    }
    if (is_dropped(cp)) continue;
    in_space = false;
    append_utf8(out, cp);
  }
  return out;
}

std::string clean_pdf_string(std::string_view text) {
  std::string clean = clean_pdf_text(text), out;
  out.reserve(clean.size());
  for (size_t i = 0; i < clean.size();) {
    char32_t cp = next_code_point(clean, i);
    append_utf8(out, cp > 0xFFFF ? kNonBmpPlaceholder : cp);
  }
  return out;
}

std::string clean_pdf_code(std::string_view line) {
  std::string out;
  size_t column = 0;
  for (size_t i = 0; i < line.size();) {
    char32_t cp = next_code_point(line, i);
    if (cp == '\t') {
      do out += ' ';
      while (++column % 4 != 0);
      continue;
    }
    if (cp == '\r' || cp == '\n') cp = ' ';
    if (is_dropped(cp)) continue;
    append_utf8(out, cp);
    ++column;
  }
  return out;
}

}  // namespace broadsheet
