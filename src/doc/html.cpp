// HTML bodies to the document tree. gumbo parses the fragment as a browser
// would (unclosed tags, entities, misnested markup); a walk with an explicit
// stack turns its elements into enter/leave events, so nesting depth never
// reaches the C++ stack; HtmlTreeBuilder applies the policy of html.h to them,
// collapsing whitespace as a browser does and wrapping loose inline content in paragraphs.
#include <algorithm>
#include <charconv>
#include <climits>

#include "doc/html.h"
#include "doc/link_policy.h"
#include "doc/inlines.h"

namespace broadsheet {
namespace {

using html::Role;

// As for Markdown: deeper structure cannot be typeset legibly, and later tree
// walks may recurse. Deeper containers and spans keep their text only.
constexpr size_t kMaxBlockNesting = 32;
constexpr size_t kMaxSpanNesting = 32;
// Elements nested deeper than this are not even handed to gumbo (html_depth.cpp).
constexpr size_t kMaxParsedNesting = 256;

Block make_block(BlockKind kind) {
  Block block;
  block.kind = kind;
  return block;
}

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Whitespace runs as one space, none at the ends (for attribute text).
std::string collapsed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!is_html_space(c)) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const char* attribute(const GumboNode& element, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&element.v.element.attributes, name);
  return found ? found->value : nullptr;
}

// A cell's colspan as browsers read it: leading digits, else 1; 0 counts as 1
// and anything above kMaxColspan as kMaxColspan.
int colspan(const GumboNode& element) {
  const char* value = attribute(element, "colspan");
  if (value == nullptr) return 1;
  std::string_view s(value);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  long long n = 0;
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9' && n <= kMaxColspan) {
    n = n * 10 + (s[digits] - '0');
    ++digits;
  }
  if (digits == 0 || n < 1) return 1;
  return static_cast<int>(std::min<long long>(n, kMaxColspan));
}

// Blocks whose content is inline text: block elements inside them keep their
// text only (a table cell gets line breaks between them).
bool is_leaf(BlockKind kind) {
  return kind == BlockKind::Paragraph || kind == BlockKind::Heading ||
         kind == BlockKind::TableCell || kind == BlockKind::CodeBlock;
}

struct OpenBlock {
  Block block;
  bool paragraph_open = false;  // the last child is an implicit paragraph
  bool figure_caption = false;  // a figcaption: its content becomes emphasis
  bool table_caption = false;   // a caption: its inlines become the table's
};

// What entering an element did, so that leaving it undoes exactly that.
enum class Entered { Nothing, Boundary, SoftBreak, Block, Span, Ignored, Figure };

// A figure being read: where its blocks begin in their container, and its caption.
struct OpenFigure {
  size_t depth = 0;   // open_.size() when it began
  size_t first = 0;   // index of its first block in the container's children
  std::vector<Inline> caption;
  bool left_out = false;      // an image of it was left out (not a local file)
  bool left_out_alt = false;  // ... and that image's alt text stands in brackets
};

// The Image inlines standing directly in paragraphs of blocks (what
// hoist_figures will lift into Figure blocks).
std::vector<Inline*> standing_images(std::vector<Block>& blocks, size_t first) {
  std::vector<Inline*> images;
  for (size_t i = first; i < blocks.size(); ++i) {
    if (blocks[i].kind != BlockKind::Paragraph) continue;
    for (Inline& in : blocks[i].inlines) {
      if (in.kind == InlineKind::Image) images.push_back(&in);
    }
  }
  return images;
}

class HtmlTreeBuilder {
 public:
  explicit HtmlTreeBuilder(BodyNotes* notes) : notes_(notes) {
    open_.push_back(OpenBlock{make_block(BlockKind::Quote)});  // the body
  }

  /// Returns whether the element's children are to be visited.
  bool enter(const GumboNode& element);
  void leave();
  void text(std::string_view text);
  std::vector<Block> finish();

