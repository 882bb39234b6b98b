// The UTF-8 codec: a strict decoder (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF) and its encoder, code point boundaries, validation
// with a line:column position, and the sanitizing that keeps XML 1.0 and PDF
// strings well formed. No other file encodes or decodes UTF-8 by hand.
#include "diag/utf8.h"

namespace broadsheet {
namespace {

// The length a lead byte announces and the bits it contributes; 0 for a byte
// that can never start a sequence (continuation bytes, C0, C1, F5..FF).
int sequence_length(unsigned char lead, char32_t& bits) {
  if (lead < 0x80) { bits = lead; return 1; }
  if (lead >= 0xC2 && lead <= 0xDF) { bits = lead & 0x1F; return 2; }
  if (lead >= 0xE0 && lead <= 0xEF) { bits = lead & 0x0F; return 3; }
  if (lead >= 0xF0 && lead <= 0xF4) { bits = lead & 0x07; return 4; }
  return 0;
}

// Decodes the sequence at text[i] or returns nullopt when it is invalid.
std::optional<std::pair<char32_t, size_t>> decode(std::string_view text, size_t i) {
  char32_t cp = 0;
  const int length = sequence_length(static_cast<unsigned char>(text[i]), cp);
  if (length == 0 || i + static_cast<size_t>(length) > text.size()) return std::nullopt;
  for (int k = 1; k < length; ++k) {
    const auto byte = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
    if (!is_utf8_continuation(static_cast<char>(byte))) return std::nullopt;
    cp = (cp << 6) | (byte & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool overlong = cp < kSmallest[length];
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (overlong || surrogate || cp > 0x10FFFF) return std::nullopt;
  return std::pair{cp, static_cast<size_t>(length)};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
  Utf8Error where{1, 1, 0};
  size_t i = 0;
  while (i < text.size()) {
    auto decoded = decode(text, i);
    if (!decoded) {
      where.offset = i;
      return where;
    }
    ++where.column;
    if (decoded->first == U'\n') {
      ++where.line;
      where.column = 1;
    }
    i += decoded->second;
  }
  return std::nullopt;
}

char32_t next_code_point(std::string_view text, size_t& i) {
  auto decoded = decode(text, i);
  if (!decoded) {
    ++i;
    return kReplacementCharacter;
  }
  i += decoded->second;
  return decoded->first;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementCharacter;
  auto put = [&out](char32_t byte) { out += static_cast<char>(byte); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

std::string utf16be_with_bom(std::string_view text) {
  std::string out = "\xFE\xFF";
  auto unit = [&out](char32_t u) {
    out += static_cast<char>((u >> 8) & 0xFF);
    out += static_cast<char>(u & 0xFF);
  };
  for (size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (cp < 0x10000) {
      unit(cp);
    } else {
      cp -= 0x10000;
      unit(0xD800 | (cp >> 10));
      unit(0xDC00 | (cp & 0x3FF));
    }
  }
  return out;
}

bool is_utf8_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

size_t utf8_sequence_length(unsigned char lead) {
  char32_t bits = 0;
  const int length = sequence_length(lead, bits);
  return length == 0 ? 1 : static_cast<size_t>(length);
}

size_t code_point_start(std::string_view text, size_t at) {
  while (at > 0 && at < text.size() && is_utf8_continuation(text[at])) --at;
  return at;
}

size_t count_code_points(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += !is_utf8_continuation(c);
  return n;
}

std::string sanitize_text(std::string_view text, bool for_attribute) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t cp = next_code_point(text, i);
    if (cp == U'\r') {
      if (i < text.size() && text[i] == '\n') ++i;  // CRLF: one line break
      cp = U'\n';
    }
    // DEL and C1 are legal XML 1.0 but are controls, not text (a C1 byte in news
    // text is a mis-decoded Windows-1252 character): they would print as boxes.
    const bool control = (cp < 0x20 && cp != U'\t' && cp != U'\n') || (cp >= 0x7F && cp <= 0x9F);
    if (control || cp == 0xFFFE || cp == 0xFFFF) continue;
    if (for_attribute && (cp == U'\t' || cp == U'\n')) cp = U' ';
    append_utf8(out, cp);
  }
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace broadsheet
