// Plain-text bodies to paragraphs: blank lines (empty or whitespace only)
// separate paragraphs, single newlines become line breaks, and every other
// character is literal. LF, CRLF and CR line ends are all accepted.
#include <string_view>

#include "doc/document.h"
#include "doc/inlines.h"

namespace broadsheet {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\f\v") == std::string_view::npos;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    bool crlf = end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n';
    start = end + (crlf ? 2 : 1);
  }
  return lines;
}

void flush_paragraph(std::string& lines, std::vector<Block>& blocks) {
  if (lines.empty()) return;
  Block paragraph;
  paragraph.kind = BlockKind::Paragraph;
  append_lines(paragraph.inlines, lines);
  blocks.push_back(std::move(paragraph));
  lines.clear();
}

}  // namespace

std::vector<Block> parse_plain_text(const std::string& text) {
  std::vector<Block> blocks;
  std::string paragraph;  // the current paragraph's lines, joined by '\n'
  for (std::string_view line : split_lines(text)) {
    if (is_blank(line)) {
      flush_paragraph(paragraph, blocks);
      continue;
    }
    if (!paragraph.empty()) paragraph += '\n';
    paragraph += line;
  }
  flush_paragraph(paragraph, blocks);
  return blocks;
}

}  // namespace broadsheet
