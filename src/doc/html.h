// The HTML sanitizer's policy, shared by HTML bodies (html.cpp) and raw HTML in
// Markdown (markdown.cpp): what each element becomes in the document tree.
// Private to src/doc/; which links and image sources are kept is link_policy.h's.
#pragma once

#include <gumbo.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "doc/document.h"

namespace broadsheet::html {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboTree = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

/// Parses HTML as a browser parses a page (gumbo, HTML5): whatever belongs in
/// a body ends up in <body>, whatever the markup's mistakes.
GumboTree parse_document(std::string_view html);
/// html without the start tags that would nest elements deeper than max_depth
/// (a lexical estimate, run before gumbo, whose time grows with depth x size).
std::string limit_nesting(std::string_view html, size_t max_depth);

/// The <body> element of a parse (gumbo always creates one).
const GumboNode& body_of(const GumboOutput& output);

/// What an HTML element becomes. Nothing else of it is kept: no attribute
/// other than a link's href, an image's src and alt, a list's start.
enum class Role {
  Drop,          ///< script, style, iframe, object, embed, forms, meta, link...: gone with its content
  Island,        ///< svg, math: only its text alternative (svg <title>, math alttext)
  Transparent,   ///< span, font, unknown tags...: the text stays, the markup goes
  Wrapper,       ///< div, section, article, center...: as Transparent, but it ends a paragraph
  Paragraph, Heading, Quote, List, ListItem, Preformatted, Rule, LineBreak, Image,
  Table, TableSection, TableRow, TableCell, TableCaption,
  Figure,        ///< figure: its one image gets the figcaption as caption
  FigureCaption, ///< figcaption: the caption (a paragraph when there is no one image)
  Span,          ///< em, strong, u, s, sub, sup...: an inline with children (span_for)
  Code,          ///< code, kbd, samp, tt: inline code
  Link,          ///< a: a link with its href as written (build_document applies decide_link); Transparent without href
};

/// The role of an element, by tag and namespace (svg and math are islands
/// whatever they hold; other foreign elements are never reached).
Role role_of(GumboTag tag, GumboNamespaceEnum ns);

/// The empty inline an element of role Span opens (Emphasis for em, i, cite...).
Inline span_for(GumboTag tag);

/// A raw inline HTML tag as md4c delivers it in a Markdown paragraph ("<em>",
/// "</a>", "<br/>", "<!-- x -->"), classified by the same policy.
struct RawTag {
  enum class Kind { Open, Close, LineBreak, Ignored } kind = Kind::Ignored;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  ///< Open and Close: which element
  Inline span;                       ///< Open: the inline it opens (a Link has its url)
};

/// Only span, code and link tags (with an href) open or close anything; br breaks the
/// line; every other tag is ignored (its text, outside the tag, stays).
RawTag classify_raw_tag(std::string_view raw);

}  // namespace broadsheet::html