 private:
  bool enter_content(const GumboNode& element, Role role);
  Entered enter_block(const GumboNode& element, Role role);
  Entered open_container(Block block);
  Entered open_leaf(OpenBlock block);
  Entered enter_span(Inline span);
  Entered enter_figure();
  void leave_figure();
  void close_block();
  void block_boundary();
  void soft_break();
  void line_break();
  void rule();
  void image(const GumboNode& element);
  void island(const GumboNode& element);
  void flush_pending();
  void word(std::string_view word);
  void emit(std::string_view text);
  void fold_spans();
  std::vector<Inline>& inline_target();
  OpenBlock& top() { return open_.back(); }

  BodyNotes* notes_;
  std::vector<OpenBlock> open_;   // open blocks, innermost last; open_[0] is the body
  std::vector<Inline> spans_;     // open spans, innermost last, inside the current leaf
  std::vector<Entered> entered_;  // one per element entered and not yet left
  std::vector<OpenFigure> figures_;
  // Whitespace, as browsers collapse it: a run becomes one space, but only
  // between words of the same line; breaks wait for content to follow.
  bool line_has_content_ = false;
  bool pending_space_ = false;
  bool pending_break_ = false;
};

bool HtmlTreeBuilder::enter(const GumboNode& element) {
  Role role = html::role_of(element.v.element.tag, element.v.element.tag_namespace);
  switch (role) {
    case Role::Drop: return false;
    case Role::Island: island(element); return false;
    case Role::Image: image(element); return false;
    case Role::LineBreak: line_break(); return false;
    case Role::Rule: rule(); return false;
    default: return enter_content(element, role);
  }
}

bool HtmlTreeBuilder::enter_content(const GumboNode& element, Role role) {
  Entered entered = Entered::Nothing;
  switch (role) {
    case Role::Transparent: break;
    case Role::Span: entered = enter_span(html::span_for(element.v.element.tag)); break;
    case Role::Code: entered = enter_span(Inline{InlineKind::Code, {}, {}, {}}); break;
    case Role::Link: {
      // The href as written: build_document decides it (decide_link).
      if (const char* href = attribute(element, "href")) entered = enter_span(Inline{InlineKind::Link, {}, href, {}});
      break;
    }
    default: entered = enter_block(element, role); break;
  }
  entered_.push_back(entered);
  return true;
}

// Block elements; inside a leaf they only separate their text.
Entered HtmlTreeBuilder::enter_block(const GumboNode& element, Role role) {
  if (is_leaf(top().block.kind)) {
    if (top().block.kind == BlockKind::CodeBlock) return Entered::Nothing;
    soft_break();
    return Entered::SoftBreak;
  }
  switch (role) {
    case Role::Paragraph: return open_leaf(OpenBlock{make_block(BlockKind::Paragraph)});
    case Role::Heading: {
      Block heading = make_block(BlockKind::Heading);
      heading.level = std::clamp(element.v.element.tag - GUMBO_TAG_H1 + 1, 1, 6);
      return open_leaf(OpenBlock{std::move(heading)});
    }
    case Role::Preformatted: return open_leaf(OpenBlock{make_block(BlockKind::CodeBlock)});
    case Role::FigureCaption: return open_leaf(OpenBlock{.block = make_block(BlockKind::Paragraph), .figure_caption = true});
    case Role::Quote: return open_container(make_block(BlockKind::Quote));
    case Role::List: {
      Block list = make_block(BlockKind::List);
      list.ordered = element.v.element.tag == GUMBO_TAG_OL;
      if (const char* start = attribute(element, "start")) {
        std::string_view s(start);
        std::from_chars(s.data(), s.data() + s.size(), list.start);
      }
      return open_container(std::move(list));
    }
    case Role::ListItem: return open_container(make_block(BlockKind::ListItem));
    case Role::Table: return open_container(make_block(BlockKind::Table));
    case Role::TableRow:
      if (top().block.kind != BlockKind::Table) break;
      return open_container(make_block(BlockKind::TableRow));
    case Role::TableCell: {
      if (top().block.kind != BlockKind::TableRow) break;
      Block cell = make_block(BlockKind::TableCell);
      cell.header = element.v.element.tag == GUMBO_TAG_TH;
      cell.span = colspan(element);
      return open_leaf(OpenBlock{std::move(cell)});
    }
    case Role::TableCaption:
      if (top().block.kind != BlockKind::Table) break;
      return open_leaf(OpenBlock{.block = make_block(BlockKind::Paragraph), .table_caption = true});
    case Role::TableSection: return Entered::Nothing;
    case Role::Figure: return enter_figure();
    default: break;  // wrappers, and table parts out of place
  }
  block_boundary();
  return Entered::Boundary;
}

