// The input stage: every problem reported with its exact text and location,
// and what a valid digest turns into.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "input/load.h"

// Failed comparisons of diagnostic lists print every line.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "\n";
    for (const auto& line : lines) out += "  " + line + "\n";
    return out.c_str();
  }
};

using namespace broadsheet;
using namespace std::chrono;
using namespace std::string_literals;

namespace {

// Every diagnostic as "headline" or "headline | note: hint".
std::vector<std::string> problems(std::string_view yaml, const std::string& file = "w.yaml") {
  Diagnostics diags;
  parse_digest(file, yaml, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) {
    out.push_back(Diagnostics::headline(d) + (d.hint.empty() ? "" : " | note: " + d.hint));
  }
  return out;
}

Digest parse_ok(std::string_view yaml, const std::string& file = "w.yaml") {
  Diagnostics diags;
  Digest digest = parse_digest(file, yaml, diags);
  CHECK(diags.format() == "");
  return digest;
}

std::vector<std::string> one(std::string line) { return {std::move(line)}; }

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
  return sys_seconds{sys_days{year{y} / month{m} / day{d}}} + hours{h} + minutes{min} + seconds{s};
}

// A temporary folder, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "load_test-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

}  // namespace

TEST_CASE("a bare list of articles with every field") {
  Digest d = parse_ok(
      "- title: '  Markets\n    rally '\n"
      "  date: 2024-11-06T07:30:00+04:00\n"
      "  source: Example News\n"
      "  url: https://example.org/a\n"
      "  author: [Ann Lee, ' Bo  Ma ']\n"
      "  section: Business\n"
      "  tags: economy\n"
      "  summary: |\n    Short.\n"
      "  image: img/a.jpg\n"
      "  image_caption: A chart\n"
      "  image_alt: Bars rising from left to right\n"
      "  language: az\n"
      "  format: text\n"
      "  body: |\n    Line one\r\n    \x07Line two\n",
      "dir/w.yaml");
  REQUIRE(d.articles.size() == 1);
  const Article& a = d.articles[0];
  CHECK(a.title == "Markets rally");
  CHECK(a.date.instant == utc(2024, 11, 6, 3, 30));
  CHECK(a.source == "Example News");
  CHECK(a.url == "https://example.org/a");
  CHECK(a.authors == std::vector<std::string>{"Ann Lee", "Bo Ma"});
  CHECK(a.section == "Business");
  CHECK(a.tags == std::vector<std::string>{"economy"});
  CHECK(a.summary == "Short.");
  CHECK(a.image == "img/a.jpg");
  CHECK(a.image_caption == "A chart");
  CHECK(a.image_alt == "Bars rising from left to right");
  CHECK(a.language == "az");
  CHECK(a.format == BodyFormat::Text);
  CHECK(a.body == "Line one\nLine two\n");
  CHECK(a.loc.file == "dir/w.yaml");
  CHECK(a.loc.line == 1);
  CHECK(a.loc.column == 3);
  CHECK(a.body_loc.line == 16);
  CHECK(a.base_dir == "dir");
  CHECK(d.meta.title == "Daily Digest");
  CHECK(d.meta.timezone == "UTC");
  CHECK(d.meta.language == "en");
}

TEST_CASE("the mapping form sets the edition; articles are numbered in order") {
  Digest d = parse_ok(
      "\xEF\xBB\xBFtitle: World Brief\nsubtitle: Morning\npublisher: Ex\nlanguage: pt-BR\n"
      "timezone: Asia/Baku\nstyle: newspaper\narticles:\n"
      "  - {title: A, date: 2024-11-06}\n  - {title: B, date: '2024-11-07 08:00Z', tags: [x, y]}\n");
  CHECK(d.meta.title == "World Brief");
  CHECK(d.meta.subtitle == "Morning");
  CHECK(d.meta.publisher == "Ex");
  CHECK(d.meta.language == "pt-BR");
  CHECK(d.meta.timezone == "Asia/Baku");
  CHECK(d.meta.style == "newspaper");
  REQUIRE(d.articles.size() == 2);
  CHECK(d.articles[0].date.day == sys_days{year{2024} / 11 / 6});
  CHECK_FALSE(d.articles[0].date.instant);
  CHECK(d.articles[1].input_index == 1);
  CHECK(d.articles[1].tags == std::vector<std::string>{"x", "y"});
  CHECK(d.articles[0].base_dir == ".");
}

