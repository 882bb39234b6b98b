// Layout through a fake measurer (every code point 0.5 em): line widths,
// justification, force-broken words, contents page numbers and links,
// outline entries, keep-with-next for headings, and empty bodies.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "layout/compose.h"
#include "layout/layout.h"
#include "typeset/paragraph.h"

#include "fake_measurer.h"

using namespace broadsheet;

namespace {


Inline text(const std::string& t) { return Inline{InlineKind::Text, t, {}, {}}; }

Block paragraph(const std::string& t) {
  Block b;
  b.kind = BlockKind::Paragraph;
  b.inlines = {text(t)};
  return b;
}

Block heading(const std::string& t) {
  Block b = paragraph(t);
  b.kind = BlockKind::Heading;
  b.level = 2;
  return b;
}

std::string lorem(int words) {
  static const char* kWords[] = {"the", "council", "met", "on", "Tuesday", "to", "discuss", "a",
                                 "budget", "of", "unusual", "size", "and", "scope"};
  std::string out;
  for (int i = 0; i < words; ++i) out += std::string(i ? " " : "") + kWords[i % 14];
  return out;
}

Document sample(int sections, int articles, int paragraphs) {
  Document doc;
  doc.meta.title = "Daily Digest";
  doc.long_date = "Wednesday, 6 November 2024";
  for (int s = 0; s < sections; ++s) {
    SectionDoc sec;
    sec.id = "s" + std::to_string(s + 1);
    sec.title = "Section " + std::to_string(s + 1);
    for (int a = 0; a < articles; ++a) {
      ArticleDoc art;
      art.title = "Article " + std::to_string(s + 1) + "." + std::to_string(a + 1);
      art.url = "https://example.org/" + std::to_string(a);
      for (int p = 0; p < paragraphs; ++p) {
        if (p % 4 == 3) art.body.push_back(heading("A heading"));
        art.body.push_back(paragraph(lorem(60 + p * 7)));
      }
      sec.articles.push_back(art);
    }
    doc.sections.push_back(sec);
  }
  return doc;
}

double right_margin_of(const Style& st, size_t page) {
  double left = page % 2 == 0 ? st.margin_inner : st.margin_outer;
  return left + st.page_width - st.margin_inner - st.margin_outer;
}

}  // namespace

TEST_CASE("layout: lines never exceed the width and justified lines end at the margin") {
  Style st;
  HalfEm m;
  PageSet set = layout(sample(2, 3, 9), st, m);
  REQUIRE(set.pages.size() > 2);
  int justified = 0;
  for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
    double right = right_margin_of(st, p);
    for (const PageItem& item : set.pages[p].items) {
      if (item.kind != ItemKind::Text) continue;
      CHECK(item.x + item.w <= right + 1e-6);
      if (item.word_gap > 0) {
        ++justified;
        CHECK(item.x + item.w == doctest::Approx(right).epsilon(1e-9));
      }
    }
  }
  CHECK(justified > 20);
}

TEST_CASE("layout: break_lines is first-fit and never returns an empty line") {
  HalfEm m;
  TextStyle st{FontFace{}, 10, {}, {}};
  std::vector<Word> words = collect_words("aaaa bbbb cccc dddd", st);  // 20 pt each, space 5
  measure_words(words, 50, m);
  std::vector<Line> lines = break_lines(words, {45, 45}, LineBreaker::FirstFit);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].end - lines[0].begin == 2);
  CHECK(lines[0].natural == doctest::Approx(45));
  CHECK(lines[1].last);
}

TEST_CASE("layout: a 50,000-character word is force-broken inside the margin") {
  Style st;
  HalfEm m;
  Document doc = sample(1, 1, 0);
  doc.sections[0].articles[0].body.push_back(paragraph(std::string(50000, 'x')));
  PageSet set = layout(doc, st, m);
  size_t pieces = 0;
  for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
    for (const PageItem& item : set.pages[p].items) {
      if (item.kind != ItemKind::Text) continue;
      CHECK(item.x + item.w <= right_margin_of(st, p) + 1e-6);
      if (item.text.find("xxxx") != std::string::npos) ++pieces;
    }
  }
  CHECK(pieces > 50000 * 5.25 / 483 - 2);
}

