// UAX #14 break opportunities through libunibreak. Plain words (ASCII letters,
// digits and the punctuation that never opens a break inside a word) skip the
// library: they are nearly all of a digest's text.
#include "typeset/break_points.h"

#include <linebreak.h>

#include <mutex>
#include <string>

#include "diag/utf8.h"
#include "doc/language.h"

namespace broadsheet {

namespace {

bool plain_ascii_word(std::string_view token) {
  for (char c : token) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && c != '.' && c != ',' && c != ';' && c != ':' && c != '\'' && c != '"' &&
        c != '(' && c != ')') {
      return false;
    }
  }
  return true;
}

// libunibreak 1.1 needs its tables initialised once per process; the call is
// idempotent library setup, not program state.
void init_unibreak_once() {
  static std::once_flag once;
  std::call_once(once, [] { init_linebreak(); });
}

// libunibreak 1.1 (Debian 12) aborts on a regional indicator (an assertion:
// its pair table has no row for the class). A flag's two indicators stand
// together like the letters of a word, so each is asked about as a letter of
// the same UTF-8 length (U+1D400, class AL): the byte offsets stay the same.
std::string without_regional_indicators(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (size_t i = 0; i < token.size();) {
    char32_t cp = next_code_point(token, i);
    append_utf8(out, cp >= 0x1F1E6 && cp <= 0x1F1FF ? 0x1D400 : cp);
  }
  return out;
}

}  // namespace

std::vector<std::size_t> break_opportunities(std::string_view token, std::string_view language) {
  std::vector<std::size_t> out;
  if (token.size() < 2 || plain_ascii_word(token)) return out;
  init_unibreak_once();
  std::string lang = primary_language(language);
  const std::string text = without_regional_indicators(token);
  std::vector<char> breaks(text.size());
  set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(text.data()), text.size(),
                      lang.empty() ? nullptr : lang.c_str(), breaks.data());
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (breaks[i] == LINEBREAK_ALLOWBREAK || breaks[i] == LINEBREAK_MUSTBREAK) out.push_back(i + 1);
  }
  return out;
}

}  // namespace broadsheet