TEST_CASE("date-time forms: Z, offsets with and without colon, minutes only, fractions, space") {
  const sys_seconds expected = utc(2024, 11, 6, 7, 30);
  for (const char* text : {"2024-11-06T07:30:00Z", "2024-11-06T11:30:00+04:00",
                           "2024-11-06T11:30+04:00", "2024-11-06T11:30:00.123456+0400",
                           "2024-11-06 07:30:00z", "2024-11-06T02:30:00-05", "2024-11-06t07:30Z",
                           "2024-11-06 13:15:00 +05:45"}) {
    CAPTURE(text);
    Digest d = parse_ok("- title: x\n  date: '"s + text + "'\n");
    REQUIRE(d.articles.size() == 1);
    CHECK(d.articles[0].date.instant == expected);
  }
}

TEST_CASE("impossible dates say why, with the caret on the offending part") {
  auto date_problem = [](const std::string& value) {
    return problems("- title: Budget talks\n  date: " + value + "\n").at(0);
  };
  const std::string at = "w.yaml:2:";
  const std::string prefix = ": error: article 1 ('Budget talks'): 'date' ";
  CHECK(date_problem("2024-02-30") == at + "17" + prefix + "is not a valid date: February 2024 has 29 days");
  CHECK(date_problem("2023-02-29") == at + "17" + prefix + "is not a valid date: February 2023 has 28 days");
  CHECK(date_problem("2024-13-01") == at + "14" + prefix + "is not a valid date: there is no month 13");
  CHECK(date_problem("2024-04-00") == at + "17" + prefix + "is not a valid date: there is no day 00");
  CHECK(date_problem("\"2024-11-06T25:00Z\"") == at + "21" + prefix + "is not a valid date: hour 25 is out of range (00 to 23)");
  CHECK(date_problem("2024-11-06T23:60Z") == at + "23" + prefix + "is not a valid date: minute 60 is out of range (00 to 59)");
  CHECK(date_problem("2024-11-06T23:59:60Z") == at + "26" + prefix + "is not a valid date: second 60 is out of range (00 to 59)");
  CHECK(date_problem("2024-11-06T23:59+19:00") == at + "25" + prefix + "is not a valid date: the UTC offset is out of range (-18:00 to +18:00)");
  CHECK(date_problem("2024-11-06T07:30:00") == at + "28" + prefix + "has a time but no UTC offset; add an offset such as Z or +04:00");
  CHECK(date_problem("Nov 6, 2024") == at + "9" + prefix + "is not a valid date: expected YYYY-MM-DD or a date-time such as 2024-11-06T07:30:00Z, not 'Nov 6, 2024'");
  CHECK(date_problem("2024-11-6") == at + "18" + prefix + "is not a valid date: expected YYYY-MM-DD or a date-time such as 2024-11-06T07:30:00Z, not '2024-11-6'");
}

TEST_CASE("missing, empty, blank and null required fields") {
  CHECK(problems("- date: 2024-11-06\n") == one("w.yaml:1:3: error: article 1: missing required field 'title'"));
  CHECK(problems("- title: X\n") == one("w.yaml:1:3: error: article 1 ('X'): missing required field 'date'"));
  CHECK(problems("- title: ''\n  date: 2024-11-06\n") == one("w.yaml:1:10: error: article 1: 'title' is empty"));
  CHECK(problems("- title: '   '\n  date: 2024-11-06\n") == one("w.yaml:1:10: error: article 1: 'title' has only whitespace"));
  CHECK(problems("- title:\n  date: 2024-11-06\n") == one("w.yaml:1:3: error: article 1: 'title' has no value"));
  CHECK(problems("- title: ~\n  date: 2024-11-06\n") ==
        one("w.yaml:1:10: error: article 1: 'title' has no value | note: YAML reads ~ and null as 'no value'; put the text in quotes"));
  CHECK(problems("- {}\n") == std::vector<std::string>{
                                  "w.yaml:1:3: error: article 1: missing required field 'title'",
                                  "w.yaml:1:3: error: article 1: missing required field 'date'"});
}

