// The application API (src/app/app.h) as delivery will use it: one input read
// once, several variants of it rendered in memory (style, sections, formats,
// images), and the same bytes as the files a build stages and commits.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/app.h"
#include "env/files.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

struct AppWorkspace {
  fs::path dir;
  AppWorkspace() {
    std::string pattern = (fs::temp_directory_path() / "app-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    write_file_atomically(dir / "in.yaml",
                          "- {title: Markets, date: 2024-11-05, section: Business, body: Shares rose.}\n"
                          "- {title: Match, date: 2024-11-05, section: Sport, tags: [football], body: A draw.}\n"
                          "- {title: Rain, date: 2024-11-06, section: Weather, language: de, body: Es regnet.}\n");
  }
  ~AppWorkspace() { fs::remove_all(dir); }
  AppEnv env() const { return {{fs::path(BROADSHEET_BUILT_STYLES)}, kMaxPagesPerEdition}; }
};

Input read(const AppWorkspace& w) {
  Diagnostics diags;
  Input input = read_input({{w.dir / "in.yaml"}, {}, std::chrono::sys_seconds{}}, diags);
  REQUIRE_FALSE(diags.has_errors());
  return input;
}

Rendered render_variant(const AppWorkspace& w, const Input& input, Shared& shared, const Variant& variant) {
  Diagnostics diags;
  Style style = load_variant_style(input, variant, w.env(), diags);
  Prepared prepared = prepare(input, variant, style, shared, diags);
  REQUIRE_FALSE(diags.has_errors());
  return render(prepared, {1, kMaxPagesPerEdition});
}

}  // namespace

TEST_CASE("app: variants of one input rendered in memory share what they can") {
  AppWorkspace w;
  const Input input = read(w);
  REQUIRE(input.editions.size() == 2);
  CHECK(input.article_count() == 3);
  Shared shared;

  Rendered both = render_variant(w, input, shared, Variant{});
  REQUIRE(both.editions.size() == 2);
  CHECK(both.editions[0].day == "2024-11-05");
  CHECK(both.editions[0].articles == 2);
  CHECK(both.editions[0].pdf.starts_with("%PDF-"));
  CHECK(both.editions[0].epub.starts_with("PK"));
  CHECK(both.editions[0].files.empty());  // nothing written

  Variant sport;
  sport.formats = Formats::Epub;
  sport.filter.tags = {"football"};
  Rendered only_sport = render_variant(w, input, shared, sport);
  REQUIRE(only_sport.editions.size() == 1);  // the other day is left empty, so dropped
  CHECK(only_sport.editions[0].articles == 1);
  CHECK(only_sport.editions[0].pdf.empty());
  CHECK(only_sport.editions[0].epub.starts_with("PK"));

  Variant german;
  german.formats = Formats::Pdf;
  german.style = "ereader";
  german.filter.languages = {"de"};
  german.images.grayscale = true;
  Rendered only_german = render_variant(w, input, shared, german);
  REQUIRE(only_german.editions.size() == 1);
  CHECK(only_german.editions[0].day == "2024-11-06");
  CHECK(only_german.editions[0].pdf.starts_with("%PDF-"));
  CHECK(only_german.editions[0].epub.empty());

  Variant business;
  business.filter.sections = {"Business", "Weather"};
  CHECK(render_variant(w, input, shared, business).editions.size() == 2);
}

TEST_CASE("app: the staged files hold the bytes rendered in memory, and appear only on commit") {
  AppWorkspace w;
  const Input input = read(w);
  Shared shared;
  Rendered in_memory = render_variant(w, input, shared, Variant{});

  Diagnostics diags;
  Prepared prepared = prepare(input, Variant{}, load_variant_style(input, Variant{}, w.env(), diags), shared, diags);
  const fs::path out = w.dir / "out" / "nested";
  {
    StagedEditions abandoned(out);
    Prepared copy = prepared;
    render_into(copy, {2, kMaxPagesPerEdition}, abandoned);
    CHECK(abandoned.result().editions.size() == 2);
  }
  CHECK_FALSE(fs::exists(w.dir / "out"));  // uncommitted: the folders it made are gone

  StagedEditions staged(out);
  render_into(prepared, {2, kMaxPagesPerEdition}, staged);
  std::vector<std::string> written;
  staged.commit([&](const RenderedEdition& edition, const OutputFile& file) {
    written.push_back(edition.day + (file.is_pdf ? " pdf " : " epub ") + std::to_string(file.bytes));
  });
  REQUIRE(written.size() == 4);
  CHECK(written[0] == "2024-11-05 pdf " + std::to_string(in_memory.editions[0].pdf.size()));
  CHECK(read_file(out / "2024-11-05.pdf") == in_memory.editions[0].pdf);
  CHECK(read_file(out / "2024-11-06.epub") == in_memory.editions[1].epub);
}

TEST_CASE("app: a day over the page limit is reported and no day is kept") {
  AppWorkspace w;
  const Input input = read(w);
  Shared shared;
  Diagnostics diags;
  Prepared prepared = prepare(input, Variant{}, load_variant_style(input, Variant{}, w.env(), diags), shared, diags);
  Rendered r = render(prepared, {1, 0});
  REQUIRE(r.over_limit.has_value());
  CHECK(r.over_limit->day == "2024-11-05");
  CHECK(r.over_limit->pages == 1);
  CHECK(r.editions.empty());
}
