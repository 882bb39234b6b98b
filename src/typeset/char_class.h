// Character classes the paragraph code needs and the C library cannot give
// without a locale: letters and lowercase for hyphenation (Latin, Greek,
// Cyrillic), and CJK characters, which justify by letter spacing.
#pragma once

namespace broadsheet {

/// A letter of a script we hyphenate (Latin through IPA Extensions' ə, Greek,
/// Cyrillic), or a combining mark inside a word.
bool is_word_letter(char32_t cp);

/// Lowercase of Latin (with Extended-A/B and Additional), Greek and Cyrillic
/// capitals (İ to i and Ə to ə, as Unicode has them); other code points are
/// returned unchanged.
char32_t to_lower(char32_t cp);

/// Ideographs, kana, Hangul and fullwidth forms: text set without spaces.
bool is_cjk(char32_t cp);

}  // namespace broadsheet
