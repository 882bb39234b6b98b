// Markdown bodies to the document tree through md4c. md4c parses iteratively and
// calls back as it enters and leaves each block and span; TreeBuilder keeps an
// explicit stack of what is open, so input nesting never reaches the C++ stack.
// Quotes and lists nested past kMaxBlockNesting are flattened into their ancestor.
// Raw HTML meets the HTML sanitizer (html.h): HTML blocks are parsed as HTML
// bodies; inline tags of the safe set open and close spans, the rest are dropped.
#include <md4c.h>

#include <algorithm>
#include <climits>
#include <exception>
#include <limits>
#include <optional>
#include <string_view>

#include "doc/document.h"
#include "doc/entities.h"
#include "doc/html.h"
#include "doc/inlines.h"

namespace broadsheet {
namespace {

// GFM autolinks (bare URLs, www., e-mail) are common in pasted news text;
// GFM tables and ~~strikethrough~~ are common in feeds written in Markdown.
constexpr unsigned kMarkdownFlags = MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_STRIKETHROUGH | MD_FLAG_TABLES;

// Deeper structure than this cannot be typeset legibly, and every later tree
// walk (layout, EPUB, dump) may recurse: keep the tree shallow whatever the input.
constexpr size_t kMaxBlockNesting = 32;
constexpr size_t kMaxSpanNesting = 32;

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

struct OpenBlock {
  Block block;
  bool raw_html = false;        // an HTML block: its source is parsed as HTML when it ends
  bool paragraph_open = false;  // the last child is an implicit paragraph (tight list item)
};

bool is_container(MD_BLOCKTYPE type) {
  switch (type) {
    case MD_BLOCK_QUOTE: case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_LI:
    case MD_BLOCK_TABLE: case MD_BLOCK_TR:
      return true;
    case MD_BLOCK_THEAD: case MD_BLOCK_TBODY:  // no node: rows carry their cells' header flag
    case MD_BLOCK_DOC: case MD_BLOCK_HR: case MD_BLOCK_H: case MD_BLOCK_CODE:
    case MD_BLOCK_HTML: case MD_BLOCK_P: case MD_BLOCK_TH: case MD_BLOCK_TD:
      return false;
  }
  return false;
}

CellAlign cell_align(MD_ALIGN align) {
  switch (align) {
    case MD_ALIGN_LEFT: return CellAlign::Left;
    case MD_ALIGN_CENTER: return CellAlign::Center;
    case MD_ALIGN_RIGHT: return CellAlign::Right;
    case MD_ALIGN_DEFAULT: return CellAlign::Default;
  }
  return CellAlign::Default;
}

Block make_block(BlockKind kind) {
  Block block;
  block.kind = kind;
  return block;
}

// An attribute (a link's href) arrives in pieces: plain text, entities, NULs.
std::string attribute_text(const MD_ATTRIBUTE& attribute) {
  std::string out;
  for (size_t i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    MD_OFFSET begin = attribute.substr_offsets[i];
    std::string_view piece(attribute.text + begin, attribute.substr_offsets[i + 1] - begin);
    switch (attribute.substr_types[i]) {
      case MD_TEXT_ENTITY: out += decode_entity(piece); break;
      case MD_TEXT_NULLCHAR: out += kReplacementCharacter; break;
      default: out += piece; break;
    }
  }
  return out;
}

// The inline a span opens, or nullopt for spans whose markers are dropped and
// whose text joins the enclosing run (strikethrough, extensions).
std::optional<Inline> inline_for_span(MD_SPANTYPE type, const void* detail) {
  Inline span;
  switch (type) {
    case MD_SPAN_EM: span.kind = InlineKind::Emphasis; return span;
    case MD_SPAN_STRONG: span.kind = InlineKind::Strong; return span;
    case MD_SPAN_CODE: span.kind = InlineKind::Code; return span;
    case MD_SPAN_A:
      span.kind = InlineKind::Link;
      span.url = attribute_text(static_cast<const MD_SPAN_A_DETAIL*>(detail)->href);
      return span;
    case MD_SPAN_IMG: {  // its alt text arrives as text; build_document makes it a figure
      const auto* image = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
      span.kind = InlineKind::Image;
      span.url = attribute_text(image->src);
      span.text = attribute_text(image->title);
      return span;
    }
    case MD_SPAN_DEL: span.kind = InlineKind::Strike; return span;
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY: case MD_SPAN_WIKILINK: case MD_SPAN_U:
      return std::nullopt;
  }
  return std::nullopt;
}

class TreeBuilder {
 public:
  explicit TreeBuilder(BodyNotes* notes) : notes_(notes) {
    open_.push_back(OpenBlock{make_block(BlockKind::Quote)});  // the body
  }