Entered HtmlTreeBuilder::open_container(Block block) {
  if (open_.size() > kMaxBlockNesting) {
    block_boundary();
    return Entered::Boundary;
  }
  block_boundary();
  top().paragraph_open = false;
  open_.push_back(OpenBlock{std::move(block)});
  return Entered::Block;
}

Entered HtmlTreeBuilder::open_leaf(OpenBlock block) {
  block_boundary();
  top().paragraph_open = false;
  open_.push_back(std::move(block));
  return Entered::Block;
}

Entered HtmlTreeBuilder::enter_span(Inline span) {
  if (spans_.size() >= kMaxSpanNesting || top().block.kind == BlockKind::CodeBlock) return Entered::Ignored;
  if (!spans_.empty() && spans_.back().kind == InlineKind::Code) return Entered::Ignored;
  // A space before the span belongs before it, not inside it.
  if (pending_space_) {
    emit(" ");
    pending_space_ = false;
  }
  spans_.push_back(std::move(span));
  return Entered::Span;
}

void HtmlTreeBuilder::leave() {
  if (entered_.empty()) return;
  Entered entered = entered_.back();
  entered_.pop_back();
  switch (entered) {
    case Entered::Nothing: case Entered::Ignored: return;
    case Entered::Boundary: return block_boundary();
    case Entered::SoftBreak: return soft_break();
    case Entered::Block: return close_block();
    case Entered::Figure: return leave_figure();
    case Entered::Span: {
      if (spans_.empty()) return;
      Inline span = std::move(spans_.back());
      spans_.pop_back();
      bool empty = span.kind == InlineKind::Code ? span.text.empty() : span.children.empty();
      if (!empty) inline_target().push_back(std::move(span));
      return;
    }
  }
}

Entered HtmlTreeBuilder::enter_figure() {
  block_boundary();
  figures_.push_back(OpenFigure{.depth = open_.size(), .first = top().block.children.size(), .caption = {}});
  return Entered::Figure;
}

// A figure with one image: the caption becomes the image's (hoist_figures
// makes a Figure block of it). A figure whose image was left out takes its
// caption (a credit, a description of what is not shown) along, unless the
// image had no alt text: then the caption stands in brackets in its place.
// Otherwise the caption stays, as an italic paragraph.
void HtmlTreeBuilder::leave_figure() {
  block_boundary();
  if (figures_.empty()) return;
  OpenFigure figure = std::move(figures_.back());
  figures_.pop_back();
  if (figure.caption.empty()) return;
  std::vector<Block>& blocks = top().block.children;
  std::vector<Inline*> images;
  if (figure.depth == open_.size()) images = standing_images(blocks, figure.first);
  if (images.size() == 1) {
    images.front()->text = plain_text(figure.caption);
    return;
  }
  if (figure.left_out && images.empty()) {
    if (figure.left_out_alt) return;
    Block stand_in = make_block(BlockKind::Paragraph);
    stand_in.inlines = {Inline{InlineKind::Text, "[" + plain_text(figure.caption) + "]", {}, {}}};
    blocks.push_back(std::move(stand_in));
    return;
  }
  Block caption = make_block(BlockKind::Paragraph);
  caption.inlines = {Inline{InlineKind::Emphasis, {}, {}, std::move(figure.caption)}};
  blocks.push_back(std::move(caption));
}