TEST_CASE("layout: contents page numbers and links match where articles start") {
  Style st;
  HalfEm m;
  Document doc = sample(3, 4, 6);
  PageSet set = layout(doc, st, m);
  // The contents fill page 0 or more; the articles may start below them.
  const size_t contents_pages = std::max<size_t>(set.front_pages, 1);
  std::vector<const OutlineEntry*> articles;
  for (const auto& e : set.outline) {
    if (e.level == 1) articles.push_back(&e);
  }
  REQUIRE(articles.size() == 12);
  std::vector<const PageItem*> links;
  for (size_t p = 0; p < contents_pages; ++p) {
    for (const PageItem& item : set.pages[p].items) {
      if (item.kind == ItemKind::Link && item.target && item.target->page >= 0) links.push_back(&item);
    }
  }
  REQUIRE(links.size() == 12);
  for (size_t i = 0; i < 12; ++i) {
    CHECK(links[i]->target->page == articles[i]->page);
    CHECK(links[i]->target->y == doctest::Approx(articles[i]->y));
    // The article's title is on that page, at that height.
    bool found = false;
    for (const PageItem& item : set.pages[static_cast<size_t>(articles[i]->page)].items) {
      found = found || (item.kind == ItemKind::Text && item.text == articles[i]->title &&
                        item.y < articles[i]->y && item.y > articles[i]->y - st.title_size * 1.2);
    }
    CHECK(found);
    // The printed number on the contents entry is the article page number.
    std::string number = std::to_string(articles[i]->page - static_cast<int>(set.front_pages) + 1);
    bool printed = false;
    for (const PageItem& item : set.pages[0].items) {
      printed = printed || (item.kind == ItemKind::Text && item.text == number &&
                            item.y >= links[i]->y && item.y <= links[i]->y + links[i]->h);
    }
    if (links[i]->target->page >= 0 && contents_pages == 1) CHECK(printed);
  }
}

TEST_CASE("layout: outline has sections then their articles, in order") {
  Style st;
  HalfEm m;
  PageSet set = layout(sample(2, 2, 2), st, m);
  REQUIRE(set.outline.size() == 6);
  CHECK(set.outline[0].level == 0);
  CHECK(set.outline[0].title == "Section 1");
  CHECK(set.outline[1].level == 1);
  CHECK(set.outline[1].title == "Article 1.1");
  CHECK(set.outline[3].title == "Section 2");
  for (size_t i = 1; i < set.outline.size(); ++i) CHECK(set.outline[i].page >= set.outline[i - 1].page);
}

TEST_CASE("layout: no heading is the last text of a page") {
  Style st;
  HalfEm m;
  PageSet set = layout(sample(2, 6, 16), st, m);
  for (size_t p = set.front_pages; p + 1 < set.pages.size(); ++p) {
    const PageItem* lowest = nullptr;
    for (const PageItem& item : set.pages[p].items) {
      bool body_text = item.kind == ItemKind::Text && item.y > st.margin_bottom;
      if (body_text && (!lowest || item.y < lowest->y)) lowest = &item;
    }
    REQUIRE(lowest);
    CHECK_FALSE((lowest->face.bold && lowest->face.role == FontRole::Heading));
  }
}

TEST_CASE("layout: an article with an empty body and no head fields works") {
  Style st;
  HalfEm m;
  Document doc;
  doc.sections.push_back(SectionDoc{"s1", "News", {ArticleDoc{}}});
  PageSet set = layout(doc, st, m);
  CHECK(set.pages.size() == 1);  // it starts below the contents, on the front page
  CHECK(set.front_pages == 0);
  CHECK(set.outline.size() == 2);
  Document empty;
  CHECK(layout(empty, st, m).pages.size() == 1);
}

TEST_CASE("layout: running heads, folios, and text without controls or soft hyphens") {
  Style st;
  HalfEm m;
  Document doc = sample(1, 2, 12);
  doc.sections[0].articles[0].body.push_back(paragraph("soft\u00ADhyphen tab\there\nnew line"));
  PageSet set = layout(doc, st, m);
  size_t total = set.pages.size() - set.front_pages;
  for (size_t p = 0; p < set.pages.size(); ++p) {
    bool folio = false;
    for (const PageItem& item : set.pages[p].items) {
      if (item.kind != ItemKind::Text) continue;
      for (unsigned char c : item.text) CHECK(c >= 0x20);
      CHECK(item.text.find("\u00AD") == std::string::npos);
      std::string expected = "page " + std::to_string(p - set.front_pages + 1) + " of " + std::to_string(total);
      folio = folio || item.text == expected;
    }
    // The front page has none, also when the first article starts on it.
    CHECK(folio == (p >= std::max<size_t>(set.front_pages, 1)));
  }
  std::string dump = dump_layout(set);
  CHECK(dump.find("softhyphen") != std::string::npos);
  CHECK(dump.rfind("size 595.3 841.9\npage 1\n", 0) == 0);
}

