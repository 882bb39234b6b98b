// The sanitizer's policy (see html.h): an allow-list of what each element
// becomes, so that an element nobody listed keeps its text and nothing else;
// raw inline tags from Markdown. Links and image sources are decided by the
// link policy (link_policy.h), not here.
#include <algorithm>
#include <array>
#include <new>

#include "doc/html.h"

namespace broadsheet::html {
namespace {

struct TagRole {
  GumboTag tag;
  Role role;
};

// Everything not listed is Transparent. Drop lists what must never reach a
// reader (active content, forms, document metadata) and what has no text
// worth keeping outside its player (audio, video, canvas).
constexpr std::array kRoles = {
    TagRole{GUMBO_TAG_SCRIPT, Role::Drop}, TagRole{GUMBO_TAG_STYLE, Role::Drop},
    TagRole{GUMBO_TAG_IFRAME, Role::Drop}, TagRole{GUMBO_TAG_OBJECT, Role::Drop},
    TagRole{GUMBO_TAG_EMBED, Role::Drop}, TagRole{GUMBO_TAG_APPLET, Role::Drop},
    TagRole{GUMBO_TAG_PARAM, Role::Drop}, TagRole{GUMBO_TAG_FORM, Role::Drop},
    TagRole{GUMBO_TAG_INPUT, Role::Drop}, TagRole{GUMBO_TAG_BUTTON, Role::Drop},
    TagRole{GUMBO_TAG_SELECT, Role::Drop}, TagRole{GUMBO_TAG_OPTION, Role::Drop},
    TagRole{GUMBO_TAG_OPTGROUP, Role::Drop}, TagRole{GUMBO_TAG_TEXTAREA, Role::Drop},
    TagRole{GUMBO_TAG_DATALIST, Role::Drop}, TagRole{GUMBO_TAG_KEYGEN, Role::Drop},
    TagRole{GUMBO_TAG_OUTPUT, Role::Drop}, TagRole{GUMBO_TAG_FIELDSET, Role::Drop},
    TagRole{GUMBO_TAG_LEGEND, Role::Drop}, TagRole{GUMBO_TAG_METER, Role::Drop},
    TagRole{GUMBO_TAG_PROGRESS, Role::Drop}, TagRole{GUMBO_TAG_META, Role::Drop},
    TagRole{GUMBO_TAG_BASE, Role::Drop}, TagRole{GUMBO_TAG_LINK, Role::Drop},
    TagRole{GUMBO_TAG_HEAD, Role::Drop}, TagRole{GUMBO_TAG_TITLE, Role::Drop},
    TagRole{GUMBO_TAG_NOSCRIPT, Role::Drop}, TagRole{GUMBO_TAG_TEMPLATE, Role::Drop},
    TagRole{GUMBO_TAG_FRAME, Role::Drop}, TagRole{GUMBO_TAG_FRAMESET, Role::Drop},
    TagRole{GUMBO_TAG_NOFRAMES, Role::Drop}, TagRole{GUMBO_TAG_AUDIO, Role::Drop},
    TagRole{GUMBO_TAG_VIDEO, Role::Drop}, TagRole{GUMBO_TAG_SOURCE, Role::Drop},
    TagRole{GUMBO_TAG_TRACK, Role::Drop}, TagRole{GUMBO_TAG_CANVAS, Role::Drop},
    TagRole{GUMBO_TAG_MAP, Role::Drop}, TagRole{GUMBO_TAG_AREA, Role::Drop},
    TagRole{GUMBO_TAG_NOEMBED, Role::Drop}, TagRole{GUMBO_TAG_MENUITEM, Role::Drop},
    TagRole{GUMBO_TAG_ISINDEX, Role::Drop}, TagRole{GUMBO_TAG_BGSOUND, Role::Drop},
    TagRole{GUMBO_TAG_SVG, Role::Island}, TagRole{GUMBO_TAG_MATH, Role::Island},
    TagRole{GUMBO_TAG_DIV, Role::Wrapper}, TagRole{GUMBO_TAG_SECTION, Role::Wrapper},
    TagRole{GUMBO_TAG_ARTICLE, Role::Wrapper}, TagRole{GUMBO_TAG_HEADER, Role::Wrapper},
    TagRole{GUMBO_TAG_FOOTER, Role::Wrapper}, TagRole{GUMBO_TAG_MAIN, Role::Wrapper},
    TagRole{GUMBO_TAG_ASIDE, Role::Wrapper}, TagRole{GUMBO_TAG_NAV, Role::Wrapper},
    TagRole{GUMBO_TAG_CENTER, Role::Wrapper}, TagRole{GUMBO_TAG_ADDRESS, Role::Wrapper},
    TagRole{GUMBO_TAG_DETAILS, Role::Wrapper}, TagRole{GUMBO_TAG_SUMMARY, Role::Wrapper},
    TagRole{GUMBO_TAG_DL, Role::Wrapper}, TagRole{GUMBO_TAG_DT, Role::Wrapper},
    TagRole{GUMBO_TAG_DD, Role::Wrapper}, TagRole{GUMBO_TAG_HGROUP, Role::Wrapper},
    TagRole{GUMBO_TAG_FIGURE, Role::Figure}, TagRole{GUMBO_TAG_BODY, Role::Wrapper},
    TagRole{GUMBO_TAG_P, Role::Paragraph}, TagRole{GUMBO_TAG_H1, Role::Heading},
    TagRole{GUMBO_TAG_H2, Role::Heading}, TagRole{GUMBO_TAG_H3, Role::Heading},
    TagRole{GUMBO_TAG_H4, Role::Heading}, TagRole{GUMBO_TAG_H5, Role::Heading},
    TagRole{GUMBO_TAG_H6, Role::Heading}, TagRole{GUMBO_TAG_BLOCKQUOTE, Role::Quote},
    TagRole{GUMBO_TAG_UL, Role::List}, TagRole{GUMBO_TAG_OL, Role::List},
    TagRole{GUMBO_TAG_MENU, Role::List}, TagRole{GUMBO_TAG_DIR, Role::List},
    TagRole{GUMBO_TAG_LI, Role::ListItem}, TagRole{GUMBO_TAG_PRE, Role::Preformatted},
    TagRole{GUMBO_TAG_LISTING, Role::Preformatted}, TagRole{GUMBO_TAG_XMP, Role::Preformatted},
    TagRole{GUMBO_TAG_PLAINTEXT, Role::Preformatted}, TagRole{GUMBO_TAG_HR, Role::Rule},
    TagRole{GUMBO_TAG_BR, Role::LineBreak}, TagRole{GUMBO_TAG_IMG, Role::Image},
    TagRole{GUMBO_TAG_IMAGE, Role::Image}, TagRole{GUMBO_TAG_TABLE, Role::Table},
    TagRole{GUMBO_TAG_THEAD, Role::TableSection}, TagRole{GUMBO_TAG_TBODY, Role::TableSection},
    TagRole{GUMBO_TAG_TFOOT, Role::TableSection}, TagRole{GUMBO_TAG_TR, Role::TableRow},
    TagRole{GUMBO_TAG_TD, Role::TableCell}, TagRole{GUMBO_TAG_TH, Role::TableCell},
    TagRole{GUMBO_TAG_CAPTION, Role::TableCaption}, TagRole{GUMBO_TAG_FIGCAPTION, Role::FigureCaption},
    TagRole{GUMBO_TAG_EM, Role::Span}, TagRole{GUMBO_TAG_I, Role::Span},
    TagRole{GUMBO_TAG_CITE, Role::Span}, TagRole{GUMBO_TAG_VAR, Role::Span},
    TagRole{GUMBO_TAG_DFN, Role::Span}, TagRole{GUMBO_TAG_STRONG, Role::Span},
    TagRole{GUMBO_TAG_B, Role::Span}, TagRole{GUMBO_TAG_U, Role::Span},
    TagRole{GUMBO_TAG_INS, Role::Span}, TagRole{GUMBO_TAG_S, Role::Span},
    TagRole{GUMBO_TAG_STRIKE, Role::Span}, TagRole{GUMBO_TAG_DEL, Role::Span},
    TagRole{GUMBO_TAG_SUB, Role::Span}, TagRole{GUMBO_TAG_SUP, Role::Span},
    TagRole{GUMBO_TAG_CODE, Role::Code}, TagRole{GUMBO_TAG_KBD, Role::Code},
    TagRole{GUMBO_TAG_SAMP, Role::Code}, TagRole{GUMBO_TAG_TT, Role::Code},
    TagRole{GUMBO_TAG_A, Role::Link},
};

const GumboAttribute* find_attribute(const GumboNode& element, const char* name) {
  return gumbo_get_attribute(&element.v.element.attributes, name);
}

// The first element of a parsed raw tag: the tag itself.
const GumboNode* first_element(const GumboNode& body) {
  const GumboVector& children = body.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(children.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT) return node;
  }
  return nullptr;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

RawTag classify_close_tag(std::string_view raw) {
  size_t end = 2;
  while (end < raw.size() && (is_ascii_letter(raw[end]) || (raw[end] >= '0' && raw[end] <= '9'))) ++end;
  RawTag tag;
  tag.tag = gumbo_tagn_enum(raw.data() + 2, static_cast<unsigned>(end - 2));
  Role role = role_of(tag.tag, GUMBO_NAMESPACE_HTML);
  if (role == Role::Span || role == Role::Code || role == Role::Link) tag.kind = RawTag::Kind::Close;
  return tag;
}

RawTag classify_open_tag(std::string_view raw) {
  GumboTree tree = parse_document(raw);
  const GumboNode* element = first_element(body_of(*tree));
  RawTag tag;
  if (element == nullptr) return tag;
  tag.tag = element->v.element.tag;
  switch (role_of(tag.tag, element->v.element.tag_namespace)) {
    case Role::LineBreak: tag.kind = RawTag::Kind::LineBreak; break;
    case Role::Span: tag.kind = RawTag::Kind::Open; tag.span = span_for(tag.tag); break;
    case Role::Code: tag.kind = RawTag::Kind::Open; tag.span.kind = InlineKind::Code; break;
    case Role::Link: {
      // The href as written: build_document decides it (decide_link).
      const GumboAttribute* href = find_attribute(*element, "href");
      if (href == nullptr) break;
      tag.kind = RawTag::Kind::Open;
      tag.span.kind = InlineKind::Link;
      tag.span.url = href->value;
      break;
    }
    default: break;
  }
  return tag;
}

}  // namespace

GumboTree parse_document(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (output == nullptr) throw std::bad_alloc();
  return GumboTree(output);
}

const GumboNode& body_of(const GumboOutput& output) {
  const GumboVector& children = output.root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(children.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY) return *node;
  }
  return *output.root;  // never: the HTML5 tree construction always inserts a body
}

