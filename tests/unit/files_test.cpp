// Outputs staged under a temporary name: invisible until committed, removed
// when dropped, never left half-written.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "env/files.h"

using namespace broadsheet;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path dir;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "files-XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(dir); }
  size_t entries() const {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.exists() ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("staged file: written beside its path, in place only after commit") {
  TempDir t;
  fs::path path = t.dir / "day.pdf";
  StagedFile staged(path, "%PDF-1.4 bytes");
  CHECK_FALSE(fs::exists(path));
  CHECK(t.entries() == 1);  // the temporary file
  StagedFile moved(std::move(staged));
  moved.commit();
  CHECK(read_file(path) == "%PDF-1.4 bytes");
  CHECK(t.entries() == 1);
  CHECK_THROWS_AS(moved.commit(), std::logic_error);
}

TEST_CASE("staged file: dropped uncommitted, it leaves nothing and an older file stays") {
  TempDir t;
  fs::path path = t.dir / "day.epub";
  write_file_atomically(path, "old");
  { StagedFile staged(path, "new"); }
  CHECK(read_file(path) == "old");
  CHECK(t.entries() == 1);
}

TEST_CASE("staged file: an unwritable folder is an environment error") {
  CHECK_THROWS_AS(StagedFile("/nonexistent-folder/x/day.pdf", "bytes"), EnvironmentError);
}

TEST_CASE("environment error: a failed read keeps its file, failure and reason as data") {
  TempDir t;
  const fs::path missing = t.dir / "missing.yaml";
  try {
    read_file(missing);
    FAIL("read_file of a missing file did not throw");
  } catch (const EnvironmentError& e) {
    CHECK(e.subject() == missing.string());
    CHECK(e.failure() == "cannot open");
    CHECK(e.reason() == "No such file or directory");
    CHECK(std::string(e.what()) == missing.string() + ": cannot open: No such file or directory");
  }
  try {
    read_file(t.dir);
    FAIL("read_file of a folder did not throw");
  } catch (const EnvironmentError& e) {
    CHECK(e.reason() == "is a directory, not a file");  // no further reason: the failure is it
    CHECK(std::string(e.what()) == t.dir.string() + ": is a directory, not a file");
  }
  EnvironmentError sentence("fontconfig could not be initialised");
  CHECK(sentence.subject().empty());
  CHECK(std::string(sentence.what()) == "fontconfig could not be initialised");
}
