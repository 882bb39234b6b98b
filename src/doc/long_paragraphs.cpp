// See long_paragraphs.h.
#include "doc/long_paragraphs.h"

#include <string_view>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

std::size_t text_bytes(const std::vector<Inline>& inlines) {
  std::size_t n = 0;
  for (const Inline& in : inlines) n += in.text.size() + in.url.size() + text_bytes(in.children);
  return n;
}

// Where to cut text that may keep at most `room` bytes: after a sentence end
// (". ", "! ", "? ") in the second half, else at the last space, else at a
// character boundary. Returns 0 when nothing fits (the piece is full).
std::size_t cut_point(std::string_view text, std::size_t room) {
  if (room == 0) return 0;
  std::string_view head = text.substr(0, room);
  for (std::size_t at = head.size(); at > head.size() / 2; --at) {
    char c = head[at - 1];
    if ((c == '.' || c == '!' || c == '?') && at < text.size() && text[at] == ' ') return at + 1;
  }
  if (std::size_t space = head.rfind(' '); space != std::string_view::npos && space > 0) return space + 1;
  return code_point_start(text, head.size());
}

class ParagraphCutter {
 public:
  explicit ParagraphCutter(std::size_t max_bytes) : max_(max_bytes) {}

  std::vector<Block> cut(Block paragraph) {
    for (Inline& in : paragraph.inlines) {
      if (in.kind == InlineKind::Text) {
        add_text(in.text);
      } else {
        std::size_t size = text_bytes({in});
        if (size_ > 0 && size_ + size > max_) flush();
        size_ += size;
        current_.push_back(std::move(in));
      }
    }
    flush();
    return std::move(pieces_);
  }

 private:
  void add_text(std::string_view text) {
    while (size_ + text.size() > max_) {
      std::size_t at = cut_point(text, max_ - size_);
      if (at == 0 && size_ > 0) {  // this piece is full: the text starts the next
        flush();
        continue;
      }
      if (at == 0) {  // a limit below one character: take one anyway
        at = 1;
        while (at < text.size() && is_utf8_continuation(text[at])) ++at;
      }
      append(text.substr(0, at));
      text.remove_prefix(at);
      flush();
    }
    append(text);
  }
  void append(std::string_view text) {
    if (current_.empty() && text.starts_with(' ')) text.remove_prefix(1);
    if (text.empty()) return;
    if (!current_.empty() && current_.back().kind == InlineKind::Text) {
      current_.back().text += text;
    } else {
      current_.push_back(Inline{InlineKind::Text, std::string(text), {}, {}});
    }
    size_ += text.size();
  }
  void flush() {
    while (!current_.empty() && current_.back().kind == InlineKind::Text &&
           current_.back().text.ends_with(' ')) {
      current_.back().text.pop_back();
      if (current_.back().text.empty()) current_.pop_back();
    }
    if (!current_.empty()) {
      Block piece;
      piece.kind = BlockKind::Paragraph;
      piece.inlines = std::move(current_);
      pieces_.push_back(std::move(piece));
    }
    current_.clear();
    size_ = 0;
  }

  std::size_t max_;
  std::vector<Inline> current_;
  std::size_t size_ = 0;
  std::vector<Block> pieces_;
};

}  // namespace

std::size_t cut_long_paragraphs(std::vector<Block>& blocks, std::size_t max_bytes) {
  std::size_t cut = 0;
  std::vector<Block> out;
  out.reserve(blocks.size());
  for (Block& block : blocks) {
    cut += cut_long_paragraphs(block.children, max_bytes);
    if (block.kind != BlockKind::Paragraph || max_bytes == 0 || text_bytes(block.inlines) <= max_bytes) {
      out.push_back(std::move(block));
      continue;
    }
    ++cut;
    for (Block& piece : ParagraphCutter(max_bytes).cut(std::move(block))) out.push_back(std::move(piece));
  }
  blocks = std::move(out);
  return cut;
}

}  // namespace broadsheet
