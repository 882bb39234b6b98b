// The typography bench (`make typography`): renders the sample and a generated
// corpus and measures the typesetting from the display list: overfull lines,
// inter-word spaces on justified lines, hyphen ladders, widows, orphans, and
// the missing-glyph warnings render_pdf returns.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "corpus.h"
#include "diag/diagnostics.h"
#include "doc/document.h"
#include "env/fonts.h"
#include "input/load.h"
#include "model/days.h"
#include "pdf/haru_fonts.h"
#include "pdf/write_pdf.h"
#include "style/page_geometry.h"
#include "style/style.h"

namespace broadsheet::bench {

namespace {

/// One composed line, gathered from its Text items.
struct LineInfo {
  double y = 0, left = 0, right = 0;     // the line box
  double ink_left = 1e9, ink_right = -1e9;
  unsigned char role = 0;
  double space_ratio = 0;                // word space / natural space; 0 = not justified
  double tracking = 0;                   // letter-spacing, em per glyph
  std::string last_text;                 // the rightmost item's text
};

struct Figures {
  size_t pages = 0, lines = 0, overfull = 0, widows = 0, orphans = 0, ladders = 0, warnings = 0;
  size_t ragged = 0;                     // lines of justified paragraphs, not their last, short of an edge
  size_t holes = 0;                      // columns ending > 20 % short before an edition's last page
  size_t lonely = 0;                     // pages after the first holding one or two lines
  size_t editions = 0, worst_holes = 0;  // the edition with the most holes
  std::vector<double> ratios, tracking;  // tracking: of letter-spaced lines only
  double seconds = 0;
};

std::vector<LineInfo> page_lines(const Page& page, TextMeasurer& measurer) {
  std::map<std::pair<long, long>, LineInfo> lines;  // (y, left) in 1/100 pt
  for (const PageItem& item : page.items) {
    if (item.kind != ItemKind::Text || item.line_role == 0) continue;
    LineInfo& l = lines[{std::lround(-item.y * 100), std::lround(item.line_left * 100)}];
    l.y = item.y;
    l.left = item.line_left;
    l.right = item.line_right;
    l.role = item.line_role;
    l.ink_left = std::min(l.ink_left, item.x);
    if (item.x + item.w > l.ink_right) l.last_text = item.text;
    l.ink_right = std::max(l.ink_right, item.x + item.w);
    if (item.char_space > 0) l.tracking = std::max(l.tracking, item.char_space / item.size);
    if (item.word_gap > 0) {
      double natural = measurer.width(item.face, " ", item.size);
      l.space_ratio = std::max(l.space_ratio, item.word_gap / natural);
    }
  }
  std::vector<LineInfo> out;
  for (auto& [key, line] : lines) out.push_back(line);
  return out;  // top to bottom
}

// Columns are told apart by the right edge of their line boxes (an indent
// moves the left edge; a quote's right indent is far smaller than a column).
std::vector<std::vector<LineInfo>> columns_of(std::vector<LineInfo> lines) {
  std::stable_sort(lines.begin(), lines.end(), [](const LineInfo& a, const LineInfo& b) { return a.right < b.right; });
  std::vector<std::vector<LineInfo>> columns;
  for (const LineInfo& l : lines) {
    if (columns.empty() || l.right - columns.back().back().right > 40) columns.emplace_back();
    columns.back().push_back(l);
  }
  for (auto& c : columns) {
    std::stable_sort(c.begin(), c.end(), [](const LineInfo& a, const LineInfo& b) { return a.y > b.y; });
  }
  return columns;
}

void count_column(const std::vector<LineInfo>& column, Figures& f) {
  const LineInfo& top = column.front();
  const LineInfo& bottom = column.back();
  if ((top.role & kParagraphLastLine) && !(top.role & kParagraphFirstLine)) ++f.widows;
  if ((bottom.role & kParagraphFirstLine) && !(bottom.role & kParagraphLastLine)) ++f.orphans;
  int run = 0;
  for (const LineInfo& l : column) {
    bool hyphenated = !l.last_text.empty() && l.last_text.back() == '-';
    run = hyphenated ? run + 1 : 0;
    if (run == 3) ++f.ladders;  // a run of three or more counts once
  }
}

// A column is short when its lowest line stands more than a fifth of the text
// block above the foot (as /work/shared/tools/pdf_typo_check.py counts from the
// PDF); a column left empty on a page that has text is short too. The front
// matter and an edition's last page are not counted. A line
// counts for every column its box overlaps (a lead's head spans them).
size_t short_columns(const std::vector<LineInfo>& lines, const PageGeometry& geometry, size_t page) {
  constexpr double kHoleShare = 0.2;
  const double limit = geometry.text_bottom + kHoleShare * geometry.text_height() + geometry.text_height() / 40;
  size_t holes = 0;
  for (int c = 0; c < geometry.columns; ++c) {
    const double left = geometry.column_left(page, c), right = left + geometry.column_width;
    double lowest = geometry.text_top;
    for (const LineInfo& l : lines) {
      if (l.right > left + 1 && l.left < right - 1) lowest = std::min(lowest, l.y);
    }
    holes += lowest > limit;
  }
  return holes;
}

// A line a justified paragraph sets that does not reach both edges of its box
// (by its ink, a point's tolerance for the side bearings of the end glyphs).
bool ragged(const LineInfo& l) {
  constexpr double kEdge = 1;
  return (l.role & kJustifiedLine) && (l.ink_right < l.right - kEdge || l.ink_left > l.left + kEdge);
}

void measure(const PageSet& set, const PageGeometry& geometry, TextMeasurer& measurer, Figures& f) {
  f.pages += set.pages.size();
  ++f.editions;
  size_t holes = 0;
  for (size_t p = 0; p < set.pages.size(); ++p) {
    const Page& page = set.pages[p];
    std::vector<LineInfo> lines = page_lines(page, measurer);
    const bool inner = p >= std::max<size_t>(set.front_pages, 1) && p + 1 < set.pages.size();
    if (p > 0 && !lines.empty() && lines.size() <= 2) ++f.lonely;
    if (inner && !lines.empty()) holes += short_columns(lines, geometry, p);
    f.lines += lines.size();
    for (const LineInfo& l : lines) {
      if (l.ink_right > l.right + 0.01 || l.ink_left < l.left - 0.01) ++f.overfull;
      if (l.space_ratio > 0) f.ratios.push_back(l.space_ratio);
      if (l.tracking > 0) f.tracking.push_back(l.tracking);
      if (ragged(l)) ++f.ragged;
    }
    for (const auto& column : columns_of(lines)) count_column(column, f);
  }
  f.holes += holes;
  f.worst_holes = std::max(f.worst_holes, holes);
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1];
}

void print(const std::string& name, const Figures& f) {
  std::printf("%-28s %6zu pages %7zu lines  overfull %zu  word space p50 %.2f p95 %.2f max %.2f  "
              "ladders(3+) %zu  widows %zu  orphans %zu  glyph warnings %zu  "
              "letter-spaced %zu (p95 %.3f max %.3f em)  ragged lines %zu  "
              "short columns %zu (worst edition %zu of %zu editions)  pages of 1-2 lines %zu  render %.2f s\n",
              name.c_str(), f.pages, f.lines, f.overfull, percentile(f.ratios, 0.5),
              percentile(f.ratios, 0.95), f.ratios.empty() ? 0 : *std::max_element(f.ratios.begin(), f.ratios.end()),
              f.ladders, f.widows, f.orphans, f.warnings, f.tracking.size(), percentile(f.tracking, 0.95),
              f.tracking.empty() ? 0 : *std::max_element(f.tracking.begin(), f.tracking.end()), f.ragged,
              f.holes, f.worst_holes, f.editions, f.lonely, f.seconds);
}

// Every edition of the digest, rendered and measured.
Figures run_digest(const Digest& digest, const Style& style, const FontFiles& fonts) {
  Figures f;
  HaruDoc haru;  // for natural space widths, set up as write_pdf sets its own
  HPDF_UseUTFEncodings(haru.get());
  HPDF_SetCurrentEncoder(haru.get(), "UTF-8");
  FontBook book(haru, fonts);
  HaruMeasurer measurer(book);
  for (Edition& edition : split_days(digest, DayFilter{})) {
    edition.build_time = choose_build_time(edition, std::nullopt);
    Document doc = build_document(edition);
    auto start = std::chrono::steady_clock::now();
    PdfResult pdf = render_pdf(doc, style, fonts);
    f.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    f.warnings += pdf.warnings.size();
    for (const Diagnostic& w : pdf.warnings) std::cerr << "  warning: " << w.message << "\n";
    measure(pdf.pages, page_geometry(style), measurer, f);
  }
  return f;
}

int main_typography(int argc, char** argv) {
  std::string style_name = argc > 1 ? argv[1] : "classic";
  int articles = argc > 2 ? std::stoi(argv[2]) : 1000;
  Diagnostics diags;
  Style style = load_style(style_name, std::string(BROADSHEET_BUILT_STYLES), diags);
  Digest sample = load_digests({std::string(BROADSHEET_SOURCE_DIR) + "/examples/world-brief.yaml"}, diags);
  Digest corpus = parse_digest("typography-corpus.yaml", typography_corpus(articles), diags);
  if (diags.has_errors()) {
    std::cerr << diags.format() << "typography: the style, sample or corpus has errors\n";
    return 1;
  }
  FontFiles fonts = find_fonts(style.fonts);
  std::printf("style %s: %d column(s), %.1f pt body on %.1f pt leading\n", style.name.c_str(), style.columns,
              style.body_size, style.body_leading);
  print("sample (world-brief.yaml)", run_digest(sample, style, fonts));
  print("corpus (" + std::to_string(articles) + " articles)", run_digest(corpus, style, fonts));
  return 0;
}

}  // namespace

}  // namespace broadsheet::bench

int main(int argc, char** argv) { return broadsheet::bench::main_typography(argc, argv); }
