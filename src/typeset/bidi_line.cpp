// Paragraphs with right-to-left text: bidi levels are resolved once per
// paragraph, on logical text, before line breaking (resolve_directions); each
// broken line is then reordered on its own (set_bidi_line), as UAX #9 asks.
// Items keep logical text; the PDF writer shapes and reverses RTL runs.
#include <numeric>

#include "diag/utf8.h"
#include "doc/language.h"
#include "typeset/bidi.h"
#include "typeset/linebreak.h"
#include "typeset/paragraph.h"

namespace broadsheet {

namespace {

bool any_rtl(const std::vector<Word>& words) {
  for (const Word& w : words) {
    for (const Fragment& f : w.parts) {
      if (has_rtl(f.text)) return true;
    }
  }
  return false;
}

bool has_space_after(const Word& w) { return w.joint == Joint::Space || w.break_after; }

// The paragraph as FriBidi sees it: fragments in order, a space after words.
std::u32string logical_text(const std::vector<Word>& words) {
  std::u32string text;
  for (const Word& w : words) {
    for (const Fragment& f : w.parts) {
      for (size_t i = 0; i < f.text.size();) text += next_code_point(f.text, i);
    }
    if (has_space_after(w)) text += U' ';
  }
  return text;
}

// Cuts f where the level changes; `at` walks the paragraph's code points.
void split_by_level(const Fragment& f, const std::vector<std::uint8_t>& levels, size_t& at,
                    std::uint8_t base, std::vector<Fragment>& out) {
  if (f.text.empty()) {
    out.push_back(f);
    out.back().level = base;
    return;
  }
  size_t start = 0;
  for (size_t i = 0; i < f.text.size();) {
    size_t here = i;
    std::uint8_t level = levels[at++];
    next_code_point(f.text, i);
    if (here == 0 || level != out.back().level) {
      if (here > 0) out.back().text = f.text.substr(start, here - start);
      out.push_back(Fragment{std::string(), f.style, 0, level});
      start = here;
    }
  }
  out.back().text = f.text.substr(start);
}

// A line's pieces in logical order: fragments, and the glue between words.
struct Unit {
  const Fragment* fragment = nullptr;  // nullptr: glue
  double width = 0;
  std::uint8_t level = 0;
  bool hyphen = false;                 // the line ends here at a hyphenation point
};

std::vector<Unit> line_units(const std::vector<Word>& words, const Line& line, double ratio) {
  std::vector<Unit> units;
  for (size_t k = line.begin; k < line.end; ++k) {
    for (const Fragment& f : words[k].parts) units.push_back({&f, f.width, f.level, false});
    if (k + 1 == line.end) break;
    Glue g = glue_after(words[k]);
    double gap = g.width + ratio * (ratio > 0 ? g.stretch : g.shrink);
    std::uint8_t level = words[k].joint == Joint::Space ? words[k].space_level : units.back().level;
    units.push_back({nullptr, gap, level, false});
  }
  const Word& last = words[line.end - 1];
  if (last.joint == Joint::Hyphen && !line.last && !units.empty()) {
    units.back().hyphen = true;
    units.back().width += last.hyphen;
  }
  return units;
}

// Where the line starts: right-to-left paragraphs set ragged and last lines
// flush right, as left-to-right ones set them flush left.
double line_start(const std::vector<Unit>& units, bool rtl, const LinePlacement& box) {
  double total = 0;
  for (const Unit& u : units) total += u.width;
  switch (box.align) {
    case Align::Right: return box.x + box.width - total;
    case Align::Center: return box.x + (box.width - total) / 2;
    case Align::Left:
    case Align::Justify: return rtl ? box.x + box.width - total : box.x;
  }
  return box.x;
}

}  // namespace

void resolve_directions(std::vector<Word>& words, const std::string& language) {
  bool rtl_language = is_rtl_language(language);
  if (words.empty() || (!rtl_language && !any_rtl(words))) return;  // no FriBidi for LTR text
  ParagraphLevels p = paragraph_levels(logical_text(words), rtl_language);
  auto base = static_cast<std::uint8_t>(p.rtl ? 1 : 0);
  size_t at = 0;
  for (Word& w : words) {
    std::vector<Fragment> parts;
    parts.reserve(w.parts.size());
    for (const Fragment& f : w.parts) split_by_level(f, p.levels, at, base, parts);
    w.parts = std::move(parts);
    w.space_level = has_space_after(w) ? p.levels[at++] : base;
    w.rtl = p.rtl;
  }
}

void isolate_ltr_tail(std::vector<Word>& words, size_t bytes) {
  if (words.empty() || !words.front().rtl) return;
  constexpr std::uint8_t kLtrInRtl = 2;  // the least even level above the paragraph's 1
  size_t seen = 0;
  for (size_t k = words.size(); k-- > 0 && seen < bytes;) {
    for (Fragment& f : words[k].parts) {
      f.level = kLtrInRtl;
      seen += f.text.size();
    }
    if (k + 1 < words.size()) words[k].space_level = kLtrInRtl;
  }
}

std::vector<PageItem> set_bidi_line(const std::vector<Word>& words, const Line& line, LinePlacement box) {
  const double y = box.y;
  bool rtl = words[line.begin].rtl;
  double ratio = box.align == Align::Justify ? adjustment_ratio(words, line, box.width) : 0;
  std::vector<Unit> units = line_units(words, line, ratio);
  std::vector<std::uint8_t> levels;
  std::vector<bool> glue;
  for (const Unit& u : units) {
    levels.push_back(u.level);
    glue.push_back(u.fragment == nullptr);
  }
  std::vector<PageItem> items, links;
  double pen = line_start(units, rtl, box);
  for (size_t index : visual_unit_order(levels, glue, rtl)) {
    const Unit& u = units[index];
    if (u.fragment) {
      items.push_back(fragment_item(*u.fragment, pen, y));
      if (u.hyphen) items.back().text += '-';
      items.back().w = u.width;
      items.back().rtl = u.level % 2 == 1;
      if (!u.fragment->style.url.empty()) links.push_back(fragment_link(*u.fragment, pen, y));
      add_decorations(links, u.fragment->style, pen, y, u.width);
    }
    pen += u.width;
  }
  for (PageItem& l : links) items.push_back(std::move(l));
  return items;
}

}  // namespace broadsheet
