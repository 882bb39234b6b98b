// The EPUB stylesheet. Readers override fonts and margins as they like, so the
// default only sets what makes a newspaper read as one: a masthead, section
// labels, bylines, and restrained colours taken from the style.
#include "epub/stylesheet.h"

#include <algorithm>
#include <cmath>

#include "diag/utf8.h"

namespace broadsheet::epub {
namespace {

// "#rrggbb" from 0..1 components; hex digits by hand, never a locale-aware stream.
std::string hex_color(const Color& color) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (double component : {color.r, color.g, color.b}) {
    int value = static_cast<int>(std::lround(std::clamp(component, 0.0, 1.0) * 255));
    out += kDigits[value >> 4];
    out += kDigits[value & 15];
  }
  return out;
}

constexpr const char* kDefaultCss = R"(body { color: TEXT; line-height: 1.45; widows: 2; orphans: 2; }
p { margin: 0 0 0.6em; adobe-hyphenate: auto; -epub-hyphens: auto; -webkit-hyphens: auto; hyphens: auto; }
p.indent { text-indent: INDENT; }
h1, h2, h3, h4, h5, h6 { line-height: 1.2; page-break-after: avoid; break-after: avoid; }
a { color: LINK; }
blockquote { margin: 0.8em 1.5em; font-style: italic; }
pre { white-space: pre-wrap; font-size: 0.85em; margin: 0.8em 0; }
code { font-family: monospace; }
hr { border: none; border-top: 1px solid ACCENT; margin: 1em 20%; }
.masthead { text-align: center; border-bottom: 3px double ACCENT; margin-bottom: 1.5em; }
.edition-title { font-size: 2.2em; margin: 0.2em 0; letter-spacing: 0.02em; }
.subtitle { font-style: italic; margin: 0.2em 0; }
.dateline, .publisher { font-size: 0.85em; margin: 0.2em 0; }
.contents { margin: 0 0 1em; }
.contents-title { font-size: 0.85em; text-align: center; text-transform: uppercase; letter-spacing: 0.1em; }
.section { margin: 0 0 1.2em; }
.section-title, .section-label { color: ACCENT; text-transform: uppercase; letter-spacing: 0.08em;
  font-size: 0.9em; border-bottom: 1px solid ACCENT; margin: 1em 0 0.3em; }
.section-page .section-title { font-size: 1.6em; text-transform: none; letter-spacing: 0; }
.section-title a, .section-label a { color: inherit; text-decoration: none; }
.article-count, .running-head { font-size: 0.8em; margin: 0 0 0.4em; }
.headlines { list-style: none; padding: 0; margin: 0; }
.headlines li { margin: 0 0 0.3em; }
.headlines a, .teaser-title a { color: inherit; text-decoration: none; }
.empty-edition { text-align: center; font-style: italic; }
.section-masthead { border-bottom: 3px double ACCENT; margin-bottom: 1.2em; }
.teaser { margin: 0 0 1em; padding-bottom: 0.6em; border-bottom: 1px solid #dddddd; }
.teaser-title { font-size: 1.15em; margin: 0.6em 0 0.2em; }
.byline { font-size: 0.8em; margin: 0.2em 0 0.6em; }
.summary { font-style: italic; margin: 0.3em 0 0.8em; }
.excerpt { margin: 0.3em 0 0.8em; }
.article-title { font-size: 1.8em; margin: 0.3em 0; }
.source-link { font-size: 0.85em; margin-top: 1.5em; }
.article-nav, .section-nav { font-size: 0.85em; border-top: 1px solid ACCENT; margin-top: 1.5em; padding-top: 0.5em; }
.article-nav ul, .section-nav ul { list-style: none; padding: 0; margin: 0; }
.article-nav li, .section-nav li { margin: 0.3em 0; }
.nav-previous a, .nav-next a { font-weight: bold; }
.nav-section a, .nav-front a { color: ACCENT; }
)";

// A length in points as ems of the body size, to a tenth ("1.2em"): the PDF's
// first-line indent as the EPUB's. Integer arithmetic, so no locale.
std::string em_length(double points, double body_size) {
  const long tenths = body_size > 0 ? std::lround(std::max(0.0, points) / body_size * 10) : 0;
  if (tenths == 0) return "0";
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "em";
}

void replace_all(std::string& text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

std::string default_stylesheet(const Style& style) {
  std::string css = kDefaultCss;
  replace_all(css, "TEXT", hex_color(style.text));
  replace_all(css, "ACCENT", hex_color(style.accent));
  replace_all(css, "LINK", hex_color(style.link));
  replace_all(css, "INDENT", em_length(style.paragraph_indent, style.body_size));
  return css;
}

std::string stylesheet(const Style& style) {
  // Sanitized because epubcheck rejects a stylesheet that is not valid UTF-8.
  std::string css = sanitize_text(style.css);
  if (collapse_whitespace(css).empty()) return default_stylesheet(style);
  return css;
}

}  // namespace broadsheet::epub
