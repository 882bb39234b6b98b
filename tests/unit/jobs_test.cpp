// --jobs: days rendered on several threads (and a day's EPUB beside its PDF)
// give the same bytes, the same messages in day order, and the same first
// problem as one thread. Run through run() as the real binary would be.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "env/files.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

// Three days, the middle one the longest, so that threads finish out of order.
struct JobsWorkspace {
  fs::path dir;
  JobsWorkspace() {
    std::string pattern = (fs::temp_directory_path() / "jobs-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    std::string yaml;
    // Every day needs more than one page (the first day's first story runs over
    // one), and 2024-11-06 needs more than 2024-11-05 (its first story is longer).
    auto sentences = [](int n) {
      std::string text;
      for (int k = 0; k < n; ++k) text += "A sentence that makes the story run long. ";
      return text;
    };
    for (int i = 0; i < 12; ++i) {
      std::string day = i < 2 ? "05" : i < 10 ? "06" : "07";
      yaml += "- {title: Story " + std::to_string(i) + ", date: 2024-11-" + day +
              ", body: \"Paragraph one of story " + std::to_string(i) +
              " with enough words to wrap a line or two in the column.\\n\\nAnd a second one." +
              (i == 0 ? " " + sentences(80) : i == 2 ? " " + sentences(400) : std::string()) + "\"}\n";
    }
    write_file_atomically(dir / "in.yaml", yaml);
  }
  ~JobsWorkspace() { fs::remove_all(dir); }
};

struct JobsOutcome {
  int status = 0;
  std::string out, err;
  std::map<std::string, std::string> files;  // name -> bytes
};

JobsOutcome build_with_jobs(const JobsWorkspace& w, const std::string& jobs, size_t max_pages = 5000) {
  ProcessEnv env;
  env.styles_dir = std::string(BROADSHEET_BUILT_STYLES);
  env.max_pages = max_pages;
  const fs::path out_dir = w.dir / ("out-" + jobs);
  std::vector<std::string> args = {"broadsheet", "build", (w.dir / "in.yaml").string(), "--out",
                                   out_dir.string(), "--timestamp", "0", "--jobs", jobs};
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  JobsOutcome o;
  o.status = run(static_cast<int>(argv.size()), argv.data(), env, out, err);
  o.out = out.str();
  o.err = err.str();
  if (fs::exists(out_dir)) {
    for (const auto& entry : fs::directory_iterator(out_dir)) {
      // Every file but the shelf (catalog.xml, index.html, covers/), which has its own tests.
      const std::string name = entry.path().filename().string();
      if (name == "catalog.xml" || name == "index.html" || name == "covers") continue;
      o.files[name] = read_file(entry.path());
    }
  }
  // Messages name the folder, which differs per run.
  for (size_t at = o.out.find(out_dir.string()); at != std::string::npos; at = o.out.find(out_dir.string())) {
    o.out.replace(at, out_dir.string().size(), "OUT");
  }
  return o;
}

}  // namespace

TEST_CASE("jobs: several threads give the same files and messages, in day order") {
  JobsWorkspace w;
  JobsOutcome one = build_with_jobs(w, "1");
  REQUIRE(one.status == kExitOk);
  CHECK(one.err == "");
  REQUIRE(one.files.size() == 7);  // six editions and the build record (.broadsheet-build)
  const std::vector<std::string> order = {"OUT/2024-11-05.pdf", "OUT/2024-11-05.epub", "OUT/2024-11-06.pdf",
                                          "OUT/2024-11-06.epub", "OUT/2024-11-07.pdf", "OUT/2024-11-07.epub"};
  size_t at = 0;
  for (const std::string& path : order) {
    size_t found = one.out.find("wrote " + path + " (", at);
    REQUIRE_MESSAGE(found != std::string::npos, path);
    at = found + 1;
  }
  for (const char* jobs : {"2", "3", "8"}) {
    JobsOutcome many = build_with_jobs(w, jobs);
    CHECK(many.status == kExitOk);
    CHECK(many.err == "");
    CHECK(many.out == one.out);
    CHECK(many.files == one.files);
  }
}

TEST_CASE("jobs: the first day over the page limit is the one reported, whatever the threads") {
  JobsWorkspace w;
  for (const char* jobs : {"1", "3"}) {
    JobsOutcome o = build_with_jobs(w, jobs, 1);
    CHECK(o.status == kExitInputError);
    CHECK(o.out == "");
    CHECK(o.err.starts_with("broadsheet: error: edition 2024-11-05 has "));
    CHECK(o.err.find("2024-11-06") == std::string::npos);
    CHECK(o.files.empty());
    // Days rendered before the failure were staged in the folder made for
    // them: the temporary files and the folder are gone.
    CHECK_FALSE(fs::exists(w.dir / ("out-" + std::string(jobs))));
  }
}

TEST_CASE("jobs: a day over the page limit removes the days already staged, in a folder that existed") {
  JobsWorkspace w;
  // 2024-11-05 (two stories) fits in the limit and is staged first with one
  // job; 2024-11-06 (eight) does not.
  JobsOutcome fits = build_with_jobs(w, "1");
  REQUIRE(fits.status == kExitOk);
  fs::create_directories(w.dir / "out-2");
  size_t limit = 0;
  for (size_t pages = 1; pages < 50 && limit == 0; ++pages) {
    JobsOutcome probe = build_with_jobs(w, "2", pages);
    if (probe.err.starts_with("broadsheet: error: edition 2024-11-06")) limit = pages;
  }
  REQUIRE(limit > 0);
  JobsOutcome o = build_with_jobs(w, "2", limit);
  CHECK(o.status == kExitInputError);
  CHECK(o.files.empty());  // no output and no temporary file left
  CHECK(fs::is_directory(w.dir / "out-2"));  // it was there before: kept
}

TEST_CASE("jobs: zero is a usage error") {
  JobsWorkspace w;
  JobsOutcome o = build_with_jobs(w, "0");
  CHECK(o.status == kExitUsage);
  CHECK(o.files.empty());
}