// --- columns, spans and keep rules ---------------------------------------

namespace {

Style three_columns() {
  Style st;
  st.columns = 3;
  st.gutter = 12;
  st.column_rule = true;
  st.body_size = 9;
  st.body_leading = 12;
  return st;
}

bool is_body_line(const PageItem& item, const Style& st) {
  return item.kind == ItemKind::Text && item.size == st.body_size && item.line_role != 0;
}

// The title of a sample's article 1.2 set at the column title size, or nullptr.
const PageItem* second_title(const std::vector<PageItem>& items, const Style& st) {
  auto title = std::find_if(items.begin(), items.end(), [&](const PageItem& i) {
    return i.text.find("1.2") != std::string::npos && i.size == st.title_size;
  });
  return title == items.end() ? nullptr : &*title;
}

// Two articles in one section: the first of `words` words (the larger, the
// lower on its page the second's head comes), the second of one paragraph
// of `second_words`.
Document second_after(int words, int second_words) {
  Document doc = sample(1, 2, 1);
  doc.sections[0].articles[0].body = {paragraph(lorem(words))};
  doc.sections[0].articles[1].body = {paragraph(lorem(second_words))};
  return doc;
}

// The body lines below a title on its page: the article's opening lines there.
size_t body_lines_below(const std::vector<PageItem>& items, const PageItem& title, const Style& st) {
  size_t below = 0;
  for (const PageItem& item : items) below += is_body_line(item, st) && item.y < title.y;
  return below;
}

}  // namespace

TEST_CASE("layout: three columns: body lines stay inside a column, rules stand in the gutters") {
  Style st = three_columns();
  HalfEm m;
  PageSet set = layout(sample(2, 4, 9), st, m);
  double column = (st.page_width - st.margin_inner - st.margin_outer - 2 * st.gutter) / 3;
  std::set<int> used;
  size_t rules = 0;
  for (size_t p = 0; p < set.pages.size(); ++p) {
    double left = p % 2 == 0 ? st.margin_inner : st.margin_outer;
    for (const PageItem& item : set.pages[p].items) {
      if (item.kind == ItemKind::Rule && item.w == 0 && item.size == doctest::Approx(0.4)) {
        double gap1 = left + column + st.gutter / 2, gap2 = gap1 + column + st.gutter;
        CHECK((item.x == doctest::Approx(gap1) || item.x == doctest::Approx(gap2)));
        ++rules;
      }
      if (!is_body_line(item, st)) continue;
      int c = static_cast<int>((item.x - left) / (column + st.gutter));
      double column_left = left + c * (column + st.gutter);
      CHECK(item.x >= column_left - 1e-6);
      CHECK(item.x + item.w <= column_left + column + 1e-6);
      used.insert(c);
    }
  }
  CHECK(used == std::set<int>{0, 1, 2});
  CHECK(rules >= 2 * (set.pages.size() - 1));
}

// Where each column of a page ends: the lowest body line's baseline per
// column, the column's top where it holds none.
std::vector<double> column_feet(const Page& page, const Style& st, size_t index) {
  const double left = index % 2 == 0 ? st.margin_inner : st.margin_outer;
  const double column = (st.page_width - st.margin_inner - st.margin_outer - 2 * st.gutter) / 3;
  std::vector<double> feet(3, st.page_height - st.margin_top);
  for (const PageItem& item : page.items) {
    if (!is_body_line(item, st)) continue;
    int c = std::clamp(static_cast<int>((item.x - left) / (column + st.gutter)), 0, 2);
    feet[static_cast<size_t>(c)] = std::min(feet[static_cast<size_t>(c)], item.y);
  }
  return feet;
}

