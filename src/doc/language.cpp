// Language tags as the back ends compare them (doc/language.h).
#include "doc/language.h"

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

}  // namespace

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
