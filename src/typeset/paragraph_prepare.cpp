// Paragraph composition, prepare: words are cut into pieces where a line may
// break inside them (UAX #14 opportunities, dictionary hyphens, soft hyphens),
// measured, and what still fits no line is force-broken at characters.
#include <algorithm>
#include <string_view>

#include "diag/utf8.h"
#include "typeset/break_points.h"
#include "typeset/char_class.h"
#include "typeset/hyphenate.h"
#include "typeset/paragraph.h"

namespace broadsheet {

namespace {

/// A place inside a word's text (byte offset) where it may break, and how.
struct Cut {
  size_t at = 0;
  Joint joint = Joint::Break;
};

bool is_code(const TextStyle& style) { return style.face.role == FontRole::Mono; }

std::string word_text(const Word& w) {
  std::string text;
  for (const Fragment& f : w.parts) text += f.text;
  return text;
}

char32_t code_point_before(std::string_view text, size_t at) {
  size_t start = code_point_start(text, at - 1);
  return next_code_point(text, start);
}

char32_t code_point_at(std::string_view text, size_t at) { return next_code_point(text, at); }

// Code is never hyphenated: true when the cut touches a code fragment.
bool touches_code(const Word& w, size_t at) {
  size_t begin = 0;
  for (const Fragment& f : w.parts) {
    size_t end = begin + f.text.size();
    if (is_code(f.style) && at >= begin && at <= end) return true;
    begin = end;
  }
  return false;
}

void add_opportunities(std::string_view text, const BreakRules& rules, std::vector<Cut>& cuts) {
  for (size_t at : break_opportunities(text, rules.language)) {
    bool cjk = is_cjk(code_point_before(text, at)) || is_cjk(code_point_at(text, at));
    cuts.push_back({at, cjk ? Joint::Letter : Joint::Break});
  }
}

// Soft hyphens replace the dictionary for their word (the author knows best);
// otherwise each stretch between UAX #14 opportunities is hyphenated on its own
// ("well-known" -> "well-" and "known"), unless the token looks like a URL,
// an address or a number.
void add_hyphens(const Word& w, std::string_view text, const BreakRules& rules,
                 Hyphenator& hyphenator, std::vector<Cut>& cuts) {
  std::vector<Cut> found;
  for (std::uint32_t at : w.soft_hyphens) {
    if (at > 0 && at < text.size()) found.push_back({at, Joint::Hyphen});
  }
  if (w.soft_hyphens.empty() && text.find_first_of("@/0123456789") == std::string_view::npos) {
    size_t begin = 0;
    for (size_t k = 0; k <= cuts.size(); ++k) {
      size_t end = k < cuts.size() ? cuts[k].at : text.size();
      for (size_t p : hyphenate_token(text.substr(begin, end - begin), rules.language, hyphenator)) {
        found.push_back({begin + p, Joint::Hyphen});
      }
      begin = end;
    }
  }
  for (const Cut& c : found) {
    if (!touches_code(w, c.at)) cuts.push_back(c);
  }
}

// Cuts the word into pieces at the (sorted, distinct) cuts, keeping fragment
// styles; the last piece keeps the word's own joint and break.
void split_at(Word& w, const std::vector<Cut>& cuts, std::vector<Word>& out) {
  Word piece;
  size_t next = 0, offset = 0;
  for (Fragment& f : w.parts) {
    size_t start = 0;
    for (; next < cuts.size() && cuts[next].at < offset + f.text.size(); ++next) {
      size_t local = cuts[next].at - offset;
      if (local > start) piece.parts.push_back(Fragment{f.text.substr(start, local - start), f.style, 0});
      piece.joint = cuts[next].joint;
      out.push_back(std::move(piece));
      piece = Word{};
      start = local;
    }
    if (start < f.text.size()) piece.parts.push_back(Fragment{f.text.substr(start), f.style, 0});
    offset += f.text.size();
  }
  piece.joint = w.joint;
  piece.break_after = w.break_after;
  out.push_back(std::move(piece));
}

void cut_word(Word& w, const BreakRules& rules, Hyphenator& hyphenator, std::vector<Word>& out) {
  bool single = w.parts.size() == 1;
  std::string joined = single ? std::string() : word_text(w);
  std::string_view text = single ? std::string_view(w.parts[0].text) : std::string_view(joined);
  std::vector<Cut> cuts;
  if (rules.inside_words) add_opportunities(text, rules, cuts);
  if (rules.hyphenate) add_hyphens(w, text, rules, hyphenator, cuts);
  if (cuts.empty()) {
    out.push_back(std::move(w));
    return;
  }
  std::stable_sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.at < b.at; });
  cuts.erase(std::unique(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.at == b.at; }),
             cuts.end());
  split_at(w, cuts, out);
}

