// The one UTF-8 codec every stage uses: strict decoding, encoding, code point
// boundaries and counts, validation with a position, and the sanitizing that
// keeps XML and PDF strings well formed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace broadsheet {

/// U+FFFD REPLACEMENT CHARACTER: what invalid UTF-8 and unencodable code points become.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

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

/// Appends cp to out as UTF-8 (one to four bytes); a surrogate or a value above
/// U+10FFFF is appended as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

/// UTF-8 text as UTF-16BE bytes behind a byte-order mark: a PDF text string
/// for any character (PDF 32000 §7.9.2.2), beyond the BMP as surrogate pairs.
/// Invalid sequences become U+FFFD.
std::string utf16be_with_bom(std::string_view text);

/// True for a UTF-8 continuation byte (10xxxxxx), which never starts a code point.
bool is_utf8_continuation(char byte);

/// Length in bytes of the sequence lead announces: 1 to 4, and 1 for a byte
/// that cannot start a sequence (so a scan over bad text still moves on).
size_t utf8_sequence_length(unsigned char lead);

/// The offset of the first byte of the code point that byte `at` belongs to:
/// backs over continuation bytes, stopping at 0. text.size() is its own start.
size_t code_point_start(std::string_view text, size_t at);

/// Code points in valid UTF-8 text (its lead bytes).
size_t count_code_points(std::string_view text);

/// Makes text safe for XML 1.0 and PDF strings: invalid UTF-8 becomes U+FFFD,
/// CRLF and CR become LF, C0 controls other than TAB and LF are dropped, as are
/// DEL, the C1 controls (U+0080-U+009F), U+FFFE and U+FFFF. With for_attribute,
/// TAB and LF become spaces.
std::string sanitize_text(std::string_view text, bool for_attribute = false);

/// Collapses runs of whitespace (space, TAB, LF, CR) into one space and trims the ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace broadsheet
