// Test helpers that run the real tools (pdftotext, qpdf, pdffonts) from unit
// tests: one way to run a command and read its output, shared by every suite.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace broadsheet::test {

/// Runs a shell command; returns its standard output and sets status to its
/// exit status as pclose reports it (0 for success).
inline std::string run_command(const std::string& command, int& status) {
  struct PipeCloser {
    void operator()(FILE* f) const { pclose(f); }
  };
  std::unique_ptr<FILE, PipeCloser> pipe(popen(command.c_str(), "r"));
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe.get())) > 0;) out.append(buf, n);
  status = pclose(pipe.release());
  return out;
}

/// The text pdftotext reads from a PDF held in memory (with its messages).
inline std::string pdftotext(const std::string& pdf_bytes) {
  namespace fs = std::filesystem;
  static int serial = 0;
  fs::path path = fs::temp_directory_path() /
                  ("broadsheet-unit-" + std::to_string(getpid()) + "-" + std::to_string(++serial) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf_bytes;
  int status = 0;
  std::string out = run_command("pdftotext -enc UTF-8 " + path.string() + " - 2>&1", status);
  fs::remove(path);
  return out;
}

}  // namespace broadsheet::test
