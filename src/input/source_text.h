// An input file's text, checked byte by byte before yaml-cpp sees it (size,
// byte order marks, UTF-8, NUL), and the translation of yaml-cpp's marks
// (0-based, columns in bytes) into SourceLoc (1-based, columns in code points).
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace broadsheet {

/// Limits, documented in docs/input.md: an input file holds at most 64 MiB
/// (yaml-cpp needs about 4.4 times the file size in memory) and all inputs
/// together at most 100,000 articles. Nothing else (title length, body size)
/// is capped.
inline constexpr size_t kMaxInputBytes = size_t{64} * 1024 * 1024;
inline constexpr size_t kMaxArticles = 100'000;

/// One input's UTF-8 text (without a byte order mark) and its line index.
struct SourceText {
  std::string file;                 ///< as given on the command line
  std::string text;
  std::vector<size_t> line_starts;  ///< byte offset where each line starts

  /// The location of a yaml-cpp mark; columns counted in code points.
  SourceLoc loc(const YAML::Mark& mark) const { return loc_at(mark.line, mark.column); }
  /// The location of a 0-based line and byte column.
  SourceLoc loc_at(int line0, int byte_column) const;
  /// A 0-based line's text without its line break ("" when out of range).
  std::string_view line(int line0) const;
};

/// Checks the raw bytes and returns the text ready for yaml-cpp, or reports
/// why it cannot be read as UTF-8 YAML and returns nullopt.
std::optional<SourceText> check_source(const std::string& file, std::string_view bytes,
                                       Diagnostics& diags);

/// "70 MiB", rounded up: for messages about the size limit.
std::string mebibytes(size_t bytes);

}  // namespace broadsheet
