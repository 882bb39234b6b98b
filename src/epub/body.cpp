// Body blocks and inlines to XHTML. One switch per tree level, so a new kind
// in doc/document.h is flagged here by -Wswitch. Output must stay valid XHTML
// whatever the tree holds: no <a> inside <a>, no bare <li>, no empty lists.
#include "epub/body.h"

#include <algorithm>
#include <optional>
#include <string>

#include "doc/link_policy.h"
#include "doc/paragraph_indent.h"
#include "doc/table_columns.h"
#include "epub/plan.h"
#include "epub/xml.h"

namespace broadsheet::epub {
namespace {

using tinyxml2::XMLElement;

void append_inline_list(XMLElement* parent, const std::vector<Inline>& inlines, bool in_link);
void append_block_list(XMLElement* parent, const std::vector<Block>& blocks, bool in_list);

// A link inside a link is invalid HTML; the inner one keeps only its text.
// build_document already put link.url through the link policy; asking the same
// function again here keeps a hand-built tree from reaching the page unchecked.
void append_link(XMLElement* parent, const Inline& link, bool in_link) {
  std::optional<std::string> href = in_link ? std::nullopt : decide_link(link.url);
  if (!href) {
    append_inline_list(parent, link.children, in_link);
    return;
  }
  XMLElement* a = add_element(parent, "a");
  set_attribute(a, "href", *href);
  if (link.children.empty()) add_text(a, link.url);
  append_inline_list(a, link.children, true);
}

void append_inline(XMLElement* parent, const Inline& in, bool in_link) {
  switch (in.kind) {
    case InlineKind::Text: add_text(parent, in.text); break;
    case InlineKind::Emphasis: append_inline_list(add_element(parent, "em"), in.children, in_link); break;
    case InlineKind::Strong: append_inline_list(add_element(parent, "strong"), in.children, in_link); break;
    case InlineKind::Code: add_text_element(parent, "code", in.text); break;
    case InlineKind::Link: append_link(parent, in, in_link); break;
    case InlineKind::LineBreak: add_element(parent, "br"); break;
    case InlineKind::Underline: append_inline_list(add_element(parent, "u"), in.children, in_link); break;
    case InlineKind::Strike: append_inline_list(add_element(parent, "s"), in.children, in_link); break;
    case InlineKind::Subscript: append_inline_list(add_element(parent, "sub"), in.children, in_link); break;
    case InlineKind::Superscript: append_inline_list(add_element(parent, "sup"), in.children, in_link); break;
    // Images standing in a paragraph became figures; one inside a link or a heading is its alt text.
    case InlineKind::Image: append_inline_list(parent, in.children, in_link); break;
  }
}

void append_inline_list(XMLElement* parent, const std::vector<Inline>& inlines, bool in_link) {
  for (const Inline& in : inlines) append_inline(parent, in, in_link);
}

// The article's title is the page's h1: the body's outline starts at h2.
const char* heading_tag(int rank) {
  static constexpr const char* kTags[] = {"h2", "h3", "h4", "h5", "h6"};
  return kTags[std::clamp(rank, 1, 5) - 1];  // rank 1 → h2; 5 and deeper → h6
}

// A list item's content: inlines (tight items may carry them) then blocks.
void append_item_content(XMLElement* item, const Block& block, bool in_list) {
  append_inline_list(item, block.inlines, false);
  append_block_list(item, block.children, in_list);
}

// ul/ol may only contain li: other children are wrapped in one.
void append_list(XMLElement* parent, const Block& list) {
  if (list.children.empty()) return;  // an empty list says nothing
  XMLElement* element = add_element(parent, list.ordered ? "ol" : "ul");
  if (list.ordered && list.start != 1) element->SetAttribute("start", list.start);
  for (const Block& child : list.children) {
    XMLElement* item = add_element(element, "li");
    if (child.kind == BlockKind::ListItem) {
      append_item_content(item, child, true);
    } else {
      append_block_list(item, {child}, true);
    }
  }
}

void append_code_block(XMLElement* parent, const Block& block) {
  add_text_element(add_element(parent, "pre"), "code", block.text);
}

// A cell's alignment (doc/table_columns.h) as a style attribute: the
// stylesheet's default is the start side, so only the others are written.
void set_alignment(XMLElement* td, CellAlign align) {
  switch (align) {
    case CellAlign::Left: td->SetAttribute("style", "text-align: left"); break;
    case CellAlign::Center: td->SetAttribute("style", "text-align: center"); break;
    case CellAlign::Right: td->SetAttribute("style", "text-align: right"); break;
    case CellAlign::Default: break;
  }
}

// A row of th/td; a cell outside a row (never built) would be invalid, so
// only TableCell children count.
void append_row(XMLElement* group, const Block& row, const std::vector<bool>& numeric) {
  XMLElement* tr = add_element(group, "tr");
  size_t column = 0;
  for (const Block& cell : row.children) {
    if (cell.kind != BlockKind::TableCell) continue;
    XMLElement* td = add_element(tr, cell.header ? "th" : "td");
    if (cell.span > 1) td->SetAttribute("colspan", cell.span);
    set_alignment(td, cell_alignment(cell, numeric, column));
    column += static_cast<size_t>(std::clamp(cell.span, 1, kMaxColspan));
    append_inlines(td, cell.inlines);
  }
  if (tr->NoChildren()) add_element(tr, "td");  // a tr needs at least one cell
}

bool is_header_row(const Block& row) {
  return !row.children.empty() && std::all_of(row.children.begin(), row.children.end(),
                                              [](const Block& cell) { return cell.header; });
}

// Leading rows of header cells go into thead, the rest into tbody.
void append_table(XMLElement* parent, const Block& table) {
  std::vector<const Block*> rows;
  for (const Block& row : table.children) {
    if (row.kind == BlockKind::TableRow && !row.children.empty()) rows.push_back(&row);
  }
  if (rows.empty()) return;  // an empty table says nothing
  XMLElement* element = add_element(parent, "table");
  if (!table.inlines.empty()) append_inlines(add_element(element, "caption"), table.inlines);
  size_t head = 0;
  while (head < rows.size() && is_header_row(*rows[head])) ++head;
  if (head == rows.size()) head = 0;  // only header rows: keep them as the body
  const std::vector<bool> numeric = numeric_columns(table);
  if (head > 0) {
    XMLElement* thead = add_element(element, "thead");
    for (size_t i = 0; i < head; ++i) append_row(thead, *rows[i], numeric);
  }
  XMLElement* tbody = add_element(element, "tbody");
  for (size_t i = head; i < rows.size(); ++i) append_row(tbody, *rows[i], numeric);
}

// <figure><img alt/><figcaption/></figure>; the image sits in images/ beside
// articles/. A figure whose image was skipped (--skip-bad-images) is left out.
void append_figure(XMLElement* parent, const Block& figure) {
  if (!figure.image) return;
  XMLElement* element = add_element(parent, "figure");
  XMLElement* img = add_element(element, "img");
  set_attribute(img, "src", "../" + image_href(*figure.image));
  set_attribute(img, "alt", spoken_alt(figure));
  if (!figure.caption.empty()) add_text_element(element, "figcaption", figure.caption);
}

// The stylesheet indents p.indent: the paragraphs first_line_indented picks,
// the same the PDF indents.
void append_paragraph(XMLElement* parent, const Block& paragraph, const Block* previous, bool in_list) {
  XMLElement* p = add_element(parent, "p");
  if (first_line_indented(previous, in_list)) p->SetAttribute("class", "indent");
  append_inlines(p, paragraph.inlines);
}

// previous: the block before this one in its container (nullptr for the first);
// in_list: inside a list at any depth.
void append_block(XMLElement* parent, const Block& block, const Block* previous, bool in_list) {
  switch (block.kind) {
    case BlockKind::Heading: append_inlines(add_element(parent, heading_tag(block.rank)), block.inlines); break;
    case BlockKind::Paragraph: append_paragraph(parent, block, previous, in_list); break;
    case BlockKind::Quote: append_block_list(add_element(parent, "blockquote"), block.children, in_list); break;
    case BlockKind::List: append_list(parent, block); break;
    // A list item outside a list would be invalid as <li>: keep its content.
    case BlockKind::ListItem: append_item_content(add_element(parent, "div"), block, in_list); break;
    case BlockKind::CodeBlock: append_code_block(parent, block); break;
    case BlockKind::Rule: add_element(parent, "hr"); break;
    case BlockKind::Table: append_table(parent, block); break;
    // Rows and cells outside a table are never built; their text is kept.
    case BlockKind::TableRow: append_block_list(add_element(parent, "div"), block.children, in_list); break;
    case BlockKind::TableCell: append_inlines(add_element(parent, "p"), block.inlines); break;
    case BlockKind::Figure: append_figure(parent, block); break;
  }
}

void append_block_list(XMLElement* parent, const std::vector<Block>& blocks, bool in_list) {
  const Block* previous = nullptr;
  for (const Block& block : blocks) {
    append_block(parent, block, previous, in_list);
    previous = &block;
  }
}

}  // namespace

void append_blocks(XMLElement* parent, const std::vector<Block>& blocks) {
  append_block_list(parent, blocks, false);
}

void append_inlines(XMLElement* parent, const std::vector<Inline>& inlines) {
  append_inline_list(parent, inlines, false);
}

}  // namespace broadsheet::epub
