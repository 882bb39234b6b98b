// Line breaking through a fake measurer (every code point 0.5 em): total-fit
// against first-fit on a known paragraph, exact right edges, forced breaks,
// the emergency pass, force-broken giant words, CJK and URLs, and the time of
// a 2 MB paragraph (printed, not asserted).
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "typeset/break_points.h"
#include "typeset/hyphenate.h"
#include "typeset/linebreak.h"

#include "fake_measurer.h"

using namespace broadsheet;

namespace {


// The paragraph Knuth and Plass (1981) break in their paper.
const char* const kFrogKing =
    "In olden times when wishing still helped one, there lived a king whose daughters were all "
    "beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was "
    "astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, "
    "and under an old lime-tree in the forest was a well, and when the day was very warm, the "
    "king's child went out into the forest and sat down by the side of the cool fountain; and when "
    "she was bored she took a golden ball, and threw it up on high and caught it; and this ball was "
    "her favorite plaything.";

TextStyle body() { return TextStyle{FontFace{}, 10, {}, {}}; }

std::vector<Word> prepared(const std::string& text, double width, BreakRules rules = {}) {
  HalfEm m;
  Hyphenator hyphenator;
  std::vector<Word> words = collect_words(text, body());
  prepare_words(words, rules, width, m, hyphenator);
  return words;
}

struct Spacing {
  double max_ratio = 0, sum_squares = 0;
};

Spacing spacing(const std::vector<Word>& words, const std::vector<Line>& lines, double width) {
  Spacing s;
  for (const Line& line : lines) {
    double r = adjustment_ratio(words, line, width);
    s.max_ratio = std::max(s.max_ratio, std::abs(r));
    s.sum_squares += r * r;
  }
  return s;
}

// Every word appears once, in order, across the lines.
void check_cover(const std::vector<Word>& words, const std::vector<Line>& lines) {
  size_t next = 0;
  for (const Line& line : lines) {
    CHECK(line.begin == next);
    CHECK(line.end > line.begin);
    next = line.end;
  }
  CHECK(next == words.size());
}

double right_edge(const std::vector<PageItem>& items) {
  double edge = 0;
  for (const PageItem& item : items) {
    if (item.kind == ItemKind::Text) edge = std::max(edge, item.x + item.w);
  }
  return edge;
}

}  // namespace

TEST_CASE("linebreak: total-fit spaces the Frog King more evenly than first-fit") {
  const double width = 180;  // 36 characters
  std::vector<Word> words = prepared(kFrogKing, width);
  std::vector<Line> greedy = break_lines(words, {width, width}, LineBreaker::FirstFit);
  std::vector<Line> total = break_lines(words, {width, width}, LineBreaker::TotalFit);
  check_cover(words, greedy);
  check_cover(words, total);
  Spacing g = spacing(words, greedy, width), t = spacing(words, total, width);
  MESSAGE("first-fit max |r| " << g.max_ratio << " sum r^2 " << g.sum_squares << "; total-fit max |r| "
                                << t.max_ratio << " sum r^2 " << t.sum_squares);
  CHECK(t.max_ratio < g.max_ratio);
  CHECK(t.sum_squares < g.sum_squares);
  for (const Line& line : total) {
    CHECK(adjustment_ratio(words, line, width) >= -1);  // shrinks no more than the glue allows
    CHECK(right_edge(set_line(words, line, {0, 0, width, Align::Justify})) <= width + 1e-9);
  }
}

// A loose line: spaces to 1.5 times first, then letters within the limit, then
// spaces again; past max_word_space the line is set ragged and says so.
TEST_CASE("linebreak: letter-spacing and the ragged fallback of loose lines") {
  std::vector<Word> words = prepared("aaaa bbbb cccc", 1000);
  allow_tracking(words, 0.02);
  CHECK(words[0].tracking == doctest::Approx(4 * 0.02 * 10));
  Line line{0, words.size(), natural_width(words, 0, words.size()), false};  // 70 wide, spaces 5
  LineFill slight = fill_line(words, line, 72);  // slack 2 < spaces' half: spaces only
  CHECK(slight.char_space == 0);
  CHECK(slight.ratio == doctest::Approx(0.4));
  LineFill loose = fill_line(words, line, 80);   // slack 10: 5 to spaces, 2.2 to 11 letter gaps
  CHECK(loose.char_space == doctest::Approx(0.2));
  CHECK(loose.ratio == doctest::Approx((10 - 2.2) / 5));
  std::vector<PageItem> items = set_line(words, line, {0, 0, 80, Align::Justify});
  REQUIRE(items.size() == 1);
  CHECK(items[0].char_space == doctest::Approx(0.2));
  CHECK(items[0].x + items[0].w == doctest::Approx(80));  // ink ends at the edge
  // Far too loose for any style's max_word_space, and still justified: a
  // ragged line inside a justified paragraph reads as an error.
  items = set_line(words, line, {0, 0, 90, Align::Justify});
  CHECK(items[0].x + items[0].w == doctest::Approx(90));
  CHECK((items[0].line_role & kJustifiedLine) != 0);
  line.last = true;
  items = set_line(words, line, {0, 0, 90, Align::Justify});
  CHECK((items[0].line_role & kJustifiedLine) == 0);  // a paragraph's last line stays short
}