TEST_CASE("wrong types name the field and what was expected") {
  CHECK(problems("- title: [a, b]\n  date: 2024-11-06\n") == one("w.yaml:1:10: error: article 1: 'title' must be text, not a list"));
  CHECK(problems("- title: {a: b}\n  date: 2024-11-06\n") == one("w.yaml:1:10: error: article 1: 'title' must be text, not a mapping"));
  CHECK(problems("- title: X\n  date: 2024-11-06\n  tags: {a: b}\n") == one("w.yaml:3:9: error: article 1 ('X'): 'tags' must be text or a list of texts, not a mapping"));
  CHECK(problems("- title: X\n  date: 2024-11-06\n  author: [A, [B]]\n") == one("w.yaml:3:15: error: article 1 ('X'): 'author' item 2 must be text, not a list"));
  CHECK(problems("- title: X\n  date: [2024]\n") == one("w.yaml:2:9: error: article 1 ('X'): 'date' must be text, not a list"));
}

TEST_CASE("YAML booleans and numbers are just text; optional nulls are absent") {
  Digest d = parse_ok("- title: yes\n  date: 2024-11-06\n  source: 123\n  summary: ~\n  tags: [on, ~, '']\n");
  REQUIRE(d.articles.size() == 1);
  CHECK(d.articles[0].title == "yes");
  CHECK(d.articles[0].source == "123");
  CHECK(d.articles[0].summary == "");
  CHECK(d.articles[0].tags == std::vector<std::string>{"on"});
}

TEST_CASE("unknown keys warn with a suggestion; duplicates are errors naming the first") {
  CHECK(problems("- title: X\n  date: 2024-11-06\n  titel: Y\n  sumary: s\n  colour: red\n") ==
        std::vector<std::string>{
            "w.yaml:3:3: warning: article 1 ('X'): unknown key 'titel' | note: did you mean 'title'?",
            "w.yaml:4:3: warning: article 1 ('X'): unknown key 'sumary' | note: did you mean 'summary'?",
            "w.yaml:5:3: warning: article 1 ('X'): unknown key 'colour'"});
  CHECK(problems("- title: X\n  date: 2024-11-06\n  title: Y\n") ==
        one("w.yaml:3:3: error: article 1 ('X'): duplicate key 'title' (first at line 1) | note: remove one of them; only the first would be used"));
  CHECK(problems("titel: T\narticles:\n- {title: X, date: 2024-11-06}\n") ==
        one("w.yaml:1:1: warning: unknown top-level key 'titel' | note: did you mean 'title'?"));
}

TEST_CASE("format html is accepted; other formats get a suggestion") {
  CHECK(problems("- title: Budget talks\n  date: 2024-11-06\n  format: html\n").empty());
  CHECK(problems("- title: X\n  date: 2024-11-06\n  format: markdwn\n") ==
        one("w.yaml:3:11: error: article 1 ('X'): 'format' must be markdown, text or html, not 'markdwn' | note: did you mean 'markdown'?"));
  CHECK(problems("- title: X\n  date: 2024-11-06\n  format: htm\n") ==
        one("w.yaml:3:11: error: article 1 ('X'): 'format' must be markdown, text or html, not 'htm' | note: did you mean 'html'?"));
}

TEST_CASE("edition settings are checked") {
  CHECK(problems("timezone: Europe/Berln\narticles: [{title: X, date: 2024-11-06}]\n") ==
        one("w.yaml:1:11: error: unknown time zone 'Europe/Berln' | note: did you mean 'Europe/Berlin'?"));
  CHECK(problems("timezone: Mars/Base\narticles: [{title: X, date: 2024-11-06}]\n") ==
        one("w.yaml:1:11: error: unknown time zone 'Mars/Base' | note: use an IANA name such as 'Europe/Berlin' or 'UTC'"));
  CHECK(problems("language: English language\narticles: [{title: X, date: 2024-11-06}]\n") ==
        one("w.yaml:1:11: error: 'language' must be a BCP 47 language tag such as 'en' or 'pt-BR', not 'English language'"));
  CHECK(problems("language: pt_BR\narticles: [{title: X, date: 2024-11-06}]\n") ==
        one("w.yaml:1:11: error: 'language' must be a BCP 47 language tag such as 'en' or 'pt-BR', not 'pt_BR' | note: write it as 'pt-BR'"));
  CHECK(problems("- {title: X, date: 2024-11-06, language: '-'}\n") ==
        one("w.yaml:1:42: error: article 1 ('X'): 'language' must be a BCP 47 language tag such as 'en' or 'pt-BR', not '-'"));
  CHECK(problems("title: [a]\narticles: [{title: X, date: 2024-11-06}]\n") ==
        one("w.yaml:1:8: error: 'title' must be text, not a list"));
}

