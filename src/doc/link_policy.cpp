// The link policy (link_policy.h): clean a target as a browser does, make it a
// valid URI, parse and resolve it with uriparser (RFC 3986), keep only http,
// https and mailto. Everything here is a pure function of its two strings.
#include "doc/link_policy.h"

#include <uriparser/Uri.h>

#include <memory>
#include <vector>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

bool is_url_noise(char c) { return static_cast<unsigned char>(c) <= 0x20; }

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Browsers strip leading and trailing C0 controls and spaces, and every tab
// and newline inside, before they read the scheme: "java\tscript:" is javascript:.
std::string browser_cleaned(std::string_view url) {
  while (!url.empty() && is_url_noise(url.front())) url.remove_prefix(1);
  while (!url.empty() && is_url_noise(url.back())) url.remove_suffix(1);
  std::string out;
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

// Bytes never allowed raw in a URI: controls, space, non-ASCII and "<>\^`{|}[].
bool forbidden_in_uri(unsigned char c) {
  return c <= 0x20 || c >= 0x7f || std::string_view("\"<>\\^`{|}[]").find(static_cast<char>(c)) !=
                                       std::string_view::npos;
}

// Percent-encodes what may not stand raw in a URI; keeps existing %XX escapes
// and the first '#' (a second one is data).
std::string encoded(std::string_view url) {
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

// A parsed URI that frees itself.
struct ParsedUri {
  UriUriA uri{};
  bool ok = false;
  explicit ParsedUri(const std::string& text) {
    const char* error = nullptr;
    ok = uriParseSingleUriA(&uri, text.c_str(), &error) == URI_SUCCESS;
  }
  ParsedUri() = default;
  ParsedUri(const ParsedUri&) = delete;
  ParsedUri& operator=(const ParsedUri&) = delete;
  ~ParsedUri() { uriFreeUriMembersA(&uri); }
};

std::string text_of(const UriTextRangeA& range) {
  if (range.first == nullptr || range.afterLast == nullptr) return {};
  return std::string(range.first, range.afterLast);
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return text;
}

// The lowercase scheme before the first ':', or "" when the text has none (a
// relative reference): a letter, then letters, digits, '+', '-' or '.'.
std::string scheme_of(std::string_view url) {
  const size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return {};
  std::string scheme;
  for (size_t i = 0; i < colon; ++i) {
    const char c = url[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
    if (!letter && !(other && i > 0)) return {};
    scheme += static_cast<char>(letter ? (c | 0x20) : c);
  }
  return scheme;
}

std::string to_string(const UriUriA& uri) {
  int chars = 0;
  if (uriToStringCharsRequiredA(&uri, &chars) != URI_SUCCESS) return {};
  std::string out(static_cast<size_t>(chars) + 1, '\0');
  if (uriToStringA(out.data(), &uri, chars + 1, nullptr) != URI_SUCCESS) return {};
  out.resize(static_cast<size_t>(chars));
  return out;
}

// An absolute URI we link to: http(s) with a host, or mailto with an address.
bool is_allowed(const UriUriA& uri) {
  const std::string scheme = lower(text_of(uri.scheme));
  if (scheme == "http" || scheme == "https") return !text_of(uri.hostText).empty() || uri.hostData.ip4 || uri.hostData.ip6;
  if (scheme == "mailto") return uri.pathHead != nullptr && !text_of(uri.pathHead->text).empty();
  return false;
}

// The base a relative reference resolves against: the article's url, when the
// policy would link to it and it is a web address.
std::optional<std::string> web_base(std::string_view base) {
  std::optional<std::string> decided = decide_link(base);
  if (!decided) return std::nullopt;
  ParsedUri parsed(*decided);
  const std::string scheme = lower(text_of(parsed.uri.scheme));
  if (!parsed.ok || (scheme != "http" && scheme != "https")) return std::nullopt;
  return decided;
}

std::optional<std::string> resolved(const std::string& reference, std::string_view base) {
  std::optional<std::string> base_text = web_base(base);
  if (!base_text) return std::nullopt;
  ParsedUri relative(reference), absolute(*base_text);
  if (!relative.ok || !absolute.ok) return std::nullopt;
  ParsedUri result;
  if (uriAddBaseUriExA(&result.uri, &relative.uri, &absolute.uri, URI_RESOLVE_STRICTLY) != URI_SUCCESS) {
    return std::nullopt;
  }
  if (!is_allowed(result.uri)) return std::nullopt;
  std::string text = to_string(result.uri);
  if (text.empty()) return std::nullopt;
  return text;
}

// Decoded code points that stay escaped (RFC 3987 sections 3.2 and 4.1):
// ASCII, whose escapes carry meaning ("%2F" is not a '/'), C1 controls and
// spaces, format and bidi marks (they would reorder the address as shown),
// private use and noncharacters.
bool shown_decoded(char32_t cp) {
  if (cp <= 0xA0 || cp == 0xAD || cp == 0x061C || cp == 0x1680 || cp == 0x180E) return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)) return false;
  if ((cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) return false;
  if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) return false;
  return !((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

// The byte escaped at text[i] ("%D8"), or -1 when there is no escape there.
int escaped_byte(std::string_view text, size_t i) {
  if (i + 2 >= text.size()) return -1;
  if (text[i] != '%' || !is_hex(text[i + 1]) || !is_hex(text[i + 2])) return -1;
  return hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]);
}

// Percent-decodes the escapes of text that spell one whole UTF-8 code point
// shown_decoded allows; every other escape stays as written.
std::string iri_decoded(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const int lead = escaped_byte(text, i);
    if (lead < 0x80) {
      out += text.substr(i, lead < 0 ? 1 : 3);
      i += lead < 0 ? 1 : 3;
      continue;
    }
    const size_t length = utf8_sequence_length(static_cast<unsigned char>(lead));
    std::string bytes;
    for (size_t k = 0; k < length && escaped_byte(text, i + 3 * k) >= 0; ++k) {
      bytes += static_cast<char>(escaped_byte(text, i + 3 * k));
    }
    size_t read = 0;
    const char32_t cp = bytes.size() == length ? next_code_point(bytes, read) : kReplacementCharacter;
    const bool whole = read == length && cp != kReplacementCharacter;
    if (whole && shown_decoded(cp)) {
      out += bytes;
      i += 3 * length;
    } else {
      out += text.substr(i, 3);
      i += 3;
    }
  }
  return out;
}

// The first `count` code points of text.
std::string first_code_points(std::string_view text, size_t count) {
  size_t i = 0;
  for (size_t n = 0; n < count && i < text.size(); ++n) next_code_point(text, i);
  return std::string(text.substr(0, i));
}

// An http(s) address as shown: the decoded host and port, then the decoded
// path, query and fragment; shortened to host, first segment, "…" and last segment when long.
std::string shown_web_address(const UriUriA& uri) {
  std::string host = iri_decoded(text_of(uri.hostText));  // a percent-encoded IDN: пример.рф
  if (uri.hostData.ip6) host = "[" + host + "]";
  if (uri.portText.first != nullptr) host += ":" + text_of(uri.portText);
  std::vector<std::string> segments;
  for (const UriPathSegmentA* s = uri.pathHead; s != nullptr; s = s->next) {
    segments.push_back(iri_decoded(text_of(s->text)));
  }
  std::string full = host;
  for (const std::string& s : segments) full += "/" + s;
  const std::string query = iri_decoded(text_of(uri.query)), fragment = iri_decoded(text_of(uri.fragment));
  if (uri.query.first != nullptr) full += "?" + query;
  if (uri.fragment.first != nullptr) full += "#" + fragment;
  if (count_code_points(full) <= kShownUrlLength || segments.empty()) return full;
  std::string shortened = host + "/" + segments.front();
  if (segments.size() > 2) shortened += "/\u2026";
  if (segments.size() > 1) shortened += "/" + segments.back();
  if (uri.query.first != nullptr) shortened += "?\u2026";
  return shortened;
}

}  // namespace