TEST_CASE("linebreak: justified lines end exactly at the width, the last is ragged") {
  const double width = 200;
  std::vector<Word> words = prepared(kFrogKing, width, BreakRules{"en", true, true});
  std::vector<Line> lines = break_lines(words, {width - 15, width});
  REQUIRE(lines.size() > 5);
  for (size_t i = 0; i < lines.size(); ++i) {
    double x = i == 0 ? 15 : 0, w = i == 0 ? width - 15 : width;
    std::vector<PageItem> items = set_line(words, lines[i], {x, 0, w, Align::Justify});
    CHECK(adjustment_ratio(words, lines[i], w) >= -1);
    if (i + 1 < lines.size()) {
      CHECK(right_edge(items) == doctest::Approx(width).epsilon(1e-12));
    } else {
      CHECK(lines[i].last);
      CHECK(right_edge(items) < width);
      for (const PageItem& item : items) CHECK(item.word_gap == 0);
    }
  }
}

TEST_CASE("linebreak: forced breaks are honoured by both breakers") {
  std::vector<Word> words = prepared("one two three four five six", 100);
  words[1].break_after = true;  // after "two"
  for (LineBreaker b : {LineBreaker::FirstFit, LineBreaker::TotalFit}) {
    std::vector<Line> lines = break_lines(words, {100, 100}, b);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].end == 2);
    CHECK(lines[0].last);
    CHECK(lines[1].last);
  }
}

TEST_CASE("linebreak: the emergency pass on an impossible width never overflows") {
  const double width = 22;  // four characters and a bit: nothing fits well
  std::vector<Word> words = prepared(kFrogKing, width, BreakRules{"en", true, true});
  std::vector<Line> lines = total_fit(words, {width, width});
  REQUIRE_FALSE(lines.empty());
  check_cover(words, lines);
  for (const Line& line : lines) CHECK(line.natural <= width + 1e-9);
}

TEST_CASE("linebreak: a 50,000-character word is broken by force within the width") {
  std::vector<Word> words = prepared("before " + std::string(50000, 'x') + " after", 300);
  std::vector<Line> lines = break_lines(words, {300, 300});
  check_cover(words, lines);
  size_t characters = 0;
  for (const Line& line : lines) {
    CHECK(line.natural <= 300 + 1e-9);
    for (size_t k = line.begin; k < line.end; ++k) characters += words[k].parts[0].text.size();
  }
  CHECK(characters == 50000 + 6 + 5);
}

TEST_CASE("linebreak: CJK wraps between characters and justifies") {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "日本語の文章は空白なしで書かれる。";
  const double width = 103;  // 20.6 characters of 5 pt
  std::vector<Word> words = prepared(text, width, BreakRules{"ja", true, true});
  CHECK(words.size() > 150);  // one piece per character, nearly
  std::vector<Line> lines = break_lines(words, {width, width});
  REQUIRE(lines.size() > 8);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::vector<PageItem> items = set_line(words, lines[i], {0, 0, width, Align::Justify});
    CHECK(right_edge(items) == doctest::Approx(width));
    CHECK(items.front().text.rfind("。", 0) != 0);  // no line starts with a full stop (UAX #14)
  }
}

TEST_CASE("linebreak: a URL breaks after its slashes, without hyphens") {
  std::string url = "https://example.org/register/information/winter-timetable?lang=en";
  std::vector<Word> words = prepared("See " + url + " for details.", 110, BreakRules{"en", true, true});
  std::vector<Line> lines = break_lines(words, {110, 110});
  REQUIRE(lines.size() > 2);
  std::string joined;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Word& last = words[lines[i].end - 1];
    CHECK(last.joint != Joint::Hyphen);
    std::vector<PageItem> items = set_line(words, lines[i], {0, 0, 110, Align::Left});
    CHECK(right_edge(items) <= 110 + 1e-9);
    for (const PageItem& item : items) joined += item.text;
  }
  CHECK(joined.find(url) != std::string::npos);  // nothing drawn that is not in the URL
  const Word& first_end = words[lines[0].end - 1];
  CHECK(first_end.parts.back().text.back() == '/');
}

