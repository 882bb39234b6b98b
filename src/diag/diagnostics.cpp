// Diagnostics: collecting problems and printing them gcc-style, with the
// offending source line and a caret under the column (see diagnostics.h).
#include "diag/diagnostics.h"

#include <algorithm>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

// Longer source lines are cut when quoted, so that one minified line cannot
// flood the terminal.
constexpr size_t kMaxQuotedCodePoints = 300;

const char* severity_name(Severity s) { return s == Severity::Error ? "error" : "warning"; }

// Quoted lines that are cut start this many code points before the column, so
// that the caret stays on screen however far right the problem is.
constexpr size_t kContextBeforeColumn = 150;

// What terminals would act on rather than show: C0 and C1 controls, DEL, and the
// bidi overrides that could make the quoted line read as something else.
bool is_unprintable(char32_t cp) {
  return (cp < 0x20 && cp != U'\t') || (cp >= 0x7F && cp <= 0x9F) ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// One code point as it should appear in a quoted line: controls and invalid
// bytes become U+FFFD, so the caret still lines up (one column each).
void append_printable(std::string& out, char32_t cp) {
  append_utf8(out, is_unprintable(cp) ? kReplacementCharacter : cp);
}

// The first code point shown of a line whose problem is at column (1-based).
size_t first_shown(int column) {
  const auto before = static_cast<size_t>(std::max(column - 1, 0));
  return before < kMaxQuotedCodePoints ? 0 : before - kContextBeforeColumn;
}

// Skips n code points of line from i.
void skip_code_points(std::string_view line, size_t& i, size_t n) {
  for (size_t k = 0; k < n && i < line.size(); ++k) next_code_point(line, i);
}

// At most kMaxQuotedCodePoints of the line from its first shown code point;
// "... " and " ..." mark what is cut.
std::string printable_line(std::string_view line, int column) {
  const size_t first = first_shown(column);
  std::string out = first > 0 ? "... " : "";
  size_t i = 0;
  skip_code_points(line, i, first);
  size_t count = 0;
  while (i < line.size()) {
    if (++count > kMaxQuotedCodePoints) {
      out += " ...";
      break;
    }
    append_printable(out, next_code_point(line, i));
  }
  return out;
}

// Spaces up to the column, copying tabs so that the caret lines up with the
// quoted line however the terminal expands them.
std::string caret_line(std::string_view line, int column) {
  const size_t first = first_shown(column);
  std::string out = first > 0 ? "      |     " : "      | ";
  size_t i = 0;
  skip_code_points(line, i, first);
  for (auto c = static_cast<int>(first) + 1; c < column && i < line.size(); ++c) {
    out += next_code_point(line, i) == U'\t' ? '\t' : ' ';
  }
  return out + "^\n";
}

std::string line_number_gutter(int line) {
  std::string number = std::to_string(line);
  if (number.size() < 5) number.insert(0, 5 - number.size(), ' ');
  return number + " | ";
}

}  // namespace

void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  items_.push_back({Severity::Error, std::move(loc), std::move(message), std::move(hint)});
  ++errors_;
}

void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::add_source(const std::string& file, std::string text) {
  Source source{std::move(text), {0}};
  for (size_t i = 0; i < source.text.size(); ++i) {
    if (source.text[i] == '\n') source.line_starts.push_back(i + 1);
  }
  sources_[file] = std::move(source);
}

std::string Diagnostics::headline(const Diagnostic& d) {
  std::string out = d.loc.file;
  if (d.loc.line > 0) out += ':' + std::to_string(d.loc.line);
  if (d.loc.line > 0 && d.loc.column > 0) out += ':' + std::to_string(d.loc.column);
  if (!out.empty()) out += ": ";
  return out + severity_name(d.severity) + ": " + d.message;
}

std::string Diagnostics::format() const { return format(items_); }

std::string Diagnostics::format(const std::vector<Diagnostic>& items) const {
  std::string out;
  for (const Diagnostic& d : items) {
    out += headline(d) + '\n';
    std::string line = d.loc.line > 0 ? source_line(d.loc.file, d.loc.line) : std::string();
    if (!line.empty()) {
      out += line_number_gutter(d.loc.line) + printable_line(line, d.loc.column) + '\n';
      if (d.loc.column > 0) out += caret_line(line, d.loc.column);
    }
    if (!d.hint.empty()) out += "      = note: " + d.hint + '\n';
  }
  return out;
}

// The raw text of a 1-based line without its line break; empty when unknown.
std::string Diagnostics::source_line(const std::string& file, int line) const {
  auto found = sources_.find(file);
  if (found == sources_.end()) return {};
  const Source& source = found->second;
  const auto index = static_cast<size_t>(line - 1);
  if (line < 1 || index >= source.line_starts.size()) return {};
  const size_t begin = source.line_starts[index];
  size_t end = index + 1 < source.line_starts.size() ? source.line_starts[index + 1] - 1
                                                      : source.text.size();
  if (end > begin && source.text[end - 1] == '\r') --end;
  return source.text.substr(begin, end - begin);
}

}  // namespace broadsheet
