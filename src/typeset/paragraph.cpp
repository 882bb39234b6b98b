// Paragraph composition, collect and finalize: inline tree -> words (soft
// hyphens kept as break hints), and one broken line -> Text and Link items.
// prepare_words lives in paragraph_prepare.cpp, the breakers in linebreak.cpp.
#include "typeset/paragraph.h"

#include <algorithm>
#include <string_view>

#include "diag/utf8.h"
#include "typeset/linebreak.h"
#include "typeset/pdf_text.h"

namespace broadsheet {

namespace {

// Walks the inline tree keeping the current style; words end at spaces and at
// hard breaks, not at style changes ("**bold**," is one word of two fragments).
class WordCollector {
 public:
  explicit WordCollector(const InlineStyles& styles) : styles_(styles) {}

  void walk(const std::vector<Inline>& inlines, const TextStyle& style) {
    for (const Inline& in : inlines) visit(in, style);
  }
  void add_text(std::string_view text, const TextStyle& style) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t space = text.find(' ', start);
      if (space == std::string_view::npos) space = text.size();
      if (space > start) add_token(text.substr(start, space - start), style);
      if (space < text.size()) boundary_ = true;
      start = space + 1;
    }
  }
  // U+00AD is a break hint only: cleaning would drop it, so the text is split
  // at each one first and the position remembered in the word.
  void add_text_with_soft_hyphens(std::string_view raw, const TextStyle& style) {
    static constexpr std::string_view kSoftHyphen = "\u00AD";
    size_t start = 0;
    for (size_t at = raw.find(kSoftHyphen); at != std::string_view::npos; at = raw.find(kSoftHyphen, start)) {
      add_text(clean_pdf_text(raw.substr(start, at - start)), style);
      mark_soft_hyphen();
      start = at + kSoftHyphen.size();
    }
    add_text(clean_pdf_text(raw.substr(start)), style);
  }
  std::vector<Word> take() { return std::move(words_); }

 private:
  void visit(const Inline& in, TextStyle style) {
    switch (in.kind) {
      case InlineKind::Text: add_text_with_soft_hyphens(in.text, style); break;
      case InlineKind::Emphasis: style.face.italic = true; walk(in.children, style); break;
      case InlineKind::Strong: style.face.bold = true; walk(in.children, style); break;
      case InlineKind::Code:
        style.face.role = FontRole::Mono;
        style.size *= styles_.code_scale;
        add_text(clean_pdf_text(in.text), style);
        break;
      case InlineKind::Link:
        style.color = styles_.link;
        style.url = in.url;
        if (in.children.empty()) add_text(clean_pdf_text(in.url), style);
        walk(in.children, style);
        break;
      case InlineKind::LineBreak:
        if (!words_.empty()) words_.back().break_after = true;
        boundary_ = true;
        break;
      case InlineKind::Underline: style.decoration |= kUnderline; walk(in.children, style); break;
      case InlineKind::Strike: style.decoration |= kStrike; walk(in.children, style); break;
      // Smaller, and moved off the baseline by a share of the parent size (as
      // word processors do), so nested scripts climb further.
      case InlineKind::Subscript:
        style.rise -= 0.15 * style.size;
        style.size *= 0.75;
        walk(in.children, style);
        break;
      case InlineKind::Superscript:
        style.rise += 0.35 * style.size;
        style.size *= 0.75;
        walk(in.children, style);
        break;
      // Images standing in a paragraph became figures (build_document); one
      // left inside a link or a heading is its alt text.
      case InlineKind::Image: walk(in.children, style); break;
    }
  }
  void mark_soft_hyphen() {
    if (boundary_ || words_.empty()) return;
    size_t offset = 0;
    for (const Fragment& f : words_.back().parts) offset += f.text.size();
    words_.back().soft_hyphens.push_back(static_cast<std::uint32_t>(offset));
  }
  void add_token(std::string_view token, const TextStyle& style) {
    if (boundary_ || words_.empty()) {
      words_.push_back(Word{});
      words_.back().parts.push_back(Fragment{std::string(token), style, 0});
    } else if (same_style(words_.back().parts.back().style, style)) {
      words_.back().parts.back().text += token;
    } else {
      words_.back().parts.push_back(Fragment{std::string(token), style, 0});
    }
    boundary_ = false;
  }

  const InlineStyles& styles_;
  std::vector<Word> words_;
  bool boundary_ = true;
};

