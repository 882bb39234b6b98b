// Checking an input's bytes before parsing: yaml-cpp passes invalid UTF-8
// through and fails on UTF-16 with a misleading message, so both are caught
// here with the file's own line and column.
#include "input/source_text.h"

#include <algorithm>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

// The encodings a byte order mark announces; UTF-32 first, since its
// little-endian mark starts with UTF-16's.
const char* foreign_encoding(std::string_view bytes) {
  auto starts = [bytes](std::string_view mark) { return bytes.substr(0, mark.size()) == mark; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\0\0"sv) || starts("\0\0\xFE\xFF"sv)) return "UTF-32";
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) return "UTF-16";
  return nullptr;
}

std::string hex_byte(unsigned char byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string("0x") + kDigits[byte >> 4] + kDigits[byte & 0xF];
}

std::vector<size_t> index_lines(std::string_view text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

// The first NUL byte's position; YAML forbids it and it usually means UTF-16.
std::optional<SourceLoc> find_nul(const SourceText& source) {
  size_t at = source.text.find('\0');
  if (at == std::string::npos) return std::nullopt;
  auto line = std::upper_bound(source.line_starts.begin(), source.line_starts.end(), at) - 1;
  return source.loc_at(static_cast<int>(line - source.line_starts.begin()),
                       static_cast<int>(at - *line));
}

bool check_encoding(const std::string& file, std::string_view bytes, Diagnostics& diags) {
  if (bytes.size() > kMaxInputBytes) {
    diags.error({file}, "the file is " + mebibytes(bytes.size()) + "; the limit is " +
                            mebibytes(kMaxInputBytes));
    return false;
  }
  if (const char* encoding = foreign_encoding(bytes)) {
    diags.error({file}, std::string("the file is ") + encoding + "; save it as UTF-8");
    return false;
  }
  return true;
}

}  // namespace

std::string mebibytes(size_t bytes) {
  constexpr size_t kMiB = 1024 * 1024;
  return std::to_string((bytes + kMiB - 1) / kMiB) + " MiB";
}

SourceLoc SourceText::loc_at(int line0, int byte_column) const {
  if (line0 < 0 || static_cast<size_t>(line0) >= line_starts.size()) return {file};
  std::string_view text_line = line(line0);
  const auto bytes = std::min(static_cast<size_t>(std::max(byte_column, 0)), text_line.size());
  int column = 1;
  for (size_t i = 0; i < bytes; ++column) next_code_point(text_line, i);
  return {file, line0 + 1, column};
}

std::string_view SourceText::line(int line0) const {
  if (line0 < 0 || static_cast<size_t>(line0) >= line_starts.size()) return {};
  const size_t begin = line_starts[static_cast<size_t>(line0)];
  size_t end = static_cast<size_t>(line0) + 1 < line_starts.size()
                   ? line_starts[static_cast<size_t>(line0) + 1] - 1
                   : text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(begin, end - begin);
}

std::optional<SourceText> check_source(const std::string& file, std::string_view bytes,
                                       Diagnostics& diags) {
  if (!check_encoding(file, bytes, diags)) return std::nullopt;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // UTF-8 BOM: accepted
  SourceText source{file, std::string(bytes), index_lines(bytes)};
  diags.add_source(file, source.text);
  if (auto bad = find_invalid_utf8(source.text)) {
    const auto byte = static_cast<unsigned char>(source.text[bad->offset]);
    diags.error({file, bad->line, bad->column},
                "the file is not valid UTF-8 (byte " + hex_byte(byte) + ")",
                "save it as UTF-8; it may be in Latin-1 or Windows-1252");
    return std::nullopt;
  }
  if (auto nul = find_nul(source)) {
    diags.error(*nul, "the file contains a NUL byte", "save it as UTF-8 text (is it UTF-16?)");
    return std::nullopt;
  }
  return source;
}

}  // namespace broadsheet