  void enter_block(MD_BLOCKTYPE type, const void* detail);
  void leave_block(MD_BLOCKTYPE type);
  void enter_span(MD_SPANTYPE type, const void* detail);
  void leave_span(MD_SPANTYPE type);
  void text(MD_TEXTTYPE type, std::string_view text);

  std::vector<Block> finish() { return std::move(open_.front().block.children); }

 private:
  void open_container(Block block);
  void open_leaf(Block block, bool raw_html = false);
  void close_top();
  void add_text(std::string_view text);
  void add_line_break();
  void raw_inline_html(std::string_view raw);
  void close_html_span(GumboTag tag);
  void pop_span();
  std::vector<Inline>& inline_target();
  std::vector<Inline>& block_inlines();

  std::vector<OpenBlock> open_;   // open blocks, innermost last; open_[0] is the body
  size_t flattened_ = 0;          // containers entered past kMaxBlockNesting (not in open_)
  std::vector<Inline> spans_;     // open spans that become inlines, innermost last
  std::vector<GumboTag> span_tags_;  // per open span: its raw HTML tag, UNKNOWN for md4c's
  std::vector<bool> span_kept_;   // for each entered span: was it pushed onto spans_?
  BodyNotes* notes_;
  int image_depth_ = 0;           // inside an image only its alt text counts, plainly
};

void TreeBuilder::enter_block(MD_BLOCKTYPE type, const void* detail) {
  open_.back().paragraph_open = false;
  switch (type) {
    case MD_BLOCK_DOC: return;
    case MD_BLOCK_QUOTE: return open_container(make_block(BlockKind::Quote));
    case MD_BLOCK_UL: return open_container(make_block(BlockKind::List));
    case MD_BLOCK_OL: {
      Block list = make_block(BlockKind::List);
      list.ordered = true;
      unsigned start = static_cast<const MD_BLOCK_OL_DETAIL*>(detail)->start;
      list.start = static_cast<int>(std::min<unsigned>(start, INT_MAX));
      return open_container(std::move(list));
    }
    case MD_BLOCK_LI: return open_container(make_block(BlockKind::ListItem));
    case MD_BLOCK_H: {
      Block heading = make_block(BlockKind::Heading);
      unsigned level = static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level;
      heading.level = static_cast<int>(std::clamp<unsigned>(level, 1, 6));
      return open_leaf(std::move(heading));
    }
    case MD_BLOCK_P: return open_leaf(make_block(BlockKind::Paragraph));
    case MD_BLOCK_CODE: return open_leaf(make_block(BlockKind::CodeBlock));
    case MD_BLOCK_HTML: return open_leaf(make_block(BlockKind::Paragraph), true);
    case MD_BLOCK_HR: return open_leaf(make_block(BlockKind::Rule));
    case MD_BLOCK_TABLE: return open_container(make_block(BlockKind::Table));
    case MD_BLOCK_THEAD: case MD_BLOCK_TBODY: return;
    case MD_BLOCK_TR:
      // Inside a flattened table, rows are flattened too and cells become paragraphs.
      if (flattened_ == 0 && open_.back().block.kind == BlockKind::Table) {
        return open_container(make_block(BlockKind::TableRow));
      }
      ++flattened_;
      return;
    case MD_BLOCK_TH: case MD_BLOCK_TD: {
      if (open_.back().block.kind != BlockKind::TableRow) return open_leaf(make_block(BlockKind::Paragraph));
      Block cell = make_block(BlockKind::TableCell);
      cell.header = type == MD_BLOCK_TH;
      cell.align = cell_align(static_cast<const MD_BLOCK_TD_DETAIL*>(detail)->align);
      return open_leaf(std::move(cell));
    }
  }
}

void TreeBuilder::leave_block(MD_BLOCKTYPE type) {
  if (type == MD_BLOCK_DOC || type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY) return;
  if (is_container(type) && flattened_ > 0) {
    --flattened_;
    return;
  }
  close_top();
}

void TreeBuilder::open_container(Block block) {
  // Once one container is flattened, everything inside it is too: the
  // flattened ones are always the innermost, so a counter tracks them.
  if (flattened_ > 0 || open_.size() > kMaxBlockNesting) {
    ++flattened_;
    return;
  }
  open_.push_back(OpenBlock{std::move(block)});
}

void TreeBuilder::open_leaf(Block block, bool raw_html) {
  open_.push_back(OpenBlock{std::move(block), raw_html});
}

void TreeBuilder::close_top() {
  if (open_.size() < 2) return;  // unbalanced events: md4c never sends them
  while (!span_tags_.empty() && span_tags_.back() != GUMBO_TAG_UNKNOWN) pop_span();  // unclosed tags
  OpenBlock top = std::move(open_.back());
  open_.pop_back();
  Block& block = top.block;
  if (block.kind == BlockKind::CodeBlock) {
    if (!block.text.empty() && block.text.back() == '\n') block.text.pop_back();
  }
  if (top.raw_html) {
    std::vector<Block>& siblings = open_.back().block.children;
    for (Block& parsed : parse_html(block.text, notes_)) siblings.push_back(std::move(parsed));
    open_.back().paragraph_open = false;
    return;
  }
  open_.back().block.children.push_back(std::move(block));
  open_.back().paragraph_open = false;
}

void TreeBuilder::enter_span(MD_SPANTYPE type, const void* detail) {
  std::optional<Inline> span;
  if (image_depth_ == 0) span = inline_for_span(type, detail);
  if (type == MD_SPAN_IMG) ++image_depth_;
  bool keep = span.has_value() && spans_.size() < kMaxSpanNesting;
  if (keep) {
    spans_.push_back(std::move(*span));
    span_tags_.push_back(GUMBO_TAG_UNKNOWN);
  }
  span_kept_.push_back(keep);
}

void TreeBuilder::leave_span(MD_SPANTYPE type) {
  if (type == MD_SPAN_IMG && image_depth_ > 0) --image_depth_;
  if (span_kept_.empty()) return;
  bool kept = span_kept_.back();
  span_kept_.pop_back();
  if (!kept || spans_.empty()) return;
  // Raw HTML tags opened inside this span and never closed end with it.
  while (!span_tags_.empty() && span_tags_.back() != GUMBO_TAG_UNKNOWN) pop_span();
  if (spans_.empty()) return;
  Inline span = std::move(spans_.back());
  spans_.pop_back();
  span_tags_.pop_back();
  inline_target().push_back(std::move(span));
}

// Closes the innermost open span, keeping it unless it is an empty raw HTML one.
void TreeBuilder::pop_span() {
  Inline span = std::move(spans_.back());
  bool from_html = span_tags_.back() != GUMBO_TAG_UNKNOWN;
  spans_.pop_back();
  span_tags_.pop_back();
  bool empty = span.kind == InlineKind::Code ? span.text.empty() : span.children.empty();
  if (!(from_html && empty)) inline_target().push_back(std::move(span));
}

// A raw inline tag: <em>, <b>, <a href>... open spans, their end tags close
// them, <br> breaks the line; every other tag is dropped.
void TreeBuilder::raw_inline_html(std::string_view raw) {
  if (image_depth_ > 0) return;
  html::RawTag tag = html::classify_raw_tag(raw);
  bool in_code = !spans_.empty() && spans_.back().kind == InlineKind::Code;
  switch (tag.kind) {
    case html::RawTag::Kind::LineBreak: return add_line_break();
    case html::RawTag::Kind::Open:
      if (in_code || spans_.size() >= kMaxSpanNesting) return;
      spans_.push_back(std::move(tag.span));
      span_tags_.push_back(tag.tag);
      return;
    case html::RawTag::Kind::Close: return close_html_span(tag.tag);
    case html::RawTag::Kind::Ignored: return;
  }
}

// Closes the innermost raw span of this tag, and any raw spans inside it; an
// end tag without its start tag (or across a Markdown span) is ignored.
void TreeBuilder::close_html_span(GumboTag tag) {
  for (size_t i = span_tags_.size(); i-- > 0;) {
    if (span_tags_[i] == GUMBO_TAG_UNKNOWN) return;
    if (span_tags_[i] != tag) continue;
    while (span_tags_.size() > i) pop_span();
    return;
  }
}

void TreeBuilder::text(MD_TEXTTYPE type, std::string_view text) {
  switch (type) {
    case MD_TEXT_NULLCHAR: return add_text(kReplacementCharacter);
    case MD_TEXT_BR: return add_line_break();
    case MD_TEXT_SOFTBR: return add_text(" ");
    case MD_TEXT_ENTITY: return add_text(decode_entity(text));
    case MD_TEXT_HTML:
      if (open_.back().raw_html) return add_text(text);  // an HTML block, parsed when it ends
      return raw_inline_html(text);
    case MD_TEXT_NORMAL: case MD_TEXT_CODE: case MD_TEXT_LATEXMATH:
      return add_text(text);
  }
}

void TreeBuilder::add_text(std::string_view text) {
  OpenBlock& top = open_.back();
  if (top.block.kind == BlockKind::CodeBlock || top.raw_html) {
    top.block.text += text;
  } else if (!spans_.empty() && spans_.back().kind == InlineKind::Code) {
    spans_.back().text += text;
  } else {
    append_text(inline_target(), text);
  }
}

void TreeBuilder::add_line_break() {
  OpenBlock& top = open_.back();
  if (top.block.kind == BlockKind::CodeBlock || top.raw_html) {
    top.block.text += '\n';
  } else {
    inline_target().push_back(Inline{InlineKind::LineBreak, {}, {}, {}});
  }
}

std::vector<Inline>& TreeBuilder::inline_target() {
  return spans_.empty() ? block_inlines() : spans_.back().children;
}

// Paragraphs and headings take inlines; a tight list item's text arrives with
// no paragraph around it, so one is opened implicitly.
std::vector<Inline>& TreeBuilder::block_inlines() {
  OpenBlock& top = open_.back();
  BlockKind kind = top.block.kind;
  if (kind == BlockKind::Paragraph || kind == BlockKind::Heading || kind == BlockKind::TableCell) {
    return top.block.inlines;
  }
  if (!top.paragraph_open) {
    top.block.children.push_back(make_block(BlockKind::Paragraph));
    top.paragraph_open = true;
  }
  return top.block.children.back().inlines;
}

// md4c is C: exceptions must not cross it. A throwing callback stores the
// exception and stops the parse; parse_markdown rethrows it afterwards.
struct ParseState {
  TreeBuilder builder;
  std::exception_ptr error;
};

template <typename Action>
int guarded(void* userdata, Action&& action) {
  auto* state = static_cast<ParseState*>(userdata);
  try {
    action(state->builder);
    return 0;
  } catch (...) {
    state->error = std::current_exception();
    return 1;
  }
}

int on_enter_block(MD_BLOCKTYPE type, void* detail, void* userdata) {
  return guarded(userdata, [&](TreeBuilder& b) { b.enter_block(type, detail); });
}
int on_leave_block(MD_BLOCKTYPE type, void*, void* userdata) {
  return guarded(userdata, [&](TreeBuilder& b) { b.leave_block(type); });
}
int on_enter_span(MD_SPANTYPE type, void* detail, void* userdata) {
  return guarded(userdata, [&](TreeBuilder& b) { b.enter_span(type, detail); });
}
int on_leave_span(MD_SPANTYPE type, void*, void* userdata) {
  return guarded(userdata, [&](TreeBuilder& b) { b.leave_span(type); });
}
int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata) {
  return guarded(userdata, [&](TreeBuilder& b) { b.text(type, std::string_view(text, size)); });
}

}  // namespace

std::vector<Block> parse_markdown(const std::string& markdown, BodyNotes* notes) {
  if (markdown.size() > std::numeric_limits<MD_SIZE>::max()) return parse_plain_text(markdown);
  MD_PARSER parser{};
  parser.flags = kMarkdownFlags;
  parser.enter_block = on_enter_block;
  parser.leave_block = on_leave_block;
  parser.enter_span = on_enter_span;
  parser.leave_span = on_leave_span;
  parser.text = on_text;
  ParseState state{TreeBuilder(notes), nullptr};
  int result = md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &state);
  if (state.error) std::rethrow_exception(state.error);
  // md4c fails only when it runs out of memory: keep the words, unformatted.
  if (result != 0) return parse_plain_text(markdown);
  return state.builder.finish();
}

}  // namespace broadsheet
