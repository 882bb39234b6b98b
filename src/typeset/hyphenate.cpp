// Hyphenation through libhyphen. Dictionaries come in their own 8-bit or UTF-8
// charsets (the first line of the .dic names it), so words are lowercased,
// converted with iconv, and the points mapped back to UTF-8 byte offsets.
// The Turkic Latin languages, which have no dictionary, go by their syllable
// rules (turkic_syllables) behind the same cache and hyphenmins.
#include "typeset/hyphenate.h"

#include <hyphen.h>
#include <iconv.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_map>

#include "diag/utf8.h"
#include "doc/language.h"
#include "typeset/char_class.h"
#include "typeset/turkic_syllables.h"

namespace broadsheet {

namespace {

constexpr size_t kMinLetters = 5;    // shorter words are never worth a hyphen
constexpr size_t kMaxLetters = 60;   // longer ones are not words (libhyphen's buffers are fixed, offsets 16-bit)

// Frees what hnj_hyphen_hyphenate2 allocates for non-standard hyphenation.
void free_replacements(char** rep, int* pos, int* cut, size_t n) {
  if (rep) {
    for (size_t i = 0; i < n; ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
}

}  // namespace

// hnj_hyphen_hyphenate2 only reads the dictionary, so one loaded copy serves
// every thread.
struct HyphenDictionaries::Patterns {
  HyphenDict* dict = nullptr;
  explicit Patterns(HyphenDict* d) : dict(d) {}
  ~Patterns() { hnj_hyphen_free(dict); }
  Patterns(const Patterns&) = delete;
  Patterns& operator=(const Patterns&) = delete;
};

// A language's hyphenation: libhyphen's patterns, or the Turkic syllable
// rules (dict null). Either way at least two letters stay on each side.
struct Hyphenator::Dictionary {
  std::shared_ptr<const HyphenDictionaries::Patterns> patterns;
  HyphenDict* dict = nullptr;
  std::optional<TurkicLanguage> turkic;
  iconv_t to_charset = reinterpret_cast<iconv_t>(-1);  // UTF-8 -> the dictionary's 8-bit charset
  size_t left_min = 2, right_min = 2;
  std::unordered_map<std::string, std::vector<std::uint16_t>> cache;

  explicit Dictionary(std::shared_ptr<const HyphenDictionaries::Patterns> loaded)
      : patterns(std::move(loaded)), dict(patterns->dict) {
    left_min = std::max<size_t>(2, static_cast<size_t>(std::max<int>(0, dict->lhmin)));
    right_min = std::max<size_t>(2, static_cast<size_t>(std::max<int>(0, dict->rhmin)));
    if (!dict->utf8) to_charset = iconv_open(dict->cset, "UTF-8");
  }
  explicit Dictionary(TurkicLanguage rules) : turkic(rules) {}
  ~Dictionary() {
    if (to_charset != reinterpret_cast<iconv_t>(-1)) iconv_close(to_charset);
  }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // The lowercase word in the dictionary's charset; empty when it cannot be
  // represented (a Cyrillic word against a Latin-1 dictionary).
  std::string encode(const std::string& lower_utf8, size_t letters) {
    if (dict->utf8) return lower_utf8;
    if (to_charset == reinterpret_cast<iconv_t>(-1)) return {};
    std::string out(letters, '\0');
    char* in = const_cast<char*>(lower_utf8.data());
    size_t in_left = lower_utf8.size(), out_left = out.size();
    char* dst = out.data();
    iconv(to_charset, nullptr, nullptr, nullptr, nullptr);
    if (iconv(to_charset, &in, &in_left, &dst, &out_left) == static_cast<size_t>(-1) || in_left || out_left) {
      return {};
    }
    return out;
  }

  // libhyphen marks a break after character k with an odd hyphens[k]
  // (character, not byte, positions also for UTF-8 dictionaries).
  std::vector<std::uint16_t> compute(std::string_view word) {
    if (count_code_points(word) > kMaxLetters) return {};
    if (turkic) return turkic_hyphen_points(word, *turkic, left_min, right_min);
    std::string lower;
    std::vector<std::uint16_t> ends;  // byte offset after each character
    for (size_t i = 0; i < word.size();) {
      append_utf8(lower, to_lower(next_code_point(word, i)));
      ends.push_back(static_cast<std::uint16_t>(i));
    }
    std::vector<std::uint16_t> points;
    std::string encoded = encode(lower, ends.size());
    if (encoded.empty()) return points;
    std::vector<char> hyphens(encoded.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict, encoded.data(), static_cast<int>(encoded.size()), hyphens.data(), nullptr,
                          &rep, &pos, &cut);
    for (size_t k = left_min - 1; k + right_min < ends.size(); ++k) {
      bool standard = !rep || !rep[k];  // skip "Schiff=fahrt"-style replacements
      if ((hyphens[k] & 1) && standard) points.push_back(ends[k]);
    }
    free_replacements(rep, pos, cut, encoded.size());
    return points;
  }
};

HyphenDictionaries::HyphenDictionaries(std::filesystem::path dictionary_dir) : dir_(std::move(dictionary_dir)) {}

// A load begun finishes before its task goes; one not begun is cancelled (Task).
HyphenDictionaries::~HyphenDictionaries() = default;

std::filesystem::path HyphenDictionaries::file_for(std::string_view language) {
  std::string primary = primary_language(language);
  std::string region = region_subtag(language);
  if (primary.size() < 2 || primary.size() > 3) return {};
  std::lock_guard lock(mutex_);
  if (!listed_) {
    listed_ = true;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
      std::string name = entry.path().filename().string();
      if (name.starts_with("hyph_") && name.ends_with(".dic")) files_.push_back(name);
    }
    std::sort(files_.begin(), files_.end());
  }
  std::string upper = primary;
  for (char& c : upper) c = static_cast<char>(c & ~0x20);
  std::vector<std::string> wanted;
  if (!region.empty()) wanted.push_back("hyph_" + primary + "_" + region + ".dic");
  wanted.push_back("hyph_" + primary + "_" + upper + ".dic");
  wanted.push_back("hyph_" + primary + ".dic");
  for (const std::string& name : wanted) {
    if (std::binary_search(files_.begin(), files_.end(), name)) return dir_ / name;
  }
  std::string prefix = "hyph_" + primary + "_";
  auto it = std::lower_bound(files_.begin(), files_.end(), prefix);
  if (it != files_.end() && it->starts_with(prefix)) return dir_ / *it;
  return {};
}

// One load per file (the hyphen-* packages link hyph_de_AT.dic and others to
// one file): the first asker loads, at once or on the executor, and later
// askers wait for the same task.
HyphenDictionaries::Load HyphenDictionaries::load(const std::filesystem::path& file, Executor* executor) {
  std::error_code ec;
  std::string key = std::filesystem::weakly_canonical(file, ec).string();
  std::lock_guard lock(mutex_);
  auto found = loads_.find(key);
  if (found != loads_.end()) return found->second;
  auto read = [file]() -> std::shared_ptr<const Patterns> {
    HyphenDict* dict = hnj_hyphen_load(file.c_str());
    return dict ? std::make_shared<const Patterns>(dict) : nullptr;
  };
  Load task = std::make_shared<Task<std::shared_ptr<const Patterns>>>(submit(executor, read));
  loads_.emplace(key, task);
  return task;
}

std::shared_ptr<const HyphenDictionaries::Patterns> HyphenDictionaries::patterns(std::string_view language) {
  std::filesystem::path file = file_for(language);
  if (file.empty()) return nullptr;
  return load(file, nullptr)->get();  // not preloaded: read here
}

void HyphenDictionaries::preload(const std::vector<std::string>& languages, Executor& executor) {
  for (const std::string& language : languages) {
    std::filesystem::path file = file_for(language);
    if (!file.empty()) load(file, &executor);
  }
}

Hyphenator::Hyphenator(std::filesystem::path dictionary_dir)
    : shared_(std::make_shared<HyphenDictionaries>(std::move(dictionary_dir))) {}
Hyphenator::Hyphenator(std::shared_ptr<HyphenDictionaries> shared) : shared_(std::move(shared)) {}
Hyphenator::~Hyphenator() = default;

std::filesystem::path Hyphenator::dictionary_file(std::string_view language) {
  return shared_->file_for(language);
}

// An installed dictionary wins; the Turkic rules serve where there is none.
Hyphenator::Dictionary* Hyphenator::dictionary(std::string_view language) {
  auto known = by_language_.find(language);
  if (known != by_language_.end()) return known->second;
  Dictionary* found = nullptr;
  if (std::shared_ptr<const HyphenDictionaries::Patterns> patterns = shared_->patterns(language)) {
    auto& slot = by_patterns_[patterns.get()];
    if (!slot) slot = std::make_unique<Dictionary>(std::move(patterns));
    found = slot.get();
  } else if (std::optional<TurkicLanguage> turkic = turkic_language(language)) {
    auto& slot = by_rules_[*turkic];
    if (!slot) slot = std::make_unique<Dictionary>(*turkic);
    found = slot.get();
  }
  by_language_.emplace(std::string(language), found);
  return found;
}

bool Hyphenator::has_dictionary(std::string_view language) { return dictionary(language) != nullptr; }

const std::vector<std::uint16_t>& Hyphenator::points(std::string_view word, std::string_view language) {
  static const std::vector<std::uint16_t> kNone;
  Dictionary* d = dictionary(language);
  if (!d) return kNone;
  auto [it, inserted] = d->cache.try_emplace(std::string(word));
  if (inserted) it->second = d->compute(word);
  return it->second;
}

namespace {

bool is_edge_punctuation(char32_t cp) {
  return !is_word_letter(cp) && !(cp >= '0' && cp <= '9') && cp != '@' && cp != '/';
}

// The letters of a token between its leading and trailing punctuation.
std::pair<size_t, size_t> core_of(std::string_view token) {
  size_t begin = 0, end = token.size();
  while (begin < end) {
    size_t i = begin;
    if (!is_edge_punctuation(next_code_point(token, i))) break;
    begin = i;
  }
  while (end > begin) {
    size_t start = std::max(begin, code_point_start(token, end - 1));
    size_t i = start;
    if (!is_edge_punctuation(next_code_point(token, i))) break;
    end = start;
  }
  return {begin, end};
}

// Letters only, and no capital after the first (iPhone, McDonald, NATO);
// in the Turkic languages apostrophes too (İstanbul'da, Oʻzbekiston), which
// their rules place breaks around.
bool hyphenatable(std::string_view core, bool apostrophes) {
  size_t letters = 0;
  for (size_t i = 0; i < core.size();) {
    char32_t cp = next_code_point(core, i);
    if (apostrophes && is_turkic_apostrophe(cp)) continue;
    if (!is_word_letter(cp)) return false;
    if (letters > 0 && to_lower(cp) != cp) return false;
    ++letters;
  }
  return letters >= kMinLetters;
}

}  // namespace

std::vector<std::size_t> hyphenate_token(std::string_view token, std::string_view language,
                                         Hyphenator& hyphenator) {
  std::vector<std::size_t> out;
  if (token.find_first_of("@/0123456789") != std::string_view::npos) return out;
  auto [begin, end] = core_of(token);
  std::string_view core = token.substr(begin, end - begin);
  if (!hyphenatable(core, turkic_language(language).has_value())) return out;
  for (std::uint16_t p : hyphenator.points(core, language)) out.push_back(begin + p);
  return out;
}

}  // namespace broadsheet
