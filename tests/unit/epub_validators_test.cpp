// The real validators on rendered books: epubcheck (no errors, no warnings)
// in every shipped style and for an empty edition, then mutool draws it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <string>

#include "diag/utf8.h"
#include "epub/write_epub.h"
#include "epub_test_support.h"

namespace broadsheet {
namespace {

using namespace epub_test;

constexpr const char* kEpubcheckJar = "/usr/share/java/epubcheck.jar";

// The validators are part of the test suite (scripts/install-deps.sh installs
// them): missing ones fail the test rather than skip it.
void require_validators() {
  REQUIRE_MESSAGE(fs::exists(kEpubcheckJar), "epubcheck is not installed: run scripts/install-deps.sh");
  REQUIRE_MESSAGE(std::system("java -version >/dev/null 2>&1") == 0, "java is not installed: run scripts/install-deps.sh");
  REQUIRE_MESSAGE(std::system("mutool -v >/dev/null 2>&1") == 0, "mutool is not installed: run scripts/install-deps.sh");
}

struct EpubcheckResult {
  int status = -1;
  std::string log;
};

// Runs epubcheck (warnings count as failures) on each book at once, in
// parallel: each run spends most of its 6 s starting the JVM.
std::map<std::string, EpubcheckResult> run_epubcheck(const std::map<std::string, std::string>& books) {
  std::string command;
  for (const auto& [name, bytes] : books) {
    fs::path dir = scratch_dir(name);
    write_bytes(dir / "book.epub", bytes);
    command += "( java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + std::string(kEpubcheckJar) + " '" +
               (dir / "book.epub").string() + "' --failonwarnings --json '" + (dir / "report.json").string() +
               "' > '" + (dir / "log.txt").string() + "' 2>&1; echo $? > '" + (dir / "status").string() + "' ) & ";
  }
  CHECK(std::system((command + "wait").c_str()) == 0);
  std::map<std::string, EpubcheckResult> results;
  for (const auto& [name, bytes] : books) {
    fs::path dir = scratch_dir(name);
    // With --json the messages go to the report only: keep its "messages" part.
    std::string report = read_text(dir / "report.json");
    size_t messages = report.find("\"messages\"");
    std::string status = read_text(dir / "status");
    results[name] = {status.empty() ? -1 : std::stoi(status),
                     read_text(dir / "log.txt") + report.substr(std::min(messages, report.size()), 4000)};
  }
  return results;
}

// mupdf 1.21 warns about two things of its own, not of ours: it was built
// without ICC support, and it does not know the version string "3.0".
std::string unexpected_mutool_lines(const std::string& log) {
  std::string unexpected;
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    if (line == "warning: ICC support is not available" || line == "warning: unknown epub version: 3.0") continue;
    unexpected += line + "\n";
  }
  return unexpected;
}

}  // namespace

TEST_CASE("epub passes epubcheck with no errors and no warnings in every style; mutool renders it") {
  require_validators();
  std::map<std::string, std::string> books;
  for (const char* name : {"classic", "newspaper", "ereader"}) {
    Style style;
    style.css = read_text(fs::path(BROADSHEET_BUILT_STYLES) / (std::string(name) + ".css"));
    REQUIRE_MESSAGE(!style.css.empty(), name);
    books[name] = render_epub(sample_document(), style);
  }
  Document empty = sample_document();
  empty.sections.clear();
  books["empty"] = render_epub(empty, Style{});
  for (const auto& checked : run_epubcheck(books)) {
    const std::string& name = checked.first;
    const auto& result = checked.second;
    INFO(name);
    CHECK_MESSAGE(result.status == 0, result.log);
  }

  fs::path dir = scratch_dir("mutool");
  std::string book = (scratch_dir("classic") / "book.epub").string();
  std::string command = "mutool draw -q -F txt -o '" + (dir / "book.txt").string() + "' '" + book + "' 2>'" +
                        (dir / "txt.log").string() + "' && mutool draw -q -r 40 -o '" + (dir / "page-%d.png").string() +
                        "' '" + book + "' 1-3 2>'" + (dir / "png.log").string() + "'";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(unexpected_mutool_lines(read_text(dir / "txt.log") + read_text(dir / "png.log")) == "");
  CHECK(fs::exists(dir / "page-3.png"));
  // Every spine document was laid out: each section's and article's title is in the text.
  std::string text = collapse_whitespace(read_text(dir / "book.txt"));
  for (const SectionDoc& section : sample_document().sections) {
    if (section.articles.empty()) continue;
    CHECK_MESSAGE(text.find(section.title) != std::string::npos, section.title);
    for (const ArticleDoc& a : section.articles) CHECK_MESSAGE(text.find(a.title.substr(0, 4)) != std::string::npos, a.title);
  }
  fs::remove_all(scratch_dir("classic").parent_path());
}

}  // namespace broadsheet