Role role_of(GumboTag tag, GumboNamespaceEnum ns) {
  if (ns == GUMBO_NAMESPACE_SVG || ns == GUMBO_NAMESPACE_MATHML) return Role::Island;
  auto found = std::find_if(kRoles.begin(), kRoles.end(), [tag](const TagRole& r) { return r.tag == tag; });
  return found == kRoles.end() ? Role::Transparent : found->role;
}

Inline span_for(GumboTag tag) {
  Inline span;
  switch (tag) {
    case GUMBO_TAG_STRONG: case GUMBO_TAG_B: span.kind = InlineKind::Strong; break;
    case GUMBO_TAG_U: case GUMBO_TAG_INS: span.kind = InlineKind::Underline; break;
    case GUMBO_TAG_S: case GUMBO_TAG_STRIKE: case GUMBO_TAG_DEL: span.kind = InlineKind::Strike; break;
    case GUMBO_TAG_SUB: span.kind = InlineKind::Subscript; break;
    case GUMBO_TAG_SUP: span.kind = InlineKind::Superscript; break;
    default: span.kind = InlineKind::Emphasis; break;  // em, i, cite, var, dfn
  }
  return span;
}

RawTag classify_raw_tag(std::string_view raw) {
  if (raw.size() > 2 && raw[0] == '<' && raw[1] == '/') return classify_close_tag(raw);
  if (raw.size() > 1 && raw[0] == '<' && is_ascii_letter(raw[1])) return classify_open_tag(raw);
  return {};  // comments, declarations, processing instructions
}

}  // namespace broadsheet::html