void HtmlTreeBuilder::close_block() {
  if (open_.size() < 2) return;
  block_boundary();
  OpenBlock closed = std::move(open_.back());
  open_.pop_back();
  Block& block = closed.block;
  if (block.kind == BlockKind::CodeBlock) {
    while (!block.text.empty() && block.text.back() == '\n') block.text.pop_back();
    if (block.text.empty()) return;
  }
  if (closed.figure_caption && !figures_.empty() && figures_.back().depth == open_.size()) {
    figures_.back().caption = std::move(block.inlines);  // placed when the figure ends
    return;
  }
  if (closed.table_caption) {
    top().block.inlines = std::move(block.inlines);
    return;
  }
  if (closed.figure_caption && !block.inlines.empty()) {
    block.inlines = {Inline{InlineKind::Emphasis, {}, {}, std::move(block.inlines)}};
  }
  bool empty_text = (block.kind == BlockKind::Paragraph || block.kind == BlockKind::Heading) &&
                    block.inlines.empty();
  if (empty_text || (block.kind == BlockKind::List && block.children.empty())) return;
  top().block.children.push_back(std::move(block));
  top().paragraph_open = false;
}

// Ends the current line of inline content: open spans are closed into it and
// reopened empty, so that their style continues after the boundary.
void HtmlTreeBuilder::block_boundary() {
  std::vector<Inline> reopened;
  for (const Inline& span : spans_) reopened.push_back(Inline{span.kind, {}, span.url, {}});
  fold_spans();
  spans_ = std::move(reopened);
  top().paragraph_open = false;
  line_has_content_ = false;
  pending_space_ = false;
  pending_break_ = false;
}

void HtmlTreeBuilder::fold_spans() {
  while (!spans_.empty()) {
    Inline span = std::move(spans_.back());
    spans_.pop_back();
    bool empty = span.kind == InlineKind::Code ? span.text.empty() : span.children.empty();
    if (!empty) inline_target().push_back(std::move(span));
  }
}

void HtmlTreeBuilder::soft_break() {
  if (line_has_content_) pending_break_ = true;
  pending_space_ = false;
}

void HtmlTreeBuilder::line_break() {
  if (top().block.kind == BlockKind::CodeBlock) return emit("\n");
  if (!spans_.empty() && spans_.back().kind == InlineKind::Code) return;
  inline_target().push_back(Inline{InlineKind::LineBreak, {}, {}, {}});
  line_has_content_ = false;
  pending_space_ = false;
  pending_break_ = false;
}

void HtmlTreeBuilder::rule() {
  if (is_leaf(top().block.kind)) return soft_break();
  block_boundary();
  top().block.children.push_back(make_block(BlockKind::Rule));
}

// A local image becomes an Image inline (alt text as children), which
// hoist_figures lifts into a Figure when it stands in a paragraph. An image
// that is not a local file is left out and noted, for one warning per
// article; its alt text stays, in brackets, where it stood.
void HtmlTreeBuilder::image(const GumboNode& element) {
  const char* src = attribute(element, "src");
  const char* alt = attribute(element, "alt");
  std::string alt_text = collapsed(alt ? alt : "");
  bool in_code = top().block.kind == BlockKind::CodeBlock ||
                 (!spans_.empty() && spans_.back().kind == InlineKind::Code);
  const bool local = src && read_image_source(src).kind == ImageSource::Kind::Local;
  if (src && *src && local && !in_code) {
    flush_pending();
    Inline image{InlineKind::Image, {}, src, {}};
    if (!alt_text.empty()) image.children.push_back(Inline{InlineKind::Text, alt_text, {}, {}});
    inline_target().push_back(std::move(image));
    line_has_content_ = true;
    return;
  }
  if (src && *src && notes_) notes_->remote_images.emplace_back(src);
  if (src && *src && !figures_.empty()) {
    figures_.back().left_out = true;
    figures_.back().left_out_alt = figures_.back().left_out_alt || !alt_text.empty();
  }
  if (!alt_text.empty()) word("[" + alt_text + "]");
}

