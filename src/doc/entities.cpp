// Decoding HTML character references to UTF-8: numeric ones in full, named
// ones from a table of the references that news text actually uses (dashes,
// quotes, currency, Latin-1 letters, a few symbols). Unknown names stay literal.
#include "doc/entities.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// Sorted by name (byte order) for binary search; the static_assert keeps it so.
constexpr NamedEntity kNamedEntities[] = {
    {"AElig", 0x00C6}, {"Aacute", 0x00C1}, {"Acirc", 0x00C2}, {"Agrave", 0x00C0},
    {"Alpha", 0x0391}, {"Aring", 0x00C5}, {"Atilde", 0x00C3}, {"Auml", 0x00C4},
    {"Beta", 0x0392}, {"Ccedil", 0x00C7}, {"Dagger", 0x2021}, {"Delta", 0x0394},
    {"ETH", 0x00D0}, {"Eacute", 0x00C9}, {"Ecirc", 0x00CA}, {"Egrave", 0x00C8},
    {"Euml", 0x00CB}, {"Gamma", 0x0393}, {"Iacute", 0x00CD}, {"Icirc", 0x00CE},
    {"Igrave", 0x00CC}, {"Iuml", 0x00CF}, {"Ntilde", 0x00D1}, {"OElig", 0x0152},
    {"Oacute", 0x00D3}, {"Ocirc", 0x00D4}, {"Ograve", 0x00D2}, {"Omega", 0x03A9},
    {"Oslash", 0x00D8}, {"Otilde", 0x00D5}, {"Ouml", 0x00D6}, {"Prime", 0x2033},
    {"Scaron", 0x0160}, {"THORN", 0x00DE}, {"Uacute", 0x00DA}, {"Ucirc", 0x00DB},
    {"Ugrave", 0x00D9}, {"Uuml", 0x00DC}, {"Yacute", 0x00DD}, {"Yuml", 0x0178},
    {"aacute", 0x00E1}, {"acirc", 0x00E2}, {"acute", 0x00B4}, {"aelig", 0x00E6},
    {"agrave", 0x00E0}, {"alpha", 0x03B1}, {"amp", 0x0026}, {"apos", 0x0027},
    {"aring", 0x00E5}, {"asymp", 0x2248}, {"atilde", 0x00E3}, {"auml", 0x00E4},
    {"bdquo", 0x201E}, {"beta", 0x03B2}, {"brvbar", 0x00A6}, {"bull", 0x2022},
    {"ccedil", 0x00E7}, {"cedil", 0x00B8}, {"cent", 0x00A2}, {"check", 0x2713},
    {"circ", 0x02C6}, {"copy", 0x00A9}, {"curren", 0x00A4}, {"dagger", 0x2020},
    {"darr", 0x2193}, {"deg", 0x00B0}, {"delta", 0x03B4}, {"divide", 0x00F7},
    {"eacute", 0x00E9}, {"ecirc", 0x00EA}, {"egrave", 0x00E8}, {"emsp", 0x2003},
    {"ensp", 0x2002}, {"epsilon", 0x03B5}, {"eth", 0x00F0}, {"euml", 0x00EB}, {"euro", 0x20AC},
    {"fnof", 0x0192}, {"frac12", 0x00BD}, {"frac14", 0x00BC}, {"frac34", 0x00BE},
    {"gamma", 0x03B3}, {"ge", 0x2265}, {"gt", 0x003E}, {"harr", 0x2194}, {"hearts", 0x2665},
    {"hellip", 0x2026}, {"iacute", 0x00ED}, {"icirc", 0x00EE}, {"iexcl", 0x00A1},
    {"igrave", 0x00EC}, {"infin", 0x221E}, {"iquest", 0x00BF}, {"iuml", 0x00EF},
    {"lambda", 0x03BB}, {"laquo", 0x00AB}, {"larr", 0x2190}, {"ldquo", 0x201C}, {"le", 0x2264},
    {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x003C}, {"macr", 0x00AF}, {"mdash", 0x2014},
    {"micro", 0x00B5}, {"middot", 0x00B7}, {"minus", 0x2212}, {"mu", 0x03BC}, {"nbsp", 0x00A0},
    {"ndash", 0x2013}, {"ne", 0x2260}, {"not", 0x00AC}, {"ntilde", 0x00F1}, {"oacute", 0x00F3},
    {"ocirc", 0x00F4}, {"oelig", 0x0153}, {"ograve", 0x00F2}, {"omega", 0x03C9},
    {"ordf", 0x00AA}, {"ordm", 0x00BA}, {"oslash", 0x00F8}, {"otilde", 0x00F5},
    {"ouml", 0x00F6}, {"para", 0x00B6}, {"permil", 0x2030}, {"pi", 0x03C0}, {"plusmn", 0x00B1},
    {"pound", 0x00A3}, {"prime", 0x2032}, {"quot", 0x0022}, {"raquo", 0x00BB},
    {"rarr", 0x2192}, {"rdquo", 0x201D}, {"reg", 0x00AE}, {"rsaquo", 0x203A},
    {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"scaron", 0x0161}, {"sect", 0x00A7},
    {"shy", 0x00AD}, {"sigma", 0x03C3}, {"sup1", 0x00B9}, {"sup2", 0x00B2}, {"sup3", 0x00B3},
    {"szlig", 0x00DF}, {"thinsp", 0x2009}, {"thorn", 0x00FE}, {"tilde", 0x02DC},
    {"times", 0x00D7}, {"trade", 0x2122}, {"uacute", 0x00FA}, {"uarr", 0x2191},
    {"ucirc", 0x00FB}, {"ugrave", 0x00F9}, {"uml", 0x00A8}, {"uuml", 0x00FC},
    {"yacute", 0x00FD}, {"yen", 0x00A5}, {"yuml", 0x00FF}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};
static_assert(std::is_sorted(std::begin(kNamedEntities), std::end(kNamedEntities),
                             [](const NamedEntity& a, const NamedEntity& b) {
                               return a.name < b.name;
                             }));

constexpr char32_t kReplacement = 0xFFFD;

bool is_valid_code_point(unsigned long value) {
  return value != 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
}

// "#8212" or "#x2014" (without '&' and ';').
std::string decode_numeric(std::string_view digits) {
  int base = 10;
  digits.remove_prefix(1);
  if (!digits.empty() && (digits.front() == 'x' || digits.front() == 'X')) {
    base = 16;
    digits.remove_prefix(1);
  }
  unsigned long value = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
  bool whole = error == std::errc{} && end == digits.data() + digits.size() && !digits.empty();
  std::string out;
  append_utf8(out, whole && is_valid_code_point(value) ? static_cast<char32_t>(value)
                                                       : kReplacement);
  return out;
}

}  // namespace

std::string decode_entity(std::string_view reference) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') {
    return std::string(reference);
  }
  std::string_view name = reference.substr(1, reference.size() - 2);
  if (name.front() == '#') return decode_numeric(name);
  auto found = std::lower_bound(std::begin(kNamedEntities), std::end(kNamedEntities), name,
                                [](const NamedEntity& e, std::string_view n) { return e.name < n; });
  if (found == std::end(kNamedEntities) || found->name != name) return std::string(reference);
  std::string out;
  append_utf8(out, found->code_point);
  return out;
}

}  // namespace broadsheet
