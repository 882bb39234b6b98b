// Diagnostics: input problems as data, each with a source location, collected
// so that every problem is reported in one run (never only the first).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace broadsheet {

/// A position in an input file; line and column are 1-based, 0 means unknown.
struct SourceLoc {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class Severity { Error, Warning };

/// One problem found in the input.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;
  std::string hint;  ///< optional, printed as "note: ..." (e.g. "did you mean 'title'?")
};

/// Collects diagnostics and the source text needed to quote the offending line.
class Diagnostics {
 public:
  void error(SourceLoc loc, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string message, std::string hint = {});
  /// Remembers a file's text so that printed diagnostics can show the line and a caret.
  void add_source(const std::string& file, std::string text);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// Every diagnostic, in the order reported, gcc/rustc style:
  ///   FILE:LINE:COL: error: MESSAGE          (FILE:LINE: or FILE: when unknown)
  ///      14 |     date: 2024-02-30           (when the source line is known)
  ///         |                   ^            (caret under COL, in code points)
  ///         = note: HINT                     (when there is a hint)
  std::string format() const;
  /// Other diagnostics (a later stage's) printed as format() prints its own,
  /// quoting the source lines this holds.
  std::string format(const std::vector<Diagnostic>& items) const;
  /// Just the "FILE:LINE:COL: severity: message" headline of one diagnostic.
  static std::string headline(const Diagnostic& d);

 private:
  std::string source_line(const std::string& file, int line) const;

  struct Source {
    std::string text;
    std::vector<size_t> line_starts;  ///< byte offset of each line, for quick quoting
  };
  std::vector<Diagnostic> items_;
  std::map<std::string, Source> sources_;
  int errors_ = 0;
};

}  // namespace broadsheet