TEST_CASE("layout: the last page's columns are balanced, and every article is still there") {
  Style st = three_columns();
  HalfEm m;
  for (int articles = 2; articles <= 7; ++articles) {
    CAPTURE(articles);
    PageSet set = layout(sample(2, articles, 7), st, m);
    const size_t last = set.pages.size() - 1;
    const double top = st.page_height - st.margin_top;
    double total = 0, tallest = 0;
    for (double foot : column_feet(set.pages[last], st, last)) {
      total += top - foot;
      tallest = std::max(tallest, top - foot);
    }
    // A head keeps with its opening lines and a paragraph with two lines at
    // each end, so a column may run a few lines past an even share, no more.
    CHECK(tallest <= total / 3 + 3 * st.body_leading);
    CHECK(tallest > total / 3 - st.body_leading);
    // Nothing was lost or moved off the page: every section and article has
    // its outline entry, the last one on the last page.
    REQUIRE(set.outline.size() == 2 + 2 * static_cast<size_t>(articles));
    CHECK(static_cast<size_t>(set.outline.back().page) == last);
  }
}

TEST_CASE("layout: with columns, a short contents shares the front page with the lead story") {
  Style st = three_columns();
  HalfEm m;
  PageSet set = layout(sample(1, 3, 6), st, m);
  REQUIRE(set.front_pages == 0);
  const Page& front = set.pages[0];
  auto find = [&](const std::string& text) -> const PageItem* {  // the last, below the contents
    const PageItem* found = nullptr;
    for (const PageItem& item : front.items) {
      if (item.kind == ItemKind::Text && item.text == text) found = &item;
    }
    return found;
  };
  const PageItem* contents = find("Contents");
  const PageItem* lead = find("Article 1.1");
  REQUIRE(contents);
  REQUIRE(lead);
  CHECK(lead->y < contents->y);
  CHECK(lead->size == doctest::Approx(st.title_size * 1.6));  // the lead headline
  CHECK(set.outline[1].page == 0);
  // No body line beside the lead headline: the columns begin below it.
  for (const PageItem& item : front.items) {
    bool entry = item.text.rfind("Article ", 0) == 0;  // a contents entry
    if (is_body_line(item, st) && !entry) CHECK(item.y < lead->y);
  }
  // No running head on the front page; the next page has "page 2 of N".
  for (const PageItem& item : front.items) CHECK(item.text.rfind("page ", 0) != 0);
  REQUIRE(set.pages.size() >= 2);
  std::string folio = "page 2 of " + std::to_string(set.pages.size());
  bool found = false;
  for (const PageItem& item : set.pages[1].items) found = found || item.text == folio;
  CHECK(found);
}

TEST_CASE("layout: no column ends on a paragraph's first line or starts on its last") {
  for (int columns : {1, 3}) {
    Style st = three_columns();
    st.columns = columns;
    HalfEm m;
    PageSet set = layout(sample(2, 5, 10), st, m);
    size_t checked = 0;
    for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
      double left = p % 2 == 0 ? st.margin_inner : st.margin_outer;
      double column = (st.page_width - st.margin_inner - st.margin_outer - (columns - 1) * st.gutter) / columns;
      std::map<int, std::pair<const PageItem*, const PageItem*>> ends;  // column -> top, bottom line
      for (const PageItem& item : set.pages[p].items) {
        if (!is_body_line(item, st)) continue;
        auto& [top, bottom] = ends[static_cast<int>((item.x - left + 1) / (column + st.gutter))];
        if (!top || item.y > top->y) top = &item;
        if (!bottom || item.y < bottom->y) bottom = &item;
      }
      for (const auto& [c, end] : ends) {
        bool single = (end.first->line_role & kParagraphFirstLine) && (end.first->line_role & kParagraphLastLine);
        bool widow = !single && (end.first->line_role & kParagraphLastLine) != 0;
        unsigned char low = end.second->line_role;
        bool orphan = (low & kParagraphLastLine) == 0 && (low & kParagraphFirstLine) != 0;
        CHECK_FALSE(widow);
        CHECK_FALSE(orphan);
        ++checked;
      }
    }
    CHECK(checked > 3);
  }
}

TEST_CASE("flow: keep-together text moves to the next column whole, unless longer than half a column") {
  Style st = three_columns();
  PageSet pages;
  Flow flow(st, pages, 3);
  flow.new_page();
  while (flow.room() > 3 * st.body_leading) flow.advance(st.body_leading);
  LineSettings s;
  s.leading = st.body_leading;
  s.keep_together = true;
  SetText text;
  text.lines.resize(5);
  ensure_first_room(flow, text, s);
  CHECK(flow.mark().column == 1);
  CHECK(flow.at_top());

  while (flow.room() > 3 * st.body_leading) flow.advance(st.body_leading);
  text.lines.resize(static_cast<size_t>(flow.page_room() / st.body_leading));  // a whole column
  ensure_first_room(flow, text, s);
  CHECK(flow.mark().column == 1);  // split instead: the first lines fit here
}