std::string display_url(std::string_view uri) {
  const std::string text(uri);
  ParsedUri parsed(text);
  const std::string scheme = lower(text_of(parsed.uri.scheme));
  std::string shown = !parsed.ok                               ? text
                      : (scheme == "http" || scheme == "https") ? shown_web_address(parsed.uri)
                                                                : iri_decoded(text);
  if (count_code_points(shown) <= kShownUrlLength) return shown;
  return first_code_points(shown, kShownUrlLength - 1) + "\u2026";
}

std::optional<std::string> decide_link(std::string_view written, std::string_view base) {
  const std::string uri = encoded(browser_cleaned(written));
  if (uri.empty()) return std::nullopt;
  ParsedUri parsed(uri);
  if (!parsed.ok) return std::nullopt;
  if (parsed.uri.scheme.first == nullptr) return resolved(uri, base);
  if (!is_allowed(parsed.uri)) return std::nullopt;
  return uri;
}

ImageSource read_image_source(std::string_view src, std::string_view base) {
  const std::string clean = browser_cleaned(src);
  ImageSource source;
  const std::string scheme = scheme_of(clean);
  if (!scheme.empty() && scheme != "http" && scheme != "https") {
    source.kind = ImageSource::Kind::Other;
    source.scheme = scheme;
    return source;
  }
  const bool network_path = clean.starts_with("//") || clean.starts_with("\\\\");
  source.kind = scheme.empty() && !network_path ? ImageSource::Kind::Local : ImageSource::Kind::Web;
  source.address = decide_link(clean, base).value_or("");
  return source;
}

}  // namespace broadsheet
