// Hyphenation through libhyphen: the article language picks a dictionary
// (hyph_xx_XX.dic or hyph_xx.dic, by primary subtag), loaded once per render
// and kept with a per-word cache; the policy of which tokens may be hyphenated
// (alphabetic, five letters or more, no digits, URLs or inner capitals) lives here too.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

/// Where the system keeps libhyphen's dictionaries (Debian's hyphen-* packages).
inline constexpr const char* kSystemHyphenDir = "/usr/share/hyphen";

/// Dictionaries of one render. Not thread-safe; cheap to create (nothing is
/// read until a language is asked for).
class Hyphenator {
 public:
  /// dictionary_dir is the seam: tests point it at their own folder (or an empty one).
  explicit Hyphenator(std::filesystem::path dictionary_dir = kSystemHyphenDir);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets inside `word` (letters only, as UTF-8) where a hyphen may be
  /// inserted, honouring the dictionary's hyphenmins (at least 2 and 2).
  /// Empty when the language has no dictionary.
  const std::vector<std::uint16_t>& points(std::string_view word, std::string_view language);

  /// Whether a dictionary exists for this BCP 47 tag ("en-GB", "de", "az").
  bool has_dictionary(std::string_view language);

  /// The dictionary file chosen for a tag, empty when there is none.
  std::filesystem::path dictionary_file(std::string_view language);

 private:
  struct Dictionary;
  Dictionary* dictionary(std::string_view language);
  void list_directory();

  std::filesystem::path dir_;
  bool listed_ = false;
  std::vector<std::string> files_;  // file names in dir_, sorted
  std::map<std::string, std::unique_ptr<Dictionary>> by_file_;      // each file loaded once
  std::map<std::string, Dictionary*, std::less<>> by_language_;       // null: no dictionary
};

/// Hyphenation points of one token as it stands in text ("Hyphenation," or
/// "(typography)"): leading and trailing punctuation is stripped; tokens with
/// digits, '@', '/', capitals after the first letter, non-letters inside, or
/// fewer than five letters get none. Offsets are bytes into token.
std::vector<std::size_t> hyphenate_token(std::string_view token, std::string_view language,
                                         Hyphenator& hyphenator);

}  // namespace broadsheet
