// Right-to-left text through GNU FriBidi: levels per paragraph, Arabic joining
// (fribidi_shape with FRIBIDI_FLAGS_ARABIC gives the presentation forms that
// DejaVu Sans covers) and reordering per line. FriBidi works on UTF-32 arrays;
// each entry point converts once and keeps the arrays local.
#include "typeset/bidi.h"

#include <fribidi.h>

#include <numeric>

#include "diag/utf8.h"

namespace broadsheet {

namespace {

constexpr FriBidiChar kLigatureFiller = 0xFEFF;  // FRIBIDI_CHAR_FILL after a lam-alef ligature

bool is_rtl_code_point(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFC) || cp == 0x200F || cp == 0x202B || cp == 0x202E ||
         cp == 0x2067;
}

std::u32string to_u32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) out += next_code_point(text, i);
  return out;
}

// Bidi controls have done their work once levels are known; fonts lack glyphs for some.
bool is_bidi_control(char32_t cp) {
  return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string to_utf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char32_t cp : text) {
    if (cp != kLigatureFiller && !is_bidi_control(cp)) append_utf8(out, cp);
  }
  return out;
}

FriBidiChar* chars(std::u32string& s) { return reinterpret_cast<FriBidiChar*>(s.data()); }
const FriBidiChar* chars(const std::u32string& s) { return reinterpret_cast<const FriBidiChar*>(s.data()); }

// Everything FriBidi knows of one string: types, levels and the resolved direction.
struct Analysis {
  std::vector<FriBidiCharType> types;
  std::vector<FriBidiLevel> levels;
  FriBidiParType direction = FRIBIDI_PAR_ON;
};

Analysis analyse(const std::u32string& text, bool force_rtl) {
  auto n = static_cast<FriBidiStrIndex>(text.size());
  Analysis a;
  a.types.resize(text.size());
  a.levels.assign(text.size(), force_rtl ? 1 : 0);
  std::vector<FriBidiBracketType> brackets(text.size());
  fribidi_get_bidi_types(chars(text), n, a.types.data());
  fribidi_get_bracket_types(chars(text), n, a.types.data(), brackets.data());
  a.direction = force_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
  if (fribidi_get_par_embedding_levels_ex(a.types.data(), brackets.data(), n, &a.direction,
                                          a.levels.data()) == 0) {
    a.direction = force_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;  // out of memory: keep the plain levels
  }
  return a;
}

// Joining and presentation forms (and mirroring when asked), in place.
void shape(const Analysis& a, FriBidiFlags flags, std::u32string& text) {
  auto n = static_cast<FriBidiStrIndex>(text.size());
  std::vector<FriBidiArabicProp> joining(text.size());
  fribidi_get_joining_types(chars(text), n, joining.data());
  fribidi_join_arabic(a.types.data(), n, a.levels.data(), joining.data());
  fribidi_shape(flags, a.levels.data(), n, joining.data(), chars(text));
}

}  // namespace

bool has_rtl(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    // Only lead bytes D6-DF (U+0580-U+07FF), E0 (U+0800-), E2 (marks) and EF (forms) can start one.
    if (lead < 0xD6 || (lead > 0xE0 && lead != 0xE2 && lead != 0xEF)) {
      i += utf8_sequence_length(lead);
      continue;
    }
    if (is_rtl_code_point(next_code_point(text, i))) return true;
  }
  return false;
}

bool is_script_letter(char32_t cp) {
  return FRIBIDI_IS_LETTER(fribidi_get_bidi_type(static_cast<FriBidiChar>(cp)));
}

ParagraphLevels paragraph_levels(const std::u32string& text, bool force_rtl) {
  Analysis a = analyse(text, force_rtl);
  ParagraphLevels out;
  out.levels.assign(a.levels.begin(), a.levels.end());
  out.rtl = FRIBIDI_IS_RTL(a.direction);
  return out;
}

std::string shape_for_measuring(std::string_view text) {
  std::u32string u = to_u32(text);
  Analysis a = analyse(u, false);
  shape(a, FRIBIDI_FLAGS_ARABIC, u);
  return to_utf8(u);
}

std::string visual_order(std::string_view text, bool rtl) {
  std::u32string u = to_u32(text);
  Analysis a = analyse(u, rtl);
  shape(a, FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC, u);
  // REORDER_NSM keeps a combining mark after its base, as the fonts expect.
  if (fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, a.types.data(), static_cast<FriBidiStrIndex>(u.size()),
                           0, a.direction, a.levels.data(), chars(u), nullptr) == 0) {
    return std::string(text);  // out of memory: unshaped logical text rather than nothing
  }
  return to_utf8(u);
}

std::vector<size_t> visual_unit_order(const std::vector<std::uint8_t>& levels,
                                      const std::vector<bool>& spaces, bool rtl_paragraph) {
  std::vector<FriBidiCharType> types(levels.size());
  std::vector<FriBidiLevel> line_levels(levels.begin(), levels.end());
  for (size_t i = 0; i < levels.size(); ++i) {
    types[i] = spaces[i] ? FRIBIDI_TYPE_WS : (levels[i] % 2 ? FRIBIDI_TYPE_RTL : FRIBIDI_TYPE_LTR);
  }
  std::vector<FriBidiStrIndex> map(levels.size());
  std::iota(map.begin(), map.end(), 0);
  if (fribidi_reorder_line(0, types.data(), static_cast<FriBidiStrIndex>(levels.size()), 0,
                           rtl_paragraph ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR, line_levels.data(),
                           nullptr, map.data()) == 0) {
    std::iota(map.begin(), map.end(), 0);  // out of memory: logical order
  }
  return std::vector<size_t>(map.begin(), map.end());
}

}  // namespace broadsheet