TEST_CASE("linebreak: a 2 MB paragraph completes (time printed)") {
  std::string text;
  while (text.size() < 2'000'000) text += kFrogKing + std::string(" ");
  for (LineBreaker b : {LineBreaker::FirstFit, LineBreaker::TotalFit}) {
    auto start = std::chrono::steady_clock::now();
    std::vector<Word> words = prepared(text, 240, BreakRules{"en", true, true});
    std::vector<Line> lines = break_lines(words, {240, 240}, b);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    MESSAGE((b == LineBreaker::TotalFit ? "total-fit" : "first-fit") << ": " << words.size() << " pieces, "
            << lines.size() << " lines in " << seconds << " s");
    check_cover(words, lines);
  }
}

namespace {

// "a <u>bc de</u> <s>f</s>x<sup>2</sup>" as the document tree holds it.
std::vector<Inline> decorated_inlines() {
  auto text = [](const char* t) { return Inline{InlineKind::Text, t, {}, {}}; };
  return {text("a "), Inline{InlineKind::Underline, {}, {}, {text("bc de")}}, text(" "),
          Inline{InlineKind::Strike, {}, {}, {text("f")}}, text("x"),
          Inline{InlineKind::Superscript, {}, {}, {text("2")}}};
}

}  // namespace

TEST_CASE("linebreak: underline runs under its spaces, strike crosses, superscript rises") {
  HalfEm m;
  Hyphenator hyphenator;
  std::vector<Word> words = collect_words(decorated_inlines(), InlineStyles{body(), 0.9, {}});
  prepare_words(words, BreakRules{}, 500, m, hyphenator);
  std::vector<Line> lines = break_lines(words, {500, 500});
  REQUIRE(lines.size() == 1);
  std::vector<PageItem> items = set_line(words, lines[0], {0, 100, 500, Align::Left});
  std::vector<PageItem> rules;
  const PageItem* sup = nullptr;
  for (const PageItem& item : items) {
    if (item.kind == ItemKind::Rule) rules.push_back(item);
    if (item.kind == ItemKind::Text && item.text == "2") sup = &item;
  }
  REQUIRE(rules.size() == 2);
  // Underline: from "bc" (x = 10, after "a" and a 5 pt space) to the end of "de",
  // one rule across the space, below the baseline.
  CHECK(rules[0].x == doctest::Approx(10));
  CHECK(rules[0].w == doctest::Approx(25));  // "bc de" = 5 code points of 5 pt
  CHECK(rules[0].y < 100);
  // Strike: through "f" only (x = 40), above the baseline.
  CHECK(rules[1].x == doctest::Approx(40));
  CHECK(rules[1].w == doctest::Approx(5));
  CHECK(rules[1].y > 100);
  REQUIRE(sup != nullptr);
  CHECK(sup->y > 100);
  CHECK(sup->size < 10);
}

TEST_CASE("linebreak: a flag (two regional indicators) is one unbreakable token, not an abort") {
  // libunibreak 1.1 asserts on the regional-indicator class; asked as letters,
  // the flag stays whole and what follows keeps its usual opportunities.
  CHECK(break_opportunities("\U0001F1E6\U0001F1FF", "az").empty());
  const std::string flags = "\U0001F1E6\U0001F1FF/\U0001F1F9\U0001F1F7";
  CHECK(break_opportunities(flags, "az") == std::vector<std::size_t>{9});
}

// One rule shares a loose line's slack, for the breaker and the setter alike.
TEST_CASE("linebreak: letters take the slack the spaces leave past 1.5 times, up to their room") {
  CHECK(letters_share(3, 5, 2) == 0);                         // spaces alone: 1.3 times
  CHECK(letters_share(6, 5, 2) == doctest::Approx(1));        // spaces at 1.5 times, letters the rest
  CHECK(letters_share(10, 5, 2) == doctest::Approx(2));       // letters full; spaces stretch again
  CHECK(letters_share(10, 5, 0) == 0);                        // letters that may not move
}

// The breaker judges a line by the spaces it has once its letters moved: with
// max_word_space it finds a breaking whose every line but the last keeps its
// spaces within the limit, where the spaces alone would need more.
TEST_CASE("linebreak: total-fit keeps spaces within max_word_space, letter-spacing counted") {
  const double width = 170;
  std::vector<Word> words = prepared(kFrogKing, width, BreakRules{"en", true, true});
  allow_tracking(words, 0.035);
  std::vector<Line> lines = total_fit(words, {width, width}, false, 2);
  REQUIRE(lines.size() > 5);
  for (const Line& line : lines) {
    if (line.last) continue;
    LineFill fill = fill_line(words, line, width);
    CHECK(1 + fill.ratio * kSpaceStretch <= 2 + 1e-6);
  }
}
