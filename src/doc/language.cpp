// Language tags as the back ends compare them (doc/language.h).
#include "doc/language.h"

#include <algorithm>
#include <span>

namespace broadsheet {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// Languages whose usual script (CLDR likelySubtags) runs right to left: Arabic,
// Hebrew and its old code iw, Persian and Dari, Urdu, Yiddish and its old code
// ji, Pashto, Sindhi, Uyghur, Kashmiri, Central Kurdish (Sorani; Kurmanji "ku"
// is Latin), South Azerbaijani, Western Punjabi, Dhivehi (Thaana), Syriac, N'Ko.
constexpr std::string_view kRtlLanguages[] = {"ar", "he",  "iw",  "fa",  "prs", "ur", "yi",  "ji",  "ps",
                                              "sd", "ug",  "ks",  "ckb", "azb", "pnb", "dv", "syr", "nqo"};

// ISO 15924 codes of the right-to-left scripts a script subtag may name.
constexpr std::string_view kRtlScripts[] = {"arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"};

bool listed(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// The script subtag (four letters, after the language and any extended
// language subtags), lower case; "" when the tag has none.
std::string script_subtag(std::string_view tag) {
  size_t start = tag.find_first_of("-_");
  while (start != std::string_view::npos) {
    size_t end = tag.find_first_of("-_", start + 1);
    std::string_view subtag = tag.substr(start + 1, end == std::string_view::npos ? end : end - start - 1);
    if (subtag.size() == 4) return primary_language(subtag);
    if (subtag.size() != 3) return "";  // a region or variant: no script comes after it
    start = end;
  }
  return "";
}

}  // namespace

bool is_rtl_language(std::string_view tag) {
  std::string script = script_subtag(tag);
  if (!script.empty()) return listed(script, kRtlScripts);
  return listed(primary_language(tag), kRtlLanguages);
}

std::string primary_language(std::string_view tag) {
  std::string primary;
  for (char c : tag.substr(0, tag.find_first_of("-_"))) primary += lower(c);
  return primary;
}

bool language_within(std::string_view tag, std::string_view context) {
  if (tag.empty()) return true;
  if (context.size() < tag.size()) return false;
  if (!same_letters(tag, context.substr(0, tag.size()))) return false;
  return context.size() == tag.size() || context[tag.size()] == '-';
}

}  // namespace broadsheet
