// External link policy: a page never links to javascript:, data:, file: or a
// relative path (which would point into the book and break it). Kept links are
// made valid URIs by percent-encoding whatever RFC 3986 does not allow raw.
#include "epub/uri.h"

#include <cctype>

#include "diag/utf8.h"

namespace broadsheet::epub {
namespace {

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// Characters never allowed raw anywhere in a URI (besides controls, space, non-ASCII).
bool forbidden_in_uri(unsigned char c) {
  return c <= 0x20 || c >= 0x7f || std::string_view("\"<>\\^`{|}[]").find(static_cast<char>(c)) !=
                                       std::string_view::npos;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The scheme before ':' in lower case, or "" when the url has none.
std::string scheme_of(std::string_view url) {
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string scheme;
  for (size_t i = 0; i < colon; ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    bool ok = std::isalpha(c) || (i > 0 && (std::isdigit(c) || c == '+' || c == '-' || c == '.'));
    if (!ok) return {};
    scheme += static_cast<char>(std::tolower(c));
  }
  return scheme;
}

bool has_host(std::string_view after_scheme) {
  if (after_scheme.substr(0, 2) != "//" || after_scheme.size() < 3) return false;
  return std::string_view("/?#").find(after_scheme[2]) == std::string_view::npos;
}

}  // namespace

std::string encode_uri(std::string_view url) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  bool seen_fragment = false;
  for (size_t i = 0; i < url.size(); ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    bool escape_start = c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]);
    bool second_hash = c == '#' && seen_fragment;
    seen_fragment = seen_fragment || c == '#';
    if (forbidden_in_uri(c) || second_hash || (c == '%' && !escape_start)) {
      out += '%';
      out += kDigits[c >> 4];
      out += kDigits[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::optional<std::string> external_href(std::string_view url) {
  std::string clean = sanitize_text(url, /*for_attribute=*/true);
  std::string_view trimmed = trim_spaces(clean);
  std::string scheme = scheme_of(trimmed);
  std::string_view rest = trimmed.substr(scheme.size() + (scheme.empty() ? 0 : 1));
  bool allowed = ((scheme == "http" || scheme == "https") && has_host(rest)) ||
                 (scheme == "mailto" && !rest.empty());
  if (!allowed) return std::nullopt;
  return encode_uri(trimmed);
}

}  // namespace broadsheet::epub