namespace {

// A flow with `lines` body lines of room left in its first column.
Flow flow_with_room(const Style& st, PageSet& pages, int lines) {
  Flow flow(st, pages, 3);
  flow.new_page();
  while (flow.room() >= (lines + 1) * st.body_leading - 1e-6) flow.advance(st.body_leading);
  return flow;
}

size_t lines_in_column(const PageSet& pages, int page, double left) {
  size_t n = 0;
  for (const PageItem& item : pages.pages[static_cast<size_t>(page)].items) n += std::abs(item.x - left) < 1;
  return n;
}

SetText lines_of_text(size_t n) {
  SetText text;
  text.words = collect_words("a", TextStyle{FontFace{}, 9, {}, {}});
  text.lines.assign(n, Line{0, 1, 0, false});
  return text;
}

}  // namespace

TEST_CASE("flow: keep-together text that would leave a hole splits like a paragraph") {
  Style st = three_columns();
  PageSet pages;
  Flow flow(st, pages, 3);
  flow.new_page();
  // A third of the column left: moving on whole would leave it empty.
  while (flow.room() > flow.page_room() / 3) flow.advance(st.body_leading);
  LineSettings s;
  s.leading = st.body_leading;
  s.keep_together = true;
  s.size = st.body_size;
  SetText text = lines_of_text(static_cast<size_t>(flow.room() / st.body_leading) + 3);  // longer than the room, under half a column
  REQUIRE(text.height(s) <= flow.page_room() / 2);
  REQUIRE(flow.room() > kMaxKeepTogetherHole * flow.page_room());
  ensure_first_room(flow, text, s);
  CHECK(flow.mark().column == 0);
  place_text(flow, text, s);
  CHECK(flow.mark().column == 1);
  CHECK(flow.y() == doctest::Approx(st.page_height - st.margin_top - 3 * st.body_leading));
}

TEST_CASE("flow: what is kept after a paragraph takes its last two lines along, never one") {
  Style st = three_columns();
  LineSettings s;
  s.leading = st.body_leading;
  s.size = st.body_size;
  s.align = Align::Left;
  HalfEm m;
  for (size_t count : {size_t{4}, size_t{6}}) {
    PageSet pages;
    Flow flow = flow_with_room(st, pages, 4);
    double left0 = flow.left();
    place_text(flow, lines_of_text(count), s, 1.5 * st.body_leading);
    // The lines fit without the kept height; with it, two of them go on.
    CHECK(lines_in_column(pages, 0, left0) == count - 2);
    CHECK(flow.mark().column == 1);
    CHECK(flow.room() >= 1.5 * st.body_leading);
  }
  {  // three lines cannot leave two behind without an orphan: all three go
    PageSet pages;
    Flow flow = flow_with_room(st, pages, 3);
    double left0 = flow.left();
    place_text(flow, lines_of_text(3), s, st.body_leading);
    CHECK(lines_in_column(pages, 0, left0) == 0);
    CHECK(flow.mark().column == 1);
  }
  {  // room for both: nothing moves
    PageSet pages;
    Flow flow = flow_with_room(st, pages, 4);
    place_text(flow, lines_of_text(3), s, st.body_leading);
    CHECK(flow.mark().column == 0);
  }
}

TEST_CASE("layout: an article's source line never stands alone at a column top") {
  HalfEm m;
  size_t sources = 0;
  for (int columns : {1, 3}) {
    Style st = three_columns();
    st.columns = columns;
    const double top = st.page_height - st.margin_top;
    for (int paragraphs = 1; paragraphs < 40; ++paragraphs) {
      Document doc = sample(1, 1, paragraphs);
      doc.sections[0].articles[0].body.push_back(paragraph("Last."));  // a one-line last paragraph
      PageSet set = layout(doc, st, m);
      for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
        for (const PageItem& source : set.pages[p].items) {
          if (source.text != "Source:") continue;
          ++sources;
          size_t above = 0;  // body text above it in its column
          for (const PageItem& item : set.pages[p].items) {
            bool same_column = std::abs(item.x - source.x) < 30;
            above += item.kind == ItemKind::Text && same_column && item.y > source.y && item.y < top;
          }
          CHECK(above >= 3);
        }
      }
    }
  }
  CHECK(sources == 78);
}

