// yaml-cpp's parser messages are terse ("illegal map value"); the common
// causes are recognised from the source line and explained instead.
#include "input/yaml_reader.h"

#include "input/yaml_blind_spots.h"

#include <yaml-cpp/yaml.h>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/node/parse.h>


#include <array>
#include <utility>

namespace broadsheet {
namespace {

struct Explanation {
  SourceLoc loc;
  std::string message;
  std::string hint;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A tab in the indentation of the error line or the line before it.
std::optional<SourceLoc> indentation_tab(const SourceText& source, int line0) {
  for (int l = std::max(line0 - 1, 0); l <= line0; ++l) {
    std::string_view text = source.line(l);
    size_t indent = text.find_first_not_of(" \t-");
    size_t tab = text.substr(0, indent).find('\t');
    if (tab != std::string_view::npos) return source.loc_at(l, static_cast<int>(tab));
  }
  return std::nullopt;
}

// "title: Breaking: news" → the suggestion `title: "Breaking: news"`.
std::optional<std::string> quoting_suggestion(std::string_view line) {
  std::string_view content = trim(line);
  if (content.substr(0, 2) == "- ") content = trim(content.substr(2));
  size_t colon = content.find(": ");
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view value = trim(content.substr(colon + 2));
  if (value.find(": ") == std::string_view::npos && value.find(" #") == std::string_view::npos) {
    return std::nullopt;
  }
  const char quote = value.find('"') == std::string_view::npos ? '"' : '\'';
  return std::string(content.substr(0, colon)) + ": " + quote + std::string(value) + quote;
}

// yaml-cpp messages that deserve plainer words.
std::string plain_message(const std::string& msg) {
  // Not constexpr: yaml-cpp's messages are `const char* const`, which clang does not
  // accept in a constant expression.
  static const std::array<std::pair<std::string_view, std::string_view>, 8> kPlain = {{
      {YAML::ErrorMsg::END_OF_SEQ_FLOW, "a '[' list is not closed with ']'"},
      {YAML::ErrorMsg::END_OF_MAP_FLOW, "a '{' mapping is not closed with '}'"},
      {YAML::ErrorMsg::EOF_IN_SCALAR, "a quoted text is not closed"},
      {YAML::ErrorMsg::INVALID_ESCAPE, "unknown escape sequence in a double-quoted text"},
      {YAML::ErrorMsg::UNKNOWN_ANCHOR, "the alias refers to an anchor that is not defined"},
      {YAML::ErrorMsg::MAP_VALUE, "a ':' is not where YAML expects it"},
      // "\uD800": yaml-cpp prints the code as a decimal number, which helps nobody.
      {YAML::ErrorMsg::INVALID_UNICODE,
       "a \\u or \\U escape names no Unicode character (a lone surrogate, or above U+10FFFF)"},
      {YAML::ErrorMsg::INVALID_HEX, "a \\x, \\u or \\U escape has a character that is not a hex digit"},
  }};
  for (const auto& [yaml_cpp, plain] : kPlain) {
    if (msg.rfind(yaml_cpp, 0) == 0) return "invalid YAML: " + std::string(plain);
  }
  return "invalid YAML: " + msg;
}

// yaml-cpp marks the end of a bad \u escape; the caret belongs on its backslash.
SourceLoc escape_start(const SourceText& source, const YAML::Mark& mark) {
  std::string_view line = source.line(mark.line);
  const size_t before = std::min(static_cast<size_t>(std::max(mark.column, 0)), line.size());
  const size_t backslash = line.substr(0, before).rfind('\\');
  if (backslash == std::string_view::npos) return source.loc(mark);
  return source.loc_at(mark.line, static_cast<int>(backslash));
}

Explanation explain(const SourceText& source, const YAML::Mark& mark, const std::string& msg) {
  if (auto tab = indentation_tab(source, mark.line)) {
    return {*tab, "invalid YAML: a tab is used for indentation", "YAML allows only spaces for indentation"};
  }
  if (msg == YAML::ErrorMsg::MAP_VALUE) {
    if (auto quoted = quoting_suggestion(source.line(mark.line))) {
      return {source.loc(mark), "invalid YAML: the value contains ': '; put it in quotes",
              "write it as " + *quoted};
    }
  }
  if (msg.rfind(YAML::ErrorMsg::INVALID_UNICODE, 0) == 0 || msg == YAML::ErrorMsg::INVALID_HEX) {
    return {escape_start(source, mark), plain_message(msg), ""};
  }
  std::string hint;
  if (msg.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) == 0) {
    hint = "use single quotes, or write a backslash as \\\\";
  }
  return {source.loc(mark), plain_message(msg), hint};
}

// The "---" line that starts a document whose content begins at line0.
SourceLoc document_start(const SourceText& source, int line0) {
  for (int l = line0; l >= 0; --l) {
    if (source.line(l).substr(0, 3) == "---") return {source.file, l + 1, 1};
  }
  return source.loc_at(line0, 0);
}

// Only a line starting with "---" or "..." can begin a second document.
bool has_document_markers(const std::string& text) {
  for (size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    std::string_view line(text.data() + at, std::min<size_t>(3, text.size() - at));
    if (line == "---" || line == "...") return true;
    if (text.find('\n', at) == std::string::npos) break;
  }
  return false;
}

}  // namespace

std::optional<YAML::Node> parse_yaml(const SourceText& source, Diagnostics& diags, Executor* executor) {
  // The event checks read the whole text as the loader does: on a second core
  // they take no time of their own.
  Task<YamlEventFindings> scanning = submit(executor, [&source] { return scan_yaml_events(source); });
  YAML::Node first;
  YamlEventFindings events;
  try {
    first = YAML::Load(source.text);
    events = scanning.get();
    // An error past where the loader stops (a second document's) is reported like the loader's.
    if (events.failure) std::rethrow_exception(events.failure);
  } catch (const YAML::DeepRecursion& e) {
    diags.error(source.loc(e.mark), "invalid YAML: nested too deeply");
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    Explanation why = explain(source, e.mark, e.msg);
    diags.error(why.loc, why.message, why.hint);
    return std::nullopt;
  }
  if (events.blind_spot) {
    diags.error(events.blind_spot->loc, events.blind_spot->message, events.blind_spot->hint);
    return std::nullopt;
  }
  const std::optional<YAML::Mark>& second = events.second_document;
  if (second && has_document_markers(source.text)) {
    diags.error(document_start(source, second->line),
                "the file holds several YAML documents ('---' starts a new one)",
                "put every article in one list");
    return std::nullopt;
  }
  if (second) {  // yaml-cpp ends the document where its top-level value ends, silently
    diags.error(source.loc(*second), "invalid YAML: this line is outside the document, whose top-level value ends before it",
                "the top level holds one value: check this line's indentation and the lines above it");
    return std::nullopt;
  }
  return first;
}

}  // namespace broadsheet
