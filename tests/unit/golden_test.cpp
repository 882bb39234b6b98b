// Golden tests: a case's input becomes a dump that is compared with the
// expected file beside it. BROADSHEET_UPDATE_GOLDEN=1 rewrites the expected
// files instead (review the diff, then commit).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "doc/document.h"
#include "env/files.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

const fs::path kGoldenDir = fs::path(BROADSHEET_TEST_DATA) / "golden";

bool updating_golden() {
  const char* update = std::getenv("BROADSHEET_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Compares actual with the expected file, or rewrites it when updating.
void check_golden(const fs::path& expected_file, const std::string& actual) {
  if (updating_golden()) {
    fs::create_directories(expected_file.parent_path());
    write_file_atomically(expected_file, actual);
    MESSAGE("updated " << expected_file.string());
    return;
  }
  REQUIRE_MESSAGE(fs::exists(expected_file),
                  expected_file.string() << " is missing: run with BROADSHEET_UPDATE_GOLDEN=1");
  CHECK(read_file(expected_file) == actual);
}

// One edition, one section, one article whose Markdown body is input.md.
Edition markdown_edition(const std::string& body) {
  PlacedArticle placed;
  placed.article.title = "Every Markdown feature";
  placed.article.authors = {"Ada Writer", "Bo Editor"};
  placed.article.source = "Test Press";
  placed.article.url = "https://example.org/features";
  placed.article.summary = "One article that uses every construct.";
  placed.article.tags = {"markdown", "golden"};
  placed.article.body = body;
  placed.has_time = true;
  placed.local_time = local_days{2024y / November / 6} + 9h + 5min;
  placed.utc_offset = "+01:00";
  Edition edition;
  edition.meta.title = "Golden Gazette";
  edition.meta.publisher = "Test Press";
  edition.day = sys_days{2024y / November / 6};
  edition.build_time = sys_days{2024y / November / 6} + 8h + 5min;
  edition.sections.push_back(Section{"Features", {placed}});
  return edition;
}

TEST_CASE("golden: markdown-features document") {
  fs::path dir = kGoldenDir / "markdown-features";
  Document doc = build_document(markdown_edition(read_file(dir / "input.md")));
  check_golden(dir / "expected" / "document.txt", dump_document(doc));
}

}  // namespace
}  // namespace broadsheet