TEST_CASE("layout: near a page foot an article's head keeps with two lines of its text, not three") {
  Style st;
  HalfEm m;
  size_t two = 0, fewer = 0;
  for (int words = 100; words < 900; words += 4) {  // the first article ends lower and lower
    Document doc = second_after(words, 200);
    std::vector<ArticleDoc>& articles = doc.sections[0].articles;
    // A head of several lines: a title of two, a standfirst of one (too short
    // to end a column with: the head keeps with the body's lines).
    articles[1].title += ": " + lorem(10);
    articles[1].summary = lorem(12);
    PageSet set = layout(doc, st, m);
    for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
      const std::vector<PageItem>& items = set.pages[p].items;
      const PageItem* title = second_title(items, st);
      if (!title) continue;
      const size_t below = body_lines_below(items, *title, st);  // the second article's, on its title's page
      two += below == 2;
      fewer += below < 2;
    }
  }
  CHECK(two > 0);
  CHECK(fewer == 0);
}

namespace {

// The baselines (one per line) of items of `size` on a page, above the bottom margin.
std::set<double> lines_of_size(const Page& page, const Style& st, double size) {
  std::set<double> lines;
  for (const PageItem& item : page.items) {
    if (item.kind == ItemKind::Text && std::abs(item.size - size) < 1e-6 && item.y > st.margin_bottom) lines.insert(item.y);
  }
  return lines;
}

// The lowest baseline of text above the bottom margin (the folio stands below it).
double lowest_text(const Page& page, const Style& st) {
  double low = st.page_height;
  for (const PageItem& item : page.items) {
    if (item.kind == ItemKind::Text && item.y > st.margin_bottom) low = std::min(low, item.y);
  }
  return low;
}

}  // namespace

TEST_CASE("layout: a head whose body is one short paragraph goes on with it and its source line") {
  for (int columns : {1, 3}) {
    Style st = three_columns();
    st.columns = columns;
    HalfEm m;
    size_t placed = 0, whole = 0;  // whole: the body's lines with room to spare (the first layout)
    for (int words = 100; words < 1400; words += 3) {  // the first article ends lower and lower
      const Document doc = second_after(words, columns == 1 ? 30 : 10);  // two lines, then the source line
      PageSet set = layout(doc, st, m);
      for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
        const std::vector<PageItem>& items = set.pages[p].items;
        const PageItem* title = second_title(items, st);
        if (!title) continue;
        ++placed;
        size_t below = 0;  // its body's lines under it in its column
        for (const PageItem& item : items) {
          below += is_body_line(item, st) && item.y < title->y && std::abs(item.x - title->x) < 1;
        }
        if (whole == 0) whole = below;
        CAPTURE(columns);
        CAPTURE(words);
        CHECK(below == whole);
      }
    }
    CHECK(whole == 2);
    CHECK(placed > 300);
  }
}

TEST_CASE("layout: a head that would leave a hole keeps its standfirst's first lines at the foot") {
  Style st;
  HalfEm m;
  const double block = st.page_height - st.margin_top - st.margin_bottom;
  const double standfirst = st.body_size * 1.12;  // spacing::kSummaryScale
  for (int summary : {40, 120}) {  // a standfirst of three lines, and of eight
    size_t at_foot = 0, whole = 0;
    for (int words = 100; words < 1300; words += 6) {  // the first article ends lower and lower
      Document doc = second_after(words, 200);
      doc.sections[0].articles[1].summary = lorem(summary);
      PageSet set = layout(doc, st, m);
      for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
        const std::vector<PageItem>& items = set.pages[p].items;
        const PageItem* title = second_title(items, st);
        if (!title) continue;
        const size_t body = body_lines_below(items, *title, st);  // the second article's, on its title's page
        size_t here = lines_of_size(set.pages[p], st, standfirst).size();
        size_t next = p + 1 < set.pages.size() ? lines_of_size(set.pages[p + 1], st, standfirst).size() : 0;
        CAPTURE(summary);
        CAPTURE(words);
        if (title->y > st.page_height - st.margin_top - 2 * st.title_size) {
          // Moved on whole: only where the page before ends less than a fifth short.
          ++whole;
          CHECK(lowest_text(set.pages[p - 1], st) - st.margin_bottom <= 0.2 * block);
        } else if (body == 0) {
          ++at_foot;  // the head at the foot with its standfirst, split like a paragraph
          CHECK(here >= 2);
          CHECK((next == 0 || next >= 2));
          CHECK((summary == 40 ? next == 0 : next > 0));  // three lines are not split
        }
      }
    }
    CHECK(at_foot > 0);
    CHECK(whole > 0);
  }
}

