// Limits that stop a runaway input with a clear message and no output: the
// per-edition page limit (checked for every day before any file is written)
// and the range of --timestamp. Run through run() as the real binary would be.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "env/files.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

// A temporary folder with one two-day digest in it, removed at the end.
struct Workspace {
  fs::path dir;
  Workspace() {
    std::string pattern = (fs::temp_directory_path() / "hostile_limits-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    // Each day's story runs over its front page: two pages or more.
    std::string long_text;
    for (int k = 0; k < 120; ++k) long_text += "A sentence that makes the story run long. ";
    write_file_atomically(dir / "in.yaml",
                          "- {title: First day, date: 2024-11-05, body: One. " + long_text + "}\n"
                          "- {title: Second day, date: 2024-11-06, body: Two. " + long_text + "}\n");
  }
  ~Workspace() { fs::remove_all(dir); }
};

struct Outcome {
  int status = 0;
  std::string out, err;
};

Outcome build(const Workspace& w, size_t max_pages, std::vector<std::string> extra = {}) {
  ProcessEnv env;
  env.styles_dir = std::string(BROADSHEET_BUILT_STYLES);
  env.max_pages = max_pages;
  std::vector<std::string> args = {"broadsheet", "build", (w.dir / "in.yaml").string(),
                                   "--out", (w.dir / "out").string(), "--timestamp", "0"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int status = run(static_cast<int>(argv.size()), argv.data(), env, out, err);
  return {status, out.str(), err.str()};
}

}  // namespace

TEST_CASE("hostile: an edition over the page limit stops the run before any file is written") {
  Workspace w;
  Outcome o = build(w, 1);
  CHECK(o.status == kExitInputError);
  CHECK(o.out == "");
  const std::string head = "broadsheet: error: edition 2024-11-05 has ";
  const std::string tail = " pages; the limit is 1; nothing written\n";
  REQUIRE(o.err.starts_with(head));
  REQUIRE(o.err.ends_with(tail));
  const int pages = std::atoi(o.err.substr(head.size(), o.err.size() - head.size() - tail.size()).c_str());
  CHECK(pages >= 2);
  CHECK_FALSE(fs::exists(w.dir / "out"));

  // The same input under a limit it meets builds both days.
  Outcome ok = build(w, static_cast<size_t>(pages) + 10, {"-q"});
  CHECK(ok.status == kExitOk);
  CHECK(ok.err == "");
  CHECK(fs::exists(w.dir / "out" / "2024-11-05.pdf"));
  CHECK(fs::exists(w.dir / "out" / "2024-11-06.epub"));
}

TEST_CASE("hostile: the page limit applies to the PDF only: an EPUB-only build ignores it") {
  Workspace w;
  Outcome o = build(w, 1, {"--format", "epub", "-q"});
  CHECK(o.status == kExitOk);
  CHECK(o.err == "");
  CHECK(fs::exists(w.dir / "out" / "2024-11-05.epub"));
  CHECK_FALSE(fs::exists(w.dir / "out" / "2024-11-05.pdf"));
}

TEST_CASE("hostile: the default page limit is the documented 5,000") {
  CHECK(kMaxPagesPerEdition == 5000);
  CHECK(ProcessEnv{}.max_pages == 5000);
}

TEST_CASE("hostile: --timestamp beyond year 9998 is a usage error, not a five-digit year") {
  CHECK(parse_timestamp("253370764799").has_value());
  CHECK_FALSE(parse_timestamp("253370764800").has_value());
  CHECK_FALSE(parse_timestamp("9223372036854775807").has_value());
  CHECK_FALSE(parse_timestamp("-1").has_value());
}
