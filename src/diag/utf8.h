// UTF-8 helpers shared by every stage: strict decoding, validation with a
// position, and the sanitizing that keeps XML and PDF strings well formed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

/// Position (1-based line and column, counted in code points) of the first
/// invalid UTF-8 byte in text, or nullopt when the text is valid.
struct Utf8Error {
  int line = 0;
  int column = 0;
  size_t offset = 0;
};
std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

/// Decodes one code point at text[i], advancing i. Invalid sequences (overlong,
/// surrogates, > U+10FFFF, truncated) yield U+FFFD and advance by one byte.
char32_t next_code_point(std::string_view text, size_t& i);

/// Appends cp to out as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Makes text safe for XML 1.0 and PDF strings: invalid UTF-8 becomes U+FFFD,
/// CRLF and CR become LF, C0 controls other than TAB and LF are dropped, as are
/// DEL, the C1 controls (U+0080-U+009F), U+FFFE and U+FFFF. With for_attribute,
/// TAB and LF become spaces.
std::string sanitize_text(std::string_view text, bool for_attribute = false);

/// Collapses runs of whitespace (space, TAB, LF, CR) into one space and trims the ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace broadsheet