TEST_CASE("layout: a section's first head that does not fit a page's last column leads the next page") {
  Style st = three_columns();
  HalfEm m;
  const double column = (st.page_width - st.margin_inner - st.margin_outer - 2 * st.gutter) / 3;
  size_t leads = 0;
  for (int words = 100; words < 2000; words += 10) {  // the first section ends lower and lower
    Document doc = sample(2, 1, 1);
    doc.sections[0].articles[0].body = {paragraph(lorem(words))};
    doc.sections[1].articles[0].summary = lorem(12);  // a standfirst of three lines in a column
    PageSet set = layout(doc, st, m);
    for (size_t p = set.front_pages; p < set.pages.size(); ++p) {
      const double left = p % 2 == 0 ? st.margin_inner : st.margin_outer;
      const std::vector<PageItem>& items = set.pages[p].items;
      auto title = std::find_if(items.begin(), items.end(), [&](const PageItem& i) {
        return i.text.rfind("Article 2.1", 0) == 0 && i.size >= st.title_size;
      });
      if (title == items.end()) continue;
      CAPTURE(words);
      if (title->size == doctest::Approx(st.title_size * 1.6)) {
        ++leads;
        continue;
      }
      if (title->x < left + 2 * (column + st.gutter) - 1) continue;
      // A column head there keeps with the body, never with its standfirst alone.
      size_t body = 0;
      for (const PageItem& item : items) body += is_body_line(item, st) && item.y < title->y && item.x >= title->x - 1;
      CHECK(body >= 2);
    }
  }
  CHECK(leads > 0);
}

TEST_CASE("flow: below a span the columns start where the span ended") {
  Style st = three_columns();
  PageSet pages;
  Flow flow(st, pages, 3);
  flow.new_page();
  REQUIRE(flow.at_page_start());
  flow.begin_span();
  CHECK(flow.width() == doctest::Approx(st.page_width - st.margin_inner - st.margin_outer));
  flow.advance(100);
  flow.end_span();
  double band = st.page_height - st.margin_top - 100;
  CHECK(flow.y() == doctest::Approx(band));
  CHECK_FALSE(flow.at_full_column_top());  // a short column: tall blocks move on
  flow.advance(st.body_leading);
  flow.next_column();
  CHECK(flow.mark().column == 1);
  CHECK(flow.y() == doctest::Approx(band));
  flow.ensure(flow.room() + 1);  // too tall for this short column: the next one
  CHECK(flow.mark().column == 2);
  flow.next_column();
  CHECK(flow.mark().page == 1);
  CHECK(flow.at_full_column_top());
}

TEST_CASE("flow: a block's rule skips a column it left empty and ends at its last line") {
  Style st = three_columns();
  PageSet pages;
  Flow flow(st, pages, 3);
  flow.new_page();
  while (flow.room() > 2 * st.body_leading) flow.advance(st.body_leading);
  auto rules = [&] {
    size_t n = 0;
    for (const PageItem& item : pages.pages[0].items) n += item.kind == ItemKind::Rule;
    return n;
  };
  // Marked at the foot of column 0, but the block moved on whole: one rule, in column 1.
  Flow::Mark from = flow.mark();
  flow.next_column();
  flow.advance(3 * st.body_leading);
  flow.vertical_rule(from, 4, 1.5, Color{});
  REQUIRE(rules() == 1);
  CHECK(pages.pages[0].items.back().x == doctest::Approx(flow.left() + 4));
  // Marked in column 1 with a line there, continued in column 2: two rules,
  // the first ending at the line, not at the foot of the column.
  Flow::Mark second = flow.mark();
  double line_end = flow.advance(st.body_leading) - st.body_leading;
  flow.next_column();
  flow.advance(st.body_leading);
  flow.vertical_rule(second, 4, 1.5, Color{});
  REQUIRE(rules() == 3);
  CHECK(pages.pages[0].items[1].y == doctest::Approx(line_end));
}

namespace {

// The structure tree as "Role(parent)" lines, for reading a failure.
int depth_of(const PageSet& set, int element) {
  int depth = 0;
  for (int e = set.structure[static_cast<size_t>(element)].parent; e >= 0; e = set.structure[static_cast<size_t>(e)].parent) ++depth;
  return depth;
}

}  // namespace