bool mergeable(const PageItem& item, const TextStyle& style, double baseline) {
  return item.face == style.face && item.size == style.size && item.color.r == style.color.r &&
         item.color.g == style.color.g && item.color.b == style.color.b &&
         item.y == baseline + style.rise;
}

// Builds the items of one line left to right. Fragments join the previous
// Text item when the style matches and nothing moved them apart: after a
// space (drawn as ' ', widened through word_gap when justified), or directly
// inside a word. Spread CJK letters start new items. With letter-spacing,
// every glyph advances char_space further (PDF Tc); an item's w ends at the
// ink of its last glyph.
class LineSetter {
 public:
  LineSetter(double x, double y, LineFill fill) : x_(x), y_(y), fill_(fill) {}

  void fragment(const Fragment& f) {
    double spaced = fill_.char_space * static_cast<double>(count_code_points(f.text));
    if (joinable_ && !items_.empty() && mergeable(items_.back(), f.style, y_)) {
      PageItem& item = items_.back();
      if (space_gap_ > 0) {
        item.text += ' ';
        if (fill_.ratio != 0 || fill_.char_space != 0) item.word_gap = space_gap_;
      }
      item.text += f.text;
      item.w = x_ + f.width + spaced - fill_.char_space - item.x;
    } else {
      items_.push_back(fragment_item(f, x_, y_));
      items_.back().char_space = fill_.char_space;
      items_.back().w += spaced - fill_.char_space;
    }
    link(f);
    decorate(f, f.width + spaced - fill_.char_space);
    x_ += f.width + spaced;
    joinable_ = true;
    space_gap_ = 0;
  }

  // The glue after w, stretched or shrunk by the line's ratio.
  void glue(const Word& w) {
    Glue g = glue_after(w);
    double gap = g.width + fill_.ratio * (fill_.ratio > 0 ? g.stretch : g.shrink);
    x_ += gap;
    if (w.joint == Joint::Space) {
      space_gap_ = gap;
    } else {
      joinable_ = gap == 0;
    }
  }

  void hyphen(const Word& w) {
    if (items_.empty()) return;
    items_.back().text += '-';
    items_.back().w += fill_.char_space + w.hyphen;
    items_.back().line_role |= kHyphenAdded;
  }

  std::vector<PageItem> take() {
    flush_decoration();
    for (PageItem& l : links_) items_.push_back(std::move(l));
    return std::move(items_);
  }

 private:
  // One link rectangle per run of fragments with the same url (spaces included).
  void link(const Fragment& f) {
    if (f.style.url.empty()) {
      previous_url_ = nullptr;
      return;
    }
    if (previous_url_ && *previous_url_ == f.style.url && !links_.empty()) {
      links_.back().w = x_ + f.width - links_.back().x;
    } else {
      links_.push_back(fragment_link(f, x_, y_));
    }
    previous_url_ = &f.style.url;
  }

  // One rule per run of fragments with the same decoration, so an underline
  // continues under the spaces between its words; `inked` is the fragment's
  // advance up to the end of its last glyph.
  void decorate(const Fragment& f, double inked) {
    if (run_.decoration != f.style.decoration || run_.size != f.style.size ||
        run_.rise != f.style.rise || !same_color(run_.color, f.style.color)) {
      flush_decoration();
      run_ = f.style;
      run_x_ = x_;
    }
    run_end_ = x_ + inked;
  }
  void flush_decoration() {
    if (run_.decoration != 0) add_decorations(items_, run_, run_x_, y_, run_end_ - run_x_);
    run_.decoration = 0;
  }
  static bool same_color(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

  double x_, y_;
  LineFill fill_;
  std::vector<PageItem> items_, links_;
  bool joinable_ = false;
  double space_gap_ = 0;
  const std::string* previous_url_ = nullptr;
  TextStyle run_;
  double run_x_ = 0, run_end_ = 0;
};

}  // namespace

PageItem fragment_item(const Fragment& f, double x, double y) {
  PageItem item;
  item.kind = ItemKind::Text;
  item.x = x;
  item.y = y + f.style.rise;
  item.w = f.width;
  item.face = f.style.face;
  item.size = f.style.size;
  item.color = f.style.color;
  item.text = f.text;
  return item;
}

PageItem fragment_link(const Fragment& f, double x, double y) {
  PageItem link;
  link.kind = ItemKind::Link;
  link.x = x;
  link.y = y - 0.25 * f.style.size;
  link.w = f.width;
  link.h = 1.2 * f.style.size;
  link.target = std::make_shared<const LinkTarget>(LinkTarget{.url = f.style.url});
  return link;
}