void measure_word(Word& word, TextMeasurer& measurer) {
  word.width = 0;
  for (Fragment& f : word.parts) {
    f.width = measurer.width(f.style.face, f.text, f.style.size);
    word.width += f.width;
  }
  const TextStyle& last = word.parts.back().style;
  word.space = word.joint == Joint::Space ? measurer.width(last.face, " ", last.size) : 0;
  word.hyphen = word.joint == Joint::Hyphen ? measurer.width(last.face, "-", last.size) : 0;
}

// Splits one overlong word into pieces no wider than max_width, measuring code
// point by code point (widths add up: libharu has no kerning), so the cost is
// linear in the word's length. Pieces but the last break without a hyphen.
void split_overlong(Word& word, double max_width, TextMeasurer& measurer, std::vector<Word>& out) {
  Word piece;
  piece.joint = Joint::Break;
  piece.rtl = word.rtl;
  for (const Fragment& f : word.parts) {
    Fragment current{std::string(), f.style, 0, f.level};
    for (size_t i = 0; i < f.text.size();) {
      size_t n = std::min(utf8_sequence_length(static_cast<unsigned char>(f.text[i])), f.text.size() - i);
      std::string_view ch(f.text.data() + i, n);
      double w = measurer.width(f.style.face, ch, f.style.size);
      if (piece.width + current.width + w > max_width && piece.width + current.width > 0) {
        if (!current.text.empty()) piece.parts.push_back(current);
        piece.width += current.width;
        out.push_back(std::move(piece));
        piece = Word{};
        piece.joint = Joint::Break;
        piece.rtl = word.rtl;
        current = Fragment{std::string(), f.style, 0, f.level};
      }
      current.text += ch;
      current.width += w;
      i += n;
    }
    if (!current.text.empty()) {
      piece.width += current.width;
      piece.parts.push_back(std::move(current));
    }
  }
  piece.space = word.space;
  piece.hyphen = word.hyphen;
  piece.joint = word.joint;
  piece.break_after = word.break_after;
  piece.space_level = word.space_level;
  if (!piece.parts.empty()) out.push_back(std::move(piece));
}

}  // namespace

namespace {

// A run of italic fragments (consecutive, across words) is set in the one face
// the font fallback gives for its whole text, so that it never mixes slants.
void settle_italic_runs(std::vector<Word>& words, TextMeasurer& measurer) {
  std::vector<Fragment*> run;
  std::string text;
  auto settle = [&] {
    if (run.empty()) return;
    FontFace face = measurer.run_face(run.front()->style.face, text);
    for (Fragment* f : run) f->style.face = face;
    run.clear();
    text.clear();
  };
  for (Word& word : words) {
    for (Fragment& f : word.parts) {
      if (!run.empty() && !(f.style.face == run.front()->style.face)) settle();
      if (!f.style.face.italic) continue;
      run.push_back(&f);
      text += f.text;
    }
  }
  settle();
}

}  // namespace

void measure_words(std::vector<Word>& words, double max_width, TextMeasurer& measurer) {
  bool overlong = false;
  for (Word& word : words) {
    measure_word(word, measurer);
    overlong = overlong || word.width > max_width;
  }
  // A space between two styles takes the narrower one: after inline code, the
  // wide mono space would look like a gap.
  for (size_t k = 0; k + 1 < words.size(); ++k) {
    if (words[k].joint != Joint::Space) continue;
    const TextStyle& next = words[k + 1].parts.front().style;
    words[k].space = std::min(words[k].space, measurer.width(next.face, " ", next.size));
  }
  if (overlong) {
    std::vector<Word> fitted;
    fitted.reserve(words.size() + 8);
    for (Word& word : words) {
      if (word.width > max_width) {
        split_overlong(word, max_width, measurer, fitted);
      } else {
        fitted.push_back(std::move(word));
      }
    }
    words = std::move(fitted);
  }
  // A piece that fits only without its hyphen breaks there without one, so
  // that a line of one piece always fits.
  for (Word& word : words) {
    if (word.joint == Joint::Hyphen && word.width + word.hyphen > max_width) word.joint = Joint::Break;
  }
}

void prepare_words(std::vector<Word>& words, const BreakRules& rules, double max_width,
                   TextMeasurer& measurer, Hyphenator& hyphenator) {
  if (rules.inside_words || rules.hyphenate) {
    std::vector<Word> pieces;
    pieces.reserve(words.size() + words.size() / 2);
    for (Word& w : words) cut_word(w, rules, hyphenator, pieces);
    words = std::move(pieces);
  }
  resolve_directions(words, rules.language);
  settle_italic_runs(words, measurer);
  measure_words(words, max_width, measurer);
}

}  // namespace broadsheet