// svg keeps the text of its <title>, math its alttext; nothing else of them.
void HtmlTreeBuilder::island(const GumboNode& element) {
  if (element.v.element.tag == GUMBO_TAG_MATH) {
    if (const char* alt = attribute(element, "alttext")) text(alt);
    return;
  }
  const GumboVector& children = element.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_TITLE) continue;
    const GumboVector& parts = child->v.element.children;
    for (unsigned j = 0; j < parts.length; ++j) {
      const auto* part = static_cast<const GumboNode*>(parts.data[j]);
      if (part->type == GUMBO_NODE_TEXT || part->type == GUMBO_NODE_WHITESPACE) text(part->v.text.text);
    }
    return;
  }
}

void HtmlTreeBuilder::text(std::string_view text) {
  if (top().block.kind == BlockKind::CodeBlock) return emit(text);  // pre keeps every space
  size_t at = 0;
  while (at < text.size()) {
    if (is_html_space(text[at])) {
      while (at < text.size() && is_html_space(text[at])) ++at;
      if (line_has_content_) pending_space_ = true;
      continue;
    }
    size_t end = at;
    while (end < text.size() && !is_html_space(text[end])) ++end;
    word(text.substr(at, end - at));
    at = end;
  }
}

// What whitespace and block edges left waiting, now that content follows.
void HtmlTreeBuilder::flush_pending() {
  if (pending_break_) {
    inline_target().push_back(Inline{InlineKind::LineBreak, {}, {}, {}});
    pending_space_ = false;
    pending_break_ = false;
  }
  if (pending_space_) emit(" ");
  pending_space_ = false;
}

void HtmlTreeBuilder::word(std::string_view word) {
  flush_pending();
  emit(word);
  line_has_content_ = true;
}

void HtmlTreeBuilder::emit(std::string_view text) {
  if (top().block.kind == BlockKind::CodeBlock) {
    top().block.text += text;
  } else if (!spans_.empty() && spans_.back().kind == InlineKind::Code) {
    spans_.back().text += text;
  } else {
    append_text(inline_target(), text);
  }
}

// The innermost span, the open leaf, or an implicit paragraph in the open container.
std::vector<Inline>& HtmlTreeBuilder::inline_target() {
  if (!spans_.empty()) return spans_.back().children;
  OpenBlock& block = top();
  if (is_leaf(block.block.kind)) return block.block.inlines;
  if (!block.paragraph_open) {
    block.block.children.push_back(make_block(BlockKind::Paragraph));
    block.paragraph_open = true;
  }
  return block.block.children.back().inlines;
}

std::vector<Block> HtmlTreeBuilder::finish() {
  while (!entered_.empty()) leave();
  while (open_.size() > 1) close_block();
  block_boundary();
  return std::move(open_.front().block.children);
}

// Visits the body's children depth first without recursion: enter on the way
// down, leave on the way up; text nodes go to the builder as they come.
void walk(const GumboNode& body, HtmlTreeBuilder& builder) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{&body, 0}};
  while (!stack.empty()) {
    const GumboVector& children = stack.back().node->v.element.children;
    if (stack.back().next == children.length) {
      stack.pop_back();
      if (!stack.empty()) builder.leave();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[stack.back().next++]);
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (builder.enter(*child)) stack.push_back({child, 0});
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: builder.text(child->v.text.text); break;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_COMMENT: break;
    }
  }
}

}  // namespace

std::vector<Block> parse_html(const std::string& html, BodyNotes* notes) {
  html::GumboTree tree = html::parse_document(html::limit_nesting(html, kMaxParsedNesting));
  HtmlTreeBuilder builder(notes);
  walk(html::body_of(*tree), builder);
  return builder.finish();
}

}  // namespace broadsheet
