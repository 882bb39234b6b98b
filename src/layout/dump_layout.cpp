// The layout dump: one line per item, numbers rounded to 0.1 pt with
// std::to_chars (locale-independent), for golden tests and --dump layout.
#include <charconv>
#include <cmath>

#include "image/prepare.h"
#include "layout/layout.h"

namespace broadsheet {

namespace {

std::string number(double v) {
  double rounded = std::round(v * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0.0"
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 1);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string face_name(const FontFace& face) {
  std::string name = face.role == FontRole::Body ? "body" : face.role == FontRole::Heading ? "heading" : "mono";
  if (face.bold) name += "-bold";
  if (face.italic) name += "-italic";
  return name;
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string describe(const PageItem& item) {
  switch (item.kind) {
    case ItemKind::Text: {
      std::string line = "text " + number(item.x) + " " + number(item.y) + " " +
                         face_name(item.face) + " " + number(item.size);
      if (item.word_gap > 0) line += " gap " + number(item.word_gap);
      if (item.char_space > 0) line += " track " + number(item.char_space * 100) + "/100";
      return line + " " + quoted(item.text);
    }
    case ItemKind::Rule:
      return "rule " + number(item.x) + " " + number(item.y) + " " + number(item.w) + " " +
             number(item.h) + " " + number(item.size);
    case ItemKind::Link: {
      std::string line = "link " + number(item.x) + " " + number(item.y) + " " + number(item.w) +
                         " " + number(item.h) + " -> ";
      if (!item.target) return line;
      if (item.target->page >= 0) {
        return line + "page " + std::to_string(item.target->page + 1) + " y " + number(item.target->y);
      }
      return line + item.target->url;
    }
    case ItemKind::Anchor:
      return "anchor " + number(item.x) + " " + number(item.y) + " " + quoted(item.text);
    case ItemKind::Image: {
      std::string line = "image " + number(item.x) + " " + number(item.y) + " " + number(item.w) +
                         " " + number(item.h);
      if (!item.image) return line;
      const PreparedImage& pdf = item.image->pdf;
      return line + " " + std::to_string(pdf.width) + "x" + std::to_string(pdf.height) +
             (pdf.format == ImageFormat::Png ? " png" : " jpeg");
    }
  }
  return {};
}

}  // namespace

std::string dump_layout(const PageSet& set) {
  std::string out = "size " + number(set.width) + " " + number(set.height) + "\n";
  for (size_t p = 0; p < set.pages.size(); ++p) {
    out += "page " + std::to_string(p + 1) + "\n";
    for (const PageItem& item : set.pages[p].items) out += "  " + describe(item) + "\n";
  }
  for (const OutlineEntry& e : set.outline) {
    out += "outline " + std::to_string(e.level) + " " + quoted(e.title) + " page " +
           std::to_string(e.page + 1) + " y " + number(e.y) + "\n";
  }
  return out;
}

}  // namespace broadsheet
