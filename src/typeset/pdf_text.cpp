// Text rules of the PDF back end: cleaning text for Text items, UTF-8 decoding
// for glyph lookup, and URI escaping for link annotations. The decoder is local
// because the PDF needs exactly BMP code points and a fixed U+FFFD policy.
#include "typeset/pdf_text.h"

namespace broadsheet {

namespace {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x3000;
}

bool is_dropped(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0xFEFF || cp == 0xFFFE ||
         cp == 0xFFFF || cp == 0x200B;
}

}  // namespace

size_t utf8_length(unsigned char c) {
  if (c < 0xC2) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  if (c < 0xF5) return 4;
  return 1;
}

char32_t decode_utf8(std::string_view text, size_t& i) {
  unsigned char lead = static_cast<unsigned char>(text[i]);
  size_t n = utf8_length(lead);
  if (lead < 0x80) return text[i++];
  if (n == 1 || i + n > text.size()) {
    ++i;
    return kReplacement;
  }
  char32_t cp = lead & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    unsigned char c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  i += n;
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  return cp;
}

std::string clean_pdf_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = decode_utf8(text, i);
    if (is_space(cp)) {
      if (!in_space) out += ' ';
      in_space = true;
      continue;
    }
    if (is_dropped(cp)) continue;
    in_space = false;
    append_utf8(out, cp > 0xFFFF ? kNonBmpPlaceholder : cp);
  }
  return out;
}

std::string clean_pdf_code(std::string_view line) {
  std::string out;
  size_t column = 0;
  for (size_t i = 0; i < line.size();) {
    char32_t cp = decode_utf8(line, i);
    if (cp == '\t') {
      do out += ' ';
      while (++column % 4 != 0);
      continue;
    }
    if (cp == '\r' || cp == '\n') cp = ' ';
    if (is_dropped(cp)) continue;
    append_utf8(out, cp > 0xFFFF ? kNonBmpPlaceholder : cp);
    ++column;
  }
  return out;
}

size_t code_points(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // lead bytes
  return n;
}

}  // namespace broadsheet