TEST_CASE("the shape of the file: empty, scalar, no articles, wrong types, items") {
  CHECK(problems("") == one("w.yaml: error: no articles: the file is empty or has only comments"));
  CHECK(problems("# just a comment\n") == one("w.yaml: error: no articles: the file is empty or has only comments"));
  CHECK(problems("[]\n") == one("w.yaml:1:1: error: no articles: the list is empty"));
  CHECK(problems("hello\n") == one("w.yaml:1:1: error: expected a list of articles or a mapping with 'articles', not a single text | note: the input format is in broadsheet-digest(5)"));
  CHECK(problems("title: T\n") == one("w.yaml:1:1: error: no articles: the file has no 'articles' list | note: add 'articles:' followed by a list of articles"));
  CHECK(problems("title: T\ndate: 2024-11-06\n") == std::vector<std::string>{
      "w.yaml:2:1: warning: unknown top-level key 'date'",
      "w.yaml:1:1: error: no articles: the file has no 'articles' list | note: to give articles without edition settings, start each with '- ' to make a list"});
  CHECK(problems("articles:\n") == one("w.yaml:1:1: error: no articles: 'articles' is empty"));
  CHECK(problems("articles: {title: X}\n") == one("w.yaml:1:11: error: 'articles' must be a list of articles, not a mapping | note: start each article with '- ' on its own line"));
  CHECK(problems("- just text\n- [a]\n") == std::vector<std::string>{
      "w.yaml:1:3: error: article 1 must be a mapping of fields, not text | note: an article is a mapping such as 'title: ...' and 'date: ...' lines",
      "w.yaml:2:3: error: article 2 must be a mapping of fields, not a list | note: an article is a mapping such as 'title: ...' and 'date: ...' lines"});
}

TEST_CASE("encodings: UTF-16 and UTF-32 marks, invalid UTF-8, NUL") {
  CHECK(problems("\xFF\xFE-\0 \0") == one("w.yaml: error: the file is UTF-16; save it as UTF-8"));
  CHECK(problems("\xFE\xFF\0-") == one("w.yaml: error: the file is UTF-16; save it as UTF-8"));
  CHECK(problems("\xFF\xFE\0\0-\0\0\0"s) == one("w.yaml: error: the file is UTF-32; save it as UTF-8"));
  CHECK(problems("- title: Caf\xC3\xA9 Caf\xE9\n  date: 2024-11-06\n") ==
        one("w.yaml:1:18: error: the file is not valid UTF-8 (byte 0xE9) | note: save it as UTF-8; it may be in Latin-1 or Windows-1252"));
  CHECK(problems("- title: a\0b\n"s) == one("w.yaml:1:11: error: the file contains a NUL byte | note: save it as UTF-8 text (is it UTF-16?)"));
}

TEST_CASE("syntax errors are translated, with hints for the usual traps") {
  CHECK(problems("- title: Breaking: news\n  date: 2024-11-06\n") ==
        one("w.yaml:1:18: error: invalid YAML: the value contains ': '; put it in quotes | note: write it as title: \"Breaking: news\""));
  CHECK(problems("- title: X\n\tdate: 2024-11-06\n") ==
        one("w.yaml:2:1: error: invalid YAML: a tab is used for indentation | note: YAML allows only spaces for indentation"));
  CHECK(problems("- title: [a, b\n") == one("w.yaml:2:1: error: invalid YAML: a '[' list is not closed with ']'"));
  CHECK(problems("- title: \"a\\qb\"\n") ==
        one("w.yaml:1:14: error: invalid YAML: unknown escape sequence in a double-quoted text | note: use single quotes, or write a backslash as \\\\"));
  CHECK(problems("- {title: A, date: 2024-11-06}\n---\n- {title: B, date: 2024-11-06}\n") ==
        one("w.yaml:2:1: error: the file holds several YAML documents ('---' starts a new one) | note: put every article in one list"));
  parse_ok("---\n- {title: A, date: 2024-11-06}\n...\n");
}

TEST_CASE("every problem in a file is reported, in source order") {
  auto found = problems(
      "- title: A\n  date: 2024-02-30\n"
      "- date: 2024-11-06\n"
      "- title: C\n  date: 2024-11-06\n  format: htmx\n  titel: x\n");
  CHECK(found == std::vector<std::string>{
                     "w.yaml:2:17: error: article 1 ('A'): 'date' is not a valid date: February 2024 has 29 days",
                     "w.yaml:3:3: error: article 2: missing required field 'title'",
                     "w.yaml:6:11: error: article 3 ('C'): 'format' must be markdown, text or html, not 'htmx' | note: did you mean 'html'?",
                     "w.yaml:7:3: warning: article 3 ('C'): unknown key 'titel' | note: did you mean 'title'?"});
}

