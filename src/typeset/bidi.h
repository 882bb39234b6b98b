// Right-to-left text for the PDF (libharu draws glyphs left to right, with no
// shaping): Unicode bidi levels of a paragraph, Arabic joining into the
// presentation forms the fonts have, and visual order, all through GNU FriBidi.
// Text without a right-to-left letter never reaches FriBidi (has_rtl is a byte scan).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

/// True when text (UTF-8) holds a right-to-left letter or mark: Hebrew,
/// Arabic, Syriac, Thaana, NKo (U+0590-U+08FF), their presentation forms, RLM.
bool has_rtl(std::string_view text);

/// True for a letter of any script: a strongly directional character (bidi
/// type L, R or AL); digits, punctuation, symbols and spaces are not.
bool is_script_letter(char32_t cp);

/// Bidi embedding levels (UAX #9, rules P2-I1) of a paragraph's code points,
/// one per code point; odd levels run right to left.
struct ParagraphLevels {
  std::vector<std::uint8_t> levels;
  bool rtl = false;  ///< the resolved paragraph direction
};

/// force_rtl makes the paragraph right to left; otherwise its first strong
/// character decides (left to right when it has none).
ParagraphLevels paragraph_levels(const std::u32string& text, bool force_rtl);

/// Arabic letters joined into presentation forms (U+FB50-U+FEFF; lam-alef
/// ligatures), in logical order: what measuring needs (widths do not depend
/// on order). Text without Arabic comes back unchanged.
std::string shape_for_measuring(std::string_view text);

/// One line or run as drawn left to right: shaped, mirrored ("(" in a
/// right-to-left run becomes ")") and reordered. rtl forces a right-to-left
/// base direction; otherwise the first strong character decides.
std::string visual_order(std::string_view text, bool rtl);

/// Visual order of a line's units (words, pieces, spaces) from their levels:
/// result[i] is the logical index of the unit drawn i-th from the left
/// (UAX #9 rule L2, through fribidi_reorder_line). spaces mark inter-word
/// glue, which a line end resets to the paragraph level (rule L1).
std::vector<size_t> visual_unit_order(const std::vector<std::uint8_t>& levels,
                                      const std::vector<bool>& spaces, bool rtl_paragraph);

}  // namespace broadsheet
