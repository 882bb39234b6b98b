// The Turkic syllable rules, as the Turkish and Azerbaijani spelling rules
// state them (and as TeX's Turkish patterns were generated from them): a word
// is read into letters that sound as vowels or consonants; between two vowels
// the next syllable takes exactly one consonant (ka-lem, Türk-çe, Azər-bay-can)
// or none (sa-at, mü-əs-si-sə). A cluster that opens a word (prezident, stadion)
// lies before the first vowel, where no syllable boundary is ever sought.
#include "typeset/turkic_syllables.h"

#include <string>

#include "diag/utf8.h"
#include "doc/language.h"
#include "typeset/char_class.h"

namespace broadsheet {

namespace {

enum class Sound { Vowel, Consonant, Apostrophe };

/// One letter of the alphabet as written: a code point with any combining
/// marks, an Uzbek oʻ or gʻ with its sign, an Uzbek sh or ch; or an apostrophe.
struct Letter {
  std::size_t begin = 0;  // byte offset in the word
  char32_t first = 0;     // its first code point, lowercase
  Sound sound = Sound::Consonant;
};

bool in(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

std::u32string_view vowels_of(TurkicLanguage language) {
  switch (language) {
    case TurkicLanguage::Azerbaijani: return U"aeəıioöuü";
    case TurkicLanguage::Turkish: return U"aeıioöuüâîû";
    case TurkicLanguage::Turkmen: return U"aeäioöuüy";
    case TurkicLanguage::Uzbek: return U"aeiou";
    case TurkicLanguage::CrimeanTatar: return U"aeıioöuü";
  }
  return {};
}

bool is_combining_mark(char32_t cp) { return in(cp, 0x300, 0x36F); }

// Latin letters through IPA Extensions (ə) and Latin Extended Additional.
bool is_latin_letter(char32_t cp) { return is_word_letter(cp) && (cp < 0x2B0 || in(cp, 0x1E00, 0x1EFF)); }

// In Uzbek, a sign after o or g makes one letter of the two (oʻ, gʻ; in
// print often ' or ’), and h after s or c one consonant (sh, ch). Elsewhere
// an apostrophe stands on its own.
bool joins_previous(const Letter& previous, char32_t cp, bool previous_has_sign, TurkicLanguage language) {
  if (language != TurkicLanguage::Uzbek || previous_has_sign) return false;
  if (is_turkic_apostrophe(cp) && cp != 0x2BC) return previous.first == 'o' || previous.first == 'g';
  return to_lower(cp) == 'h' && (previous.first == 's' || previous.first == 'c');
}

// The word's letters, or nothing when a code point is no Latin letter,
// combining mark or apostrophe (a Cyrillic word in an az-Cyrl article).
std::vector<Letter> read_letters(std::string_view word, TurkicLanguage language) {
  std::vector<Letter> letters;
  bool joined = false;  // the last letter already holds a second code point
  for (std::size_t i = 0; i < word.size();) {
    std::size_t begin = i;
    char32_t cp = next_code_point(word, i);
    if (is_combining_mark(cp) && !letters.empty()) continue;
    if (!letters.empty() && joins_previous(letters.back(), cp, joined, language)) {
      joined = true;
      continue;
    }
    joined = false;
    if (is_turkic_apostrophe(cp)) {
      letters.push_back({begin, cp, Sound::Apostrophe});
    } else if (is_latin_letter(cp)) {
      char32_t lower = to_lower(cp);
      bool vowel = vowels_of(language).find(lower) != std::u32string_view::npos;
      letters.push_back({begin, lower, vowel ? Sound::Vowel : Sound::Consonant});
    } else {
      return {};
    }
  }
  return letters;
}

// Where the syllable of the vowel at `vowel` begins, the previous vowel
// being at `previous`: at the last consonant between them, or at the vowel
// itself. An Uzbek tutuq belgisi closes the syllable before it (mas'-ul).
std::size_t syllable_start(const std::vector<Letter>& letters, std::size_t previous, std::size_t vowel) {
  if (vowel - previous == 1) return vowel;
  return letters[vowel - 1].sound == Sound::Apostrophe ? vowel : vowel - 1;
}

// Where breaks may go: up to the first apostrophe in the languages that set
// one before a suffix of a proper name (İstanbul'da, Bakı'dan): no break at,
// after or inside the suffix. Uzbek apostrophes are letters' signs or the
// tutuq belgisi, inside words.
std::size_t breakable_end(const std::vector<Letter>& letters, TurkicLanguage language) {
  if (language == TurkicLanguage::Uzbek) return letters.size();
  for (std::size_t k = 0; k < letters.size(); ++k) {
    if (letters[k].sound == Sound::Apostrophe) return k;
  }
  return letters.size();
}

}  // namespace

std::optional<TurkicLanguage> turkic_language(std::string_view tag) {
  const std::string primary = primary_language(tag);
  if (primary == "az") return TurkicLanguage::Azerbaijani;
  if (primary == "tr") return TurkicLanguage::Turkish;
  if (primary == "tk") return TurkicLanguage::Turkmen;
  if (primary == "uz") return TurkicLanguage::Uzbek;
  if (primary == "crh") return TurkicLanguage::CrimeanTatar;
  return std::nullopt;
}

bool is_turkic_apostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x2BB || cp == 0x2BC;
}

std::vector<std::uint16_t> turkic_hyphen_points(std::string_view word, TurkicLanguage language,
                                                std::size_t left_min, std::size_t right_min) {
  std::vector<Letter> letters = read_letters(word, language);
  std::size_t end = breakable_end(letters, language);
  std::vector<std::size_t> before(letters.size() + 1, 0);  // letters, not apostrophes, before each
  for (std::size_t k = 0; k < letters.size(); ++k) {
    before[k + 1] = before[k] + (letters[k].sound != Sound::Apostrophe);
  }
  std::vector<std::uint16_t> points;
  std::size_t previous = letters.size();  // no vowel yet
  for (std::size_t k = 0; k < end; ++k) {
    if (letters[k].sound != Sound::Vowel) continue;
    if (previous < k) {
      std::size_t start = syllable_start(letters, previous, k);
      if (before[start] >= left_min && before.back() - before[start] >= right_min) {
        points.push_back(static_cast<std::uint16_t>(letters[start].begin));
      }
    }
    previous = k;
  }
  return points;
}

}  // namespace broadsheet
