// STUB
#include "diag/utf8.h"
namespace broadsheet {
std::optional<Utf8Error> find_invalid_utf8(std::string_view) { return std::nullopt; }
char32_t next_code_point(std::string_view text, size_t& i) { return static_cast<unsigned char>(text[i++]); }
void append_utf8(std::string& out, char32_t cp) { out += static_cast<char>(cp); }
std::string sanitize_text(std::string_view text, bool) { return std::string(text); }
std::string collapse_whitespace(std::string_view text) { return std::string(text); }
}  // namespace broadsheet
