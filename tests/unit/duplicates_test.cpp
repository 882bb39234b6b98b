// Duplicate articles: the same url, or the same title and source, kept once
// (the first in input order) with a warning naming both places; within one
// digest and across merged ones, but never across days.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/app.h"
#include "diag/utf8.h"
#include "env/files.h"
#include "model/duplicates.h"
#include "temp_dir.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

struct Folder : test::TempDir {
  Folder() : TempDir("dup") {}
  fs::path put(const std::string& name, const std::string& text) const {
    write_file_atomically(dir / name, text);
    return dir / name;
  }
};

std::vector<std::string> titles(const Input& input) {
  std::vector<std::string> out;
  for (const Edition& e : input.editions)
    for (const Section& s : e.sections)
      for (const PlacedArticle& a : s.articles) out.push_back(a.article.title);
  return out;
}

Article article(std::string title, std::string source, std::string url) {
  Article a;
  a.title = std::move(title);
  a.source = std::move(source);
  a.url = std::move(url);
  return a;
}

}  // namespace

TEST_CASE("duplicates: what makes two articles the same one") {
  CHECK(same_article(article("A", "", "https://x.test/a"), article("B", "", " https://x.test/a\n")));
  CHECK_FALSE(same_article(article("A", "", "https://x.test/a"), article("A", "", "https://x.test/a#update-2")));
  CHECK(same_article(article("Markets  rally", "Wire", ""), article(" Markets rally", "Wire ", "")));
  CHECK_FALSE(same_article(article("Markets rally", "Wire", ""), article("markets rally", "Wire", "")));
  CHECK_FALSE(same_article(article("Weather", "", ""), article("Weather", "", "")));  // no source: not known
  CHECK_FALSE(same_article(article("A", "Wire", "https://x.test/a"), article("B", "Wire", "https://x.test/b")));
  CHECK(collapse_whitespace("  a \t b\n\nc ") == "a b c");
}

TEST_CASE("duplicates: within one file, the first kept and both places named") {
  Folder f;
  const fs::path in = f.put("in.yaml",
                            "- {title: Markets rally, date: 2024-11-05, section: Business, url: 'https://x.test/m', body: One.}\n"
                            "- {title: Match, date: 2024-11-05, section: Sport, source: Wire, body: Two.}\n"
                            "- {title: Markets again, date: 2024-11-05, section: World, url: 'https://x.test/m', body: Three.}\n"
                            "- {title: Match, date: 2024-11-05, source: Wire, body: Four.}\n");
  Diagnostics diags;
  Input input = read_input({{in}, {}, std::nullopt}, diags);
  CHECK_FALSE(diags.has_errors());
  CHECK(titles(input) == std::vector<std::string>{"Markets rally", "Match"});
  REQUIRE(input.editions.size() == 1);
  CHECK(input.editions[0].sections.size() == 2);  // World and News were left empty
  const std::string file = in.string();
  REQUIRE(diags.items().size() == 2);
  CHECK(Diagnostics::headline(diags.items()[0]) ==
        file + ":3:3: warning: duplicate article: the same url 'https://x.test/m' as the article at " + file +
            ":1:3; this one is left out");
  CHECK(Diagnostics::headline(diags.items()[1]) ==
        file + ":4:3: warning: duplicate article: the same title and source 'Wire' as the article at " + file +
            ":2:3; this one is left out");
}

TEST_CASE("duplicates: across merged files, and not across days") {
  Folder f;
  const fs::path a = f.put("a.yaml",
                           "- title: Rain\n  date: 2024-11-05\n  source: Met\n  body: Wet.\n"
                           "- title: Sun\n  date: 2024-11-05\n  url: https://x.test/sun\n  body: Dry.\n");
  const fs::path b = f.put("b.yaml",
                           "- title: Rain\n  date: 2024-11-05\n  source: Met\n  body: Still wet.\n"
                           "- title: Sun\n  date: 2024-11-06\n  url: https://x.test/sun\n  body: Dry again.\n");
  Diagnostics diags;
  Input input = read_input({{a, b}, {}, std::nullopt}, diags);
  CHECK(titles(input) == std::vector<std::string>{"Rain", "Sun", "Sun"});
  REQUIRE(input.editions.size() == 2);
  CHECK(input.editions[0].sections[0].articles[0].article.body == "Wet.");
  REQUIRE(diags.items().size() == 1);
  CHECK(Diagnostics::headline(diags.items()[0]) ==
        b.string() + ":1:3: warning: duplicate article: the same title and source 'Met' as the article at " +
            a.string() + ":1:3; this one is left out");
}