TEST_CASE("columns count code points and long titles are shortened in the context") {
  CHECK(problems("- title: \xC3\xA9t\xC3\xA9\n  date: 2024-11-06\n  n\xC3\xA9: [\xC3\xA9, x]\n").at(0) ==
        "w.yaml:3:3: warning: article 1 ('\xC3\xA9t\xC3\xA9'): unknown key 'n\xC3\xA9'");
  CHECK(problems("- {title: \xC3\xA9\xC3\xA9, date: 2024-02-30}\n").at(0) ==
        "w.yaml:1:29: error: article 1 ('\xC3\xA9\xC3\xA9'): 'date' is not a valid date: February 2024 has 29 days");
  std::string title(60, 'x');
  CHECK(problems("- title: " + title + "\n").at(0) ==
        "w.yaml:1:3: error: article 1 ('" + std::string(40, 'x') + "...'): missing required field 'date'");
}

TEST_CASE("alias bombs are not walked") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) + ", *" +
            char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
  }
  bomb += "articles:\n- title: X\n  date: 2024-11-06\n  tags: *i\n";
  auto found = problems(bomb);
  // Nine unknown top-level keys, then one error per item of *i (the mark is the anchor's).
  REQUIRE(found.size() == 15);
  CHECK(found.back() == "w.yaml:8:4: error: article 1 ('X'): 'tags' item 6 must be text, not a list");
}

TEST_CASE("load_digests merges files: numbering, first setting wins, unreadable files") {
  TempDir dir;
  auto a = dir.write("a.yaml", "timezone: Asia/Baku\narticles:\n- {title: A1, date: 2024-11-06}\n- {title: A2, date: 2024-11-06}\n");
  auto b = dir.write("b.yaml", "title: B\ntimezone: Europe/Paris\narticles:\n- {title: B1, date: 2024-11-07}\n");
  auto c = dir.write("c.yaml", "timezone: Asia/Baku\ntitle: C\narticles:\n- {title: C1, date: 2024-11-07}\n");
  Diagnostics diags;
  Digest d = load_digests({a, b, dir.path / "missing.yaml", dir.path, c}, diags);
  REQUIRE(d.articles.size() == 4);
  CHECK(d.articles[2].title == "B1");
  CHECK(d.articles[2].input_index == 2);
  CHECK(d.articles[3].input_index == 3);
  CHECK(d.articles[2].base_dir == dir.path);
  CHECK(d.meta.timezone == "Asia/Baku");
  CHECK(d.meta.title == "B");
  std::vector<std::string> found;
  for (const auto& item : diags.items()) found.push_back(Diagnostics::headline(item));
  const std::string p = dir.path.string() + "/";
  CHECK(found == std::vector<std::string>{
                     p + "b.yaml:2:11: warning: 'timezone' is 'Europe/Paris' here but 'Asia/Baku' in " + p + "a.yaml:1; using 'Asia/Baku'",
                     p + "missing.yaml: error: cannot read: No such file or directory",
                     dir.path.string() + ": error: cannot read: is a directory, not a file",
                     p + "c.yaml:2:8: warning: 'title' is 'C' here but 'B' in " + p + "b.yaml:1; using 'B'"});
}

TEST_CASE("a digest's style given by path is found beside the digest; a name stays a name") {
  TempDir dir;
  std::filesystem::create_directories(dir.path / "feeds");
  auto by_path = dir.write("feeds/a.yaml", "style: ../house/paper.yaml\narticles:\n- {title: A, date: 2024-11-06}\n");
  auto by_name = dir.write("feeds/b.yaml", "style: newspaper\narticles:\n- {title: B, date: 2024-11-06}\n");
  auto absolute = dir.write("feeds/c.yaml", "style: /etc/paper.yaml\narticles:\n- {title: C, date: 2024-11-06}\n");
  Diagnostics diags;
  CHECK(load_digests({by_path}, diags).meta.style == (dir.path / "house/paper.yaml").string());
  CHECK(load_digests({by_name}, diags).meta.style == "newspaper");
  CHECK(load_digests({absolute}, diags).meta.style == "/etc/paper.yaml");
  CHECK_FALSE(diags.has_errors());
}