void add_decorations(std::vector<PageItem>& out, const TextStyle& style, double x, double y, double width) {
  // Positions and thickness as fractions of the size, close to the underline
  // and strikeout metrics of DejaVu and Liberation.
  auto rule = [&](double offset) {
    PageItem r;
    r.kind = ItemKind::Rule;
    r.x = x;
    r.y = y + style.rise + offset * style.size;
    r.w = width;
    r.size = std::max(0.4, 0.06 * style.size);
    r.color = style.color;
    out.push_back(std::move(r));
  };
  if (width <= 0) return;
  if (style.decoration & kUnderline) rule(-0.12);
  if (style.decoration & kStrike) rule(0.27);
}

bool same_style(const TextStyle& a, const TextStyle& b) {
  return a.face == b.face && a.size == b.size && a.color.r == b.color.r &&
         a.color.g == b.color.g && a.color.b == b.color.b && a.url == b.url &&
         a.decoration == b.decoration && a.rise == b.rise;
}

std::vector<Word> collect_words(const std::vector<Inline>& inlines, const InlineStyles& styles) {
  WordCollector collector(styles);
  collector.walk(inlines, styles.base);
  return collector.take();
}

std::vector<Word> collect_words(const std::string& text, const TextStyle& style) {
  InlineStyles styles{style, 1.0, style.color};
  WordCollector collector(styles);
  collector.add_text(clean_pdf_text(text), style);
  return collector.take();
}

double natural_width(const std::vector<Word>& words, size_t begin, size_t end) {
  double w = 0;
  for (size_t i = begin; i < end; ++i) w += words[i].width + (i + 1 < end ? glue_after(words[i]).width : 0);
  return end > begin ? w + break_width(words[end - 1]) : w;
}

namespace {

bool needs_bidi(const std::vector<Word>& words, const Line& line) {
  if (words[line.begin].rtl) return true;
  for (size_t k = line.begin; k < line.end; ++k) {
    for (const Fragment& f : words[k].parts) {
      if (f.level != 0) return true;
    }
  }
  return false;
}

void mark_line(std::vector<PageItem>& items, const std::vector<Word>& words, const Line& line,
               const LinePlacement& box) {
  unsigned char role = kLineInParagraph;
  if (box.align == Align::Justify && !line.last) role |= kJustifiedLine;
  if (line.begin == 0) role |= kParagraphFirstLine;
  if (line.end == words.size()) role |= kParagraphLastLine;
  for (PageItem& item : items) {
    if (item.kind != ItemKind::Text) continue;
    item.line_role |= role;
    item.line_left = static_cast<float>(box.x);
    item.line_right = static_cast<float>(box.x + box.width);
  }
}

std::vector<PageItem> set_ltr_line(const std::vector<Word>& words, const Line& line, const LinePlacement& box,
                                   LineFill fill) {
  double x = box.x;
  if (box.align == Align::Right) x += box.width - line.natural;
  if (box.align == Align::Center) x += (box.width - line.natural) / 2;
  LineSetter setter(x, box.y, fill);
  for (size_t k = line.begin; k < line.end; ++k) {
    for (const Fragment& f : words[k].parts) setter.fragment(f);
    if (k + 1 < line.end) setter.glue(words[k]);
  }
  if (words[line.end - 1].joint == Joint::Hyphen && !line.last) setter.hyphen(words[line.end - 1]);
  return setter.take();
}

}  // namespace

std::vector<PageItem> set_line(const std::vector<Word>& words, const Line& line, LinePlacement box) {
  if (needs_bidi(words, line)) {
    std::vector<PageItem> items = set_bidi_line(words, line, box);
    mark_line(items, words, line, box);
    return items;
  }
  LineFill fill = box.align == Align::Justify ? fill_line(words, line, box.width) : LineFill{};
  std::vector<PageItem> items = set_ltr_line(words, line, box, fill);
  mark_line(items, words, line, box);
  return items;
}

void allow_tracking(std::vector<Word>& words, double letter_spacing) {
  if (letter_spacing <= 0) return;
  for (Word& w : words) {
    bool fixed = w.rtl || w.joint == Joint::Letter;
    double tracking = 0;
    for (const Fragment& f : w.parts) {
      fixed = fixed || f.level != 0 || f.style.face.role == FontRole::Mono;
      tracking += letter_spacing * f.style.size * static_cast<double>(count_code_points(f.text));
    }
    w.tracking = fixed ? 0 : tracking;
  }
}

}  // namespace broadsheet
