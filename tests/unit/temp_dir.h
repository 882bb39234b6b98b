// A fresh folder under the system's temporary folder, removed with everything
// in it when the test is done.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace broadsheet::test {

struct TempDir {
  std::filesystem::path dir;
  explicit TempDir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    dir = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(dir); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace broadsheet::test
