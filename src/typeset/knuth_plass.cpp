// Total-fit line breaking after Knuth & Plass, "Breaking Paragraphs into
// Lines" (Software—Practice and Experience 11, 1981): active breakpoints, one
// best node per fitness class and hyphen run at each feasible break, demerits
// as in TeX, of the spaces a line would have once its letters took their
// share of the slack (letters_share: letter-spacing counts as stretch). Normal
// passes first, the last of them as loose as the style's max_word_space
// allows; emergency passes admit any line that does not overflow, so that
// every paragraph gets lines, and weigh looseness uncapped, so that a loose
// stretch is shared out (TeX's \emergencystretch) rather than left on one line.
// Every line is then justified, however loose: a ragged line inside a
// justified paragraph reads as an error.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "typeset/linebreak.h"

namespace broadsheet {

namespace {

// Parameters of the 1981 paper, with TeX's defaults where TeX has one.
constexpr double kLinePenalty = 10;             // TeX \linepenalty
constexpr double kHyphenPenalty = 50;           // TeX \hyphenpenalty
constexpr double kInnerBreakPenalty = 100;      // inside a URL or compound: worse than a hyphen
constexpr double kDoubleHyphenDemerits = 10000; // TeX \doublehyphendemerits
constexpr double kFinalHyphenDemerits = 50000;  // TeX \finalhyphendemerits is 5000; we want none
constexpr double kAdjacentDemerits = 10000;     // TeX \adjdemerits: fitness classes 2 apart
constexpr double kInfiniteBadness = 10000;      // TeX's inf_bad, the cap of normal passes
constexpr double kPreTolerance = 100;           // TeX \pretolerance: the first pass, without hyphens
constexpr double kNormalTolerance = 400;        // badness up to r ~ 1.6 (newspaper columns are narrow)
constexpr int kMaxHyphenRun = 2;                // at most two hyphenated lines in a row
constexpr double kRaggedStretch = 0.2;          // ragged lines: rag up to a fifth of the width is fine
constexpr double kEpsilon = 1e-9;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

enum Fitness { VeryLoose = 0, Loose = 1, Decent = 2, Tight = 3 };

// TeX's order: first try without hyphenating at all (most paragraphs of a
// wide column succeed), then with hyphens, then with hyphens up to the style's
// max_word_space, then an emergency pass that takes any line that does not
// overflow. In the emergency pass badness dwarfs the
// hyphen demerits, so the hyphen rules become bars there; only a last resort
// drops them.
struct Pass {
  double tolerance = kNormalTolerance;
  bool hyphens = true;         // may lines end at hyphenation points?
  bool bar_runs = true;        // no third hyphenated line in a row
  bool bar_final = false;      // no hyphen on the line before the last
  bool ragged = false;         // spaces keep their width; each line stretches at its end instead
};

constexpr size_t kLoosePass = 2;  // its tolerance comes from the style's max_word_space
constexpr Pass kPasses[] = {
    {.tolerance = kPreTolerance, .hyphens = false},
    {.tolerance = kNormalTolerance},
    {.tolerance = kNormalTolerance},  // kLoosePass
    {.tolerance = kInfinity, .bar_final = true},
    {.tolerance = kInfinity, .bar_runs = false},
};

/// A feasible break: the line before it ends at word position - 1.
struct Node {
  size_t position = 0;     // first word of the next line
  size_t line = 0;         // lines before the break
  int fitness = Decent;    // of the line that ends here
  int hyphen_run = 0;      // consecutive hyphenated lines ending here
  double demerits = 0;     // total, from the paragraph start
  int previous = -1;       // node index of the break before, -1 for the start
};

/// A candidate break at the current position, best per (fitness, run) key.
struct Candidate {
  double demerits = kInfinity;
  int from = -1;
};

int fitness_of(double ratio) {
  if (ratio > 1) return VeryLoose;
  if (ratio > 0.5) return Loose;
  if (ratio >= -0.5) return Decent;
  return Tight;
}

// |r|³ by multiplication: std::pow was 4 % of a whole PDF build. (The last bit
// may differ from pow's; the 1,000-article benchmark lays out identically.)
double cube_of_abs(double ratio) {
  double a = std::abs(ratio);
  return a * a * a;
}

double badness(double ratio) {
  if (ratio == kInfinity) return kInfiniteBadness;
  return std::min(kInfiniteBadness, 100 * cube_of_abs(ratio));
}

// The badness of a line whose widest space is max_word_space times its width
// (0: no limit, the normal tolerance).
double tolerance_for(double max_word_space) {
  if (max_word_space <= 1) return kNormalTolerance;
  return std::max(kNormalTolerance, badness((max_word_space - 1) / kSpaceStretch));
}

// In the emergency passes every line is feasible, and TeX's cap at 10000 would
// make a line with one word spread across the column cost no more than one a
// little too loose; uncapped, the looseness is shared out instead (the effect
// TeX gets from \emergencystretch).
double emergency_badness(double ratio) {
  constexpr double kNoGlue = 1e9;  // a line with nothing to stretch
  return ratio == kInfinity ? kNoGlue : 100 * cube_of_abs(ratio);
}

double penalty_of(const Word& w, bool forced) {
  if (forced) return -kInfinity;
  switch (w.joint) {
    case Joint::Hyphen: return kHyphenPenalty;
    case Joint::Break: return kInnerBreakPenalty;
    case Joint::Space:
    case Joint::Letter: return 0;
  }
  return 0;
}

class TotalFit {
 public:
  TotalFit(const std::vector<Word>& words, const LineWidths& widths, Pass pass)
      : words_(words), widths_(widths), pass_(pass) {
    sum_widths();
  }

