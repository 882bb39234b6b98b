// Hyphenation of the Turkic languages written in Latin letters (Azerbaijani,
// Turkish, Turkmen, Uzbek, Crimean Tatar) by their syllable rules, which are
// regular enough to need no dictionary: every vowel is a syllable's nucleus,
// and the next syllable begins with the one consonant before it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace broadsheet {

/// The languages the syllable rules serve; each has its own vowels.
enum class TurkicLanguage { Azerbaijani, Turkish, Turkmen, Uzbek, CrimeanTatar };

/// The Turkic language of a BCP 47 tag by its primary subtag (az, tr, tk, uz,
/// crh), or nullopt for any other.
std::optional<TurkicLanguage> turkic_language(std::string_view tag);

/// An apostrophe a word of these languages may hold inside it: the Turkish
/// suffix apostrophe (İstanbul'da), Uzbek oʻ and gʻ, the Uzbek tutuq belgisi.
bool is_turkic_apostrophe(char32_t cp);

/// Byte offsets in word (letters and apostrophes, UTF-8) where a hyphen may
/// go between its syllables, with at least left_min letters before and
/// right_min after. Empty for a word with letters outside the Latin script.
std::vector<std::uint16_t> turkic_hyphen_points(std::string_view word, TurkicLanguage language,
                                                std::size_t left_min, std::size_t right_min);

}  // namespace broadsheet
