// The document tree as indented text, one node per line, for golden tests and
// `--dump document`. Two spaces per level; strings are quoted with C-style
// escapes, so the dump is one stable line per node whatever the text holds.
#include <charconv>

#include "doc/document.h"
#include "model/days.h"

namespace broadsheet {
namespace {

std::string decimal(long long value) {
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  return std::string(digits, end);
}

std::string in_quotes(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += "\\x";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

class Dumper {
 public:
  std::string take() { return std::move(out_); }
  void document(const Document& doc);

 private:
  void line(int depth, std::string_view text);
  void optional_line(int depth, std::string_view key, const std::string& value);
  void article(const ArticleDoc& article, int depth);
  void block(const Block& block, int depth);
  void inlines(const std::vector<Inline>& runs, int depth);
  void figure(const Block& b, int depth);

  std::string out_;
};

void Dumper::line(int depth, std::string_view text) {
  out_.append(static_cast<size_t>(depth) * 2, ' ');
  out_ += text;
  out_ += '\n';
}

void Dumper::optional_line(int depth, std::string_view key, const std::string& value) {
  if (!value.empty()) line(depth, std::string(key) + " " + in_quotes(value));
}

void Dumper::document(const Document& doc) {
  line(0, "document " + doc.iso_date + " " + in_quotes(doc.meta.title) + " lang=" +
              doc.meta.language + " build=" + iso_timestamp(doc.build_time));
  optional_line(1, "subtitle", doc.meta.subtitle);
  optional_line(1, "publisher", doc.meta.publisher);
  optional_line(1, "long-date", doc.long_date);
  for (const SectionDoc& section : doc.sections) {
    line(0, "section " + section.id + " " + in_quotes(section.title));
    for (const ArticleDoc& a : section.articles) article(a, 1);
  }
}

void Dumper::article(const ArticleDoc& a, int depth) {
  line(depth, "article " + a.id + " " + in_quotes(a.title) + " lang=" + a.language);
  optional_line(depth + 1, "byline", a.byline());
  optional_line(depth + 1, "url", a.url);
  optional_line(depth + 1, "summary", a.summary);
  if (!a.tags.empty()) {
    std::string tags = "tags";
    for (const std::string& tag : a.tags) {
      tags += ' ';  // not " " + in_quotes(): GCC 12's false -Wrestrict at -O3
      tags += in_quotes(tag);
    }
    line(depth + 1, tags);
  }
  for (const Block& b : a.body) block(b, depth + 1);
}

void Dumper::block(const Block& b, int depth) {
  switch (b.kind) {
    case BlockKind::Heading: line(depth, "heading " + decimal(b.level)); break;
    case BlockKind::Paragraph: line(depth, "paragraph"); break;
    case BlockKind::Quote: line(depth, "quote"); break;
    case BlockKind::List:
      line(depth, b.ordered ? "list ordered start=" + decimal(b.start) : "list bullet");
      break;
    case BlockKind::ListItem: line(depth, "item"); break;
    case BlockKind::CodeBlock: line(depth, "code-block " + in_quotes(b.text)); break;
    case BlockKind::Rule: line(depth, "rule"); break;
    case BlockKind::Table: line(depth, "table"); break;
    case BlockKind::TableRow: line(depth, "row"); break;
    case BlockKind::TableCell: {
      std::string label = b.header ? "cell header" : "cell";
      if (b.span > 1) label += " span=" + std::to_string(b.span);
      static constexpr const char* kAligns[] = {"", " align=left", " align=center", " align=right"};
      label += kAligns[static_cast<int>(b.align)];
      line(depth, label);
      break;
    }
    case BlockKind::Figure: figure(b, depth); break;
  }
  inlines(b.inlines, depth + 1);
  for (const Block& child : b.children) block(child, depth + 1);
}

// A figure as written: its path, alt text and caption (not the pixels).
void Dumper::figure(const Block& b, int depth) {
  line(depth, std::string(b.lead ? "figure lead " : "figure ") + in_quotes(b.src));
  optional_line(depth + 1, "alt", b.alt);
  optional_line(depth + 1, "caption", b.caption);
}

void Dumper::inlines(const std::vector<Inline>& runs, int depth) {
  for (const Inline& in : runs) {
    switch (in.kind) {
      case InlineKind::Text: line(depth, "text " + in_quotes(in.text)); break;
      case InlineKind::Code: line(depth, "code " + in_quotes(in.text)); break;
      case InlineKind::LineBreak: line(depth, "break"); break;
      case InlineKind::Emphasis: line(depth, "emphasis"); break;
      case InlineKind::Strong: line(depth, "strong"); break;
      case InlineKind::Link: line(depth, "link " + in_quotes(in.url)); break;
      case InlineKind::Underline: line(depth, "underline"); break;
      case InlineKind::Strike: line(depth, "strike"); break;
      case InlineKind::Subscript: line(depth, "subscript"); break;
      case InlineKind::Superscript: line(depth, "superscript"); break;
      case InlineKind::Image: line(depth, "image " + in_quotes(in.url) + " title=" + in_quotes(in.text)); break;
    }
    inlines(in.children, depth + 1);
  }
}

}  // namespace

std::string dump_document(const Document& doc) {
  Dumper dumper;
  dumper.document(doc);
  return dumper.take();
}

}  // namespace broadsheet