  /// False when some stretch of text has no feasible break (the pass failed).
  bool run() {
    nodes_.push_back(Node{});
    active_.push_back(0);
    for (size_t e = 0; e < words_.size(); ++e) {
      try_breaks_after(e);
      if (active_.empty()) return false;
    }
    return true;
  }

  std::vector<Line> lines() const;

 private:
  void sum_widths();
  double slack(size_t start, size_t end_word, double width) const;
  double ratio(size_t start, size_t end_word, bool last, double width) const;
  double letter_room(size_t start, size_t end_word) const;
  void try_breaks_after(size_t e);
  double demerits(const Node& from, double ratio, size_t e, bool forced) const;
  void add_nodes(size_t e, const std::array<Candidate, 12>& best);

  const std::vector<Word>& words_;
  const LineWidths& widths_;
  Pass pass_;
  // Prefix sums over words of box width plus the glue after it.
  std::vector<double> width_, stretch_, shrink_;
  // Prefix sums of the letters' tracking, and of the words whose letters may
  // not move (which keep a whole line's put).
  std::vector<double> tracking_;
  std::vector<size_t> fixed_letters_;
  std::vector<Glue> glue_;
  std::vector<Node> nodes_;
  std::vector<int> active_;  // node indexes, oldest first
};

void TotalFit::sum_widths() {
  size_t n = words_.size();
  width_.assign(n + 1, 0);
  stretch_.assign(n + 1, 0);
  shrink_.assign(n + 1, 0);
  tracking_.assign(n + 1, 0);
  fixed_letters_.assign(n + 1, 0);
  glue_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    glue_[k] = glue_after(words_[k]);
    width_[k + 1] = width_[k] + words_[k].width + glue_[k].width;
    stretch_[k + 1] = stretch_[k] + glue_[k].stretch;
    shrink_[k + 1] = shrink_[k] + glue_[k].shrink;
    tracking_[k + 1] = tracking_[k] + words_[k].tracking;
    fixed_letters_[k + 1] = fixed_letters_[k] + (words_[k].tracking <= 0 ? 1 : 0);
  }
}

// Width minus natural width of the line words[start..end_word]: the glue after
// its last word is dropped and the hyphen, if any, added.
double TotalFit::slack(size_t start, size_t end_word, double width) const {
  double natural = width_[end_word + 1] - width_[start] - glue_[end_word].width + break_width(words_[end_word]);
  return width - natural;
}

// Adjustment ratio of the line words[start..end_word]: the glue after its
// last word is dropped and the hyphen, if any, added. A last line has
// infinite stretch (TeX's \parfillskip), so it is never loose. Ragged lines
// never shrink, and stretch like TeX's \rightskip of a fixed amount.
double TotalFit::ratio(size_t start, size_t end_word, bool last, double width) const {
  const Glue& dropped = glue_[end_word];
  double slack = this->slack(start, end_word, width);
  if (pass_.ragged) return slack < -kEpsilon ? -kInfinity : last ? 0 : slack / (kRaggedStretch * width);
  if (slack >= -kEpsilon) {
    if (last) return 0;
    double stretch = stretch_[end_word + 1] - stretch_[start] - dropped.stretch;
    if (slack <= kEpsilon) return 0;
    if (stretch <= kEpsilon) return kInfinity;
    return (slack - letters_share(slack, stretch, letter_room(start, end_word))) / stretch;
  }
  double shrink = shrink_[end_word + 1] - shrink_[start] - dropped.shrink;
  return shrink > kEpsilon ? slack / shrink : -kInfinity;
}

// What letter-spacing may add to the line words[start..end_word]: nothing if
// one of its words keeps its letters put (fill_line leaves the whole line
// then). The last glyph's tracking, which fill_line leaves unused, is counted:
// a few hundredths of a point.
double TotalFit::letter_room(size_t start, size_t end_word) const {
  if (fixed_letters_[end_word + 1] != fixed_letters_[start]) return 0;
  return tracking_[end_word + 1] - tracking_[start];
}

// Demerits of the line from `from` to a break after word e (Knuth & Plass
// 1981, eq. 3 as in TeX): (l + b)^2 + p^2 for p >= 0, (l + b)^2 - p^2 for
// finite p < 0, (l + b)^2 for forced breaks; then the extra demerits for two
// hyphens in a row, a hyphen before the last line, and fitness classes that
// jump by more than one.
double TotalFit::demerits(const Node& from, double r, size_t e, bool forced) const {
  double p = penalty_of(words_[e], forced);
  double d = kLinePenalty + (pass_.tolerance == kInfinity ? emergency_badness(r) : badness(r));
  d *= d;
  if (p > 0) d += p * p;
  if (p < 0 && p > -kInfinity) d -= p * p;
  bool hyphen = !forced && words_[e].joint == Joint::Hyphen;
  bool after_hyphen = from.hyphen_run > 0;
  if (hyphen && after_hyphen) d += kDoubleHyphenDemerits;
  if (forced && after_hyphen) d += kFinalHyphenDemerits;
  int fitness = forced && r == 0 ? Decent : fitness_of(r);
  if (from.previous >= 0 && std::abs(fitness - from.fitness) > 1) d += kAdjacentDemerits;
  return d;
}

void TotalFit::try_breaks_after(size_t e) {
  bool forced = words_[e].break_after || e + 1 == words_.size();
  bool hyphen = !forced && words_[e].joint == Joint::Hyphen;
  if (hyphen && !pass_.hyphens) return;
  std::array<Candidate, 12> best{};  // key: fitness * 3 + min(run, 2)
  size_t kept = 0;
  for (int index : active_) {
    const Node& a = nodes_[static_cast<size_t>(index)];
    double r = ratio(a.position, e, forced, widths_.at(a.line));
    if (r < -1) continue;  // overfull, and only gets worse: deactivate
    active_[kept++] = index;
    if (badness(r) > pass_.tolerance) continue;
    if (pass_.bar_runs && hyphen && a.hyphen_run >= kMaxHyphenRun) continue;
    if (pass_.bar_final && forced && a.hyphen_run > 0) continue;
    int run = hyphen ? a.hyphen_run + 1 : 0;
    int fitness = forced && r == 0 ? Decent : fitness_of(r);
    Candidate& slot = best[static_cast<size_t>(fitness * 3 + std::min(run, 2))];
    double total = a.demerits + demerits(a, r, e, forced);
    if (total < slot.demerits) slot = {total, index};
  }
  active_.resize(kept);
  if (forced) active_.clear();  // nothing may jump over a forced break
  add_nodes(e, best);
}

// Knuth and Plass keep a candidate only if it is within the adjacent-class
// demerits of the best one: no later line can make up a larger gap.
void TotalFit::add_nodes(size_t e, const std::array<Candidate, 12>& best) {
  double least = kInfinity;
  for (const Candidate& c : best) least = std::min(least, c.demerits);
  for (size_t key = 0; key < best.size(); ++key) {
    const Candidate& c = best[key];
    if (c.from < 0 || c.demerits > least + kAdjacentDemerits) continue;
    const Node& from = nodes_[static_cast<size_t>(c.from)];
    bool hyphen = words_[e].joint == Joint::Hyphen && !words_[e].break_after && e + 1 < words_.size();
    Node node{e + 1, from.line + 1, static_cast<int>(key / 3), hyphen ? from.hyphen_run + 1 : 0, c.demerits, c.from};
    active_.push_back(static_cast<int>(nodes_.size()));
    nodes_.push_back(node);
  }
}

std::vector<Line> TotalFit::lines() const {
  int best = -1;
  for (int index : active_) {
    if (best < 0 || nodes_[static_cast<size_t>(index)].demerits < nodes_[static_cast<size_t>(best)].demerits) {
      best = index;
    }
  }
  std::vector<Line> out;
  for (int at = best; at >= 0 && nodes_[static_cast<size_t>(at)].previous >= 0;) {
    const Node& node = nodes_[static_cast<size_t>(at)];
    size_t begin = nodes_[static_cast<size_t>(node.previous)].position;
    bool last = node.position == words_.size() || words_[node.position - 1].break_after;
    out.push_back(Line{begin, node.position, natural_width(words_, begin, node.position), last});
    at = node.previous;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace

std::vector<Line> total_fit(const std::vector<Word>& words, const LineWidths& widths, bool ragged,
                            double max_word_space) {
  const double loose = tolerance_for(max_word_space);
  for (size_t k = 0; k < std::size(kPasses); ++k) {
    Pass pass = kPasses[k];
    if (k == kLoosePass) {
      if (loose <= kNormalTolerance) continue;  // the pass before was the same
      pass.tolerance = loose;
    }
    pass.ragged = ragged;
    TotalFit breaker(words, widths, pass);
    if (breaker.run()) return breaker.lines();
  }
  return {};
}

}  // namespace broadsheet