TEST_CASE("layout: the structure reads front matter, then sections of articles, in order") {
  Style st;
  st.columns = 2;
  HalfEm m;
  Document doc = sample(2, 2, 5);
  doc.sections[1].articles[0].language = "az";
  Block list;
  list.kind = BlockKind::List;
  Block point;
  point.kind = BlockKind::ListItem;
  point.children = {paragraph("first point")};
  list.children = {point, point};
  doc.sections[0].articles[1].body.push_back(list);
  PageSet set = layout(doc, st, m);
  REQUIRE_FALSE(set.structure.empty());
  CHECK(set.structure.front().role == StructRole::H1);  // the masthead's title
  for (size_t i = 0; i < set.structure.size(); ++i) CHECK(set.structure[i].parent < static_cast<int>(i));

  std::vector<int> articles, sections, toc_entries;
  for (size_t i = 0; i < set.structure.size(); ++i) {
    const StructElement& e = set.structure[i];
    if (e.role == StructRole::Art) articles.push_back(static_cast<int>(i));
    if (e.role == StructRole::Sect) sections.push_back(static_cast<int>(i));
    if (e.role == StructRole::TOCI && depth_of(set, static_cast<int>(i)) == 3) toc_entries.push_back(static_cast<int>(i));
  }
  REQUIRE(sections.size() == 2);
  REQUIRE(articles.size() == 4);
  CHECK(toc_entries.size() == 4);
  CHECK(set.structure[static_cast<size_t>(articles[2])].language == "az");
  for (int a : articles) CHECK(set.structure[static_cast<size_t>(a)].parent >= sections.front());
  CHECK(toc_entries.back() < sections.front());  // the contents come first

  // Each outline entry names its heading: H2 for a section, H3 for an article.
  for (const OutlineEntry& entry : set.outline) {
    REQUIRE(entry.element >= 0);
    CHECK(set.structure[static_cast<size_t>(entry.element)].role == (entry.level == 0 ? StructRole::H2 : StructRole::H3));
  }

  // Every text item belongs to an element, except the running heads and
  // folios; rules are artifacts; list markers are the items' labels.
  size_t artifacts = 0, labels = 0;
  for (const Page& page : set.pages) {
    for (const PageItem& item : page.items) {
      if (item.kind == ItemKind::Rule) CHECK(item.element < 0);
      if (item.kind != ItemKind::Text) continue;
      if (item.element < 0) {
        ++artifacts;
        continue;
      }
      if (set.structure[static_cast<size_t>(item.element)].role == StructRole::Lbl) ++labels;
    }
  }
  CHECK(labels == 2);
  CHECK(artifacts >= set.pages.size() - set.front_pages);  // at least a folio a page
}

TEST_CASE("contents: a right-to-left row is the mirror of a left-to-right row") {
  // A 400 pt column from x = 50, em 10: the title box is 1 em in from the
  // start side, the number column 3 em on the end side.
  const ContentsRow ltr = contents_row(50, 400, 10, {120, 12, false});
  CHECK(ltr.title_x == doctest::Approx(60));
  CHECK(ltr.title_width == doctest::Approx(350));
  CHECK(ltr.leaders_from == doctest::Approx(185));  // after the last line, half an em
  CHECK(ltr.leaders_to == doctest::Approx(430));
  CHECK(ltr.number_x == doctest::Approx(438));      // flush with the right margin
  const ContentsRow rtl = contents_row(50, 400, 10, {120, 12, true});
  CHECK(rtl.title_x + rtl.title_width == doctest::Approx(440));  // 1 em in from the right
  CHECK(rtl.title_width == doctest::Approx(ltr.title_width));
  CHECK(rtl.leaders_from == doctest::Approx(70));
  CHECK(rtl.leaders_to == doctest::Approx(315));    // half an em before the last line
  CHECK(rtl.number_x == doctest::Approx(50));       // flush with the left margin
  // Every edge mirrored about the middle (x -> 500 - x).
  CHECK(rtl.title_x == doctest::Approx(500 - (ltr.title_x + ltr.title_width)));
  CHECK(rtl.leaders_from == doctest::Approx(500 - ltr.leaders_to));
  CHECK(rtl.number_x == doctest::Approx(500 - (ltr.number_x + 12)));
}
