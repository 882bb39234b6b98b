// Decoding HTML character references to UTF-8: numeric ones as CommonMark
// says (invalid ones are U+FFFD); named ones by gumbo, which knows all 2,231
// of HTML5's, so a name is never decoded in one body and left literal in
// another ("&colon;" in a link destination is a ':', and the link policy sees it).
#include "doc/entities.h"

#include <gumbo.h>

#include <charconv>

#include "diag/utf8.h"

namespace broadsheet {
namespace {


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
                                                       : kReplacementCharacter);
  return out;
}

// "&mdash;" as an HTML parser reads it in body text; an unknown name stays
// literal, as HTML5 says. The 'x' in front keeps "&NewLine;" and "&Tab;" from
// being dropped as whitespace before <body> opens.
std::string decode_named(std::string_view reference) {
  const std::string html = "x" + std::string(reference);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string out(reference);
  const GumboVector& top = output->root->v.element.children;
  const auto* body = top.length == 2 ? static_cast<const GumboNode*>(top.data[1]) : nullptr;
  if (body && body->type == GUMBO_NODE_ELEMENT && body->v.element.children.length == 1) {
    const auto* text = static_cast<const GumboNode*>(body->v.element.children.data[0]);
    if (text->type == GUMBO_NODE_TEXT) out = std::string(text->v.text.text).substr(1);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return out;
}

}  // namespace

std::string decode_entity(std::string_view reference) {
  if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';') {
    return std::string(reference);
  }
  std::string_view name = reference.substr(1, reference.size() - 2);
  if (name.front() == '#') return decode_numeric(name);
  return decode_named(reference);
}

}  // namespace broadsheet
