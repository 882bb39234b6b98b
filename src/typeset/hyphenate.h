// Hyphenation through libhyphen: the article language picks a dictionary
// (hyph_xx_XX.dic or hyph_xx.dic, by primary subtag), loaded once per render
// and kept with a per-word cache; the Turkic Latin languages, which have none,
// go by their syllable rules. The policy of which tokens may be hyphenated
// (alphabetic, five letters or more, no digits, URLs or inner capitals) lives here too.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "exec/executor.h"
#include "typeset/turkic_syllables.h"

namespace broadsheet {

/// Where the system keeps libhyphen's dictionaries (Debian's hyphen-* packages).
inline constexpr const char* kSystemHyphenDir = "/usr/share/hyphen";

/// libhyphen's dictionaries as loaded from disk, shared by every render of a
/// run and safe to use from several threads. Loading is slow for the large
/// ones (German: 1.1 MB of patterns, about 1.3 s), so each file is loaded once
/// per process, and preload() starts the loads a run will need on the run's
/// executor while the run does other work.
class HyphenDictionaries {
 public:
  struct Patterns;  // a loaded HyphenDict, freed with the last user

  /// dictionary_dir is the seam: tests point it at their own folder (or an empty one).
  explicit HyphenDictionaries(std::filesystem::path dictionary_dir = kSystemHyphenDir);
  ~HyphenDictionaries();
  HyphenDictionaries(const HyphenDictionaries&) = delete;
  HyphenDictionaries& operator=(const HyphenDictionaries&) = delete;

  /// The dictionary file chosen for a BCP 47 tag, empty when there is none:
  /// hyph_xx_RR.dic for "xx-RR", then hyph_xx_XX.dic, hyph_xx.dic, hyph_xx_*.dic.
  std::filesystem::path file_for(std::string_view language);

  /// The patterns of a language, loading them (or waiting for a preload) on
  /// first use; null when the language has no dictionary or it fails to load.
  std::shared_ptr<const Patterns> patterns(std::string_view language);

  /// Starts loading the dictionaries of these languages on the executor.
  void preload(const std::vector<std::string>& languages, Executor& executor);

 private:
  // One file's load, waited for by every language that uses the file.
  using Load = std::shared_ptr<Task<std::shared_ptr<const Patterns>>>;
  Load load(const std::filesystem::path& file, Executor* executor);

  std::filesystem::path dir_;
  std::mutex mutex_;
  bool listed_ = false;
  std::vector<std::string> files_;  // file names in dir_, sorted
  std::map<std::string, Load> loads_;  // by canonical path
};

/// Hyphenation of one render: the shared dictionaries plus what is not
/// thread-safe (charset converters, the per-word cache). Cheap to create.
class Hyphenator {
 public:
  /// A Hyphenator with dictionaries of its own, read from dictionary_dir.
  explicit Hyphenator(std::filesystem::path dictionary_dir = kSystemHyphenDir);
  /// A Hyphenator over dictionaries shared with other renders.
  explicit Hyphenator(std::shared_ptr<HyphenDictionaries> shared);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets inside `word` (letters only, as UTF-8; apostrophes too in
  /// the Turkic languages) where a hyphen may be inserted, honouring the
  /// dictionary's hyphenmins (at least 2 and 2). Empty when the language has
  /// neither a dictionary nor syllable rules.
  const std::vector<std::uint16_t>& points(std::string_view word, std::string_view language);

  /// Whether this BCP 47 tag ("en-GB", "de", "az") has a dictionary, or the
  /// Turkic syllable rules that stand in for one.
  bool has_dictionary(std::string_view language);

  /// The dictionary file chosen for a tag, empty when there is none.
  std::filesystem::path dictionary_file(std::string_view language);

 private:
  struct Dictionary;
  Dictionary* dictionary(std::string_view language);

  std::shared_ptr<HyphenDictionaries> shared_;
  std::map<const HyphenDictionaries::Patterns*, std::unique_ptr<Dictionary>> by_patterns_;
  std::map<TurkicLanguage, std::unique_ptr<Dictionary>> by_rules_;
  std::map<std::string, Dictionary*, std::less<>> by_language_;       // null: no dictionary
};

/// Hyphenation points of one token as it stands in text ("Hyphenation," or
/// "(typography)"): leading and trailing punctuation is stripped; tokens with
/// digits, '@', '/', capitals after the first letter, non-letters inside (but
/// apostrophes in the Turkic languages), or fewer than five letters get none.
/// Offsets are bytes into token.
std::vector<std::size_t> hyphenate_token(std::string_view token, std::string_view language,
                                         Hyphenator& hyphenator);

}  // namespace broadsheet
