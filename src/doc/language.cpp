// Language tags as the back ends compare them (doc/language.h).
#include "doc/language.h"

#include <algorithm>
#include <cctype>
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

char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The subtags after the primary one that may precede the region: up to three
// extended language subtags (three letters) and a script (four letters).
struct LeadingSubtags {
  std::string script;     // lower case; "" for none
  std::string_view next;  // the subtag after them (a region, a variant, ...); "" at the end
};

LeadingSubtags leading_subtags(std::string_view tag) {
  LeadingSubtags found;
  size_t start = tag.find_first_of("-_");
  while (start != std::string_view::npos) {
    size_t end = tag.find_first_of("-_", start + 1);
    std::string_view subtag = tag.substr(start + 1, end == std::string_view::npos ? end : end - start - 1);
    bool letters = !subtag.empty() && std::isalpha(static_cast<unsigned char>(subtag[0]));
    bool extended_language = letters && found.script.empty() && subtag.size() == 3;
    bool script = letters && found.script.empty() && subtag.size() == 4;
    if (!extended_language && !script) {
      found.next = subtag;
      break;
    }
    if (script) found.script = primary_language(subtag);
    start = end;
  }
  return found;
}

}  // namespace

std::string region_subtag(std::string_view tag) {
  std::string_view next = leading_subtags(tag).next;
  if (next.size() != 2 || !std::isalpha(static_cast<unsigned char>(next[0]))) return "";
  return {upper(next[0]), upper(next[1])};
}

bool is_rtl_language(std::string_view tag) {
  std::string script = leading_subtags(tag).script;
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
