// The blind-spot checks (yaml_blind_spots.h) read yaml-cpp's events, which carry
// each node's source position, and look at the source text there: the events
// say where a node starts, the text says how it was written.
#include "input/yaml_blind_spots.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string_view>
#include <vector>

namespace broadsheet {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where an anchor or tag name ends: at a blank, or at a flow indicator inside [ ] or { }.
bool ends_property(char c) { return is_blank(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// libyaml's anchor characters (YAML 1.1): letters, digits, '_' and '-'.
bool is_anchor_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Does the line hold a ':' that YAML reads as the key/value separator?
bool has_mapping_indicator(std::string_view line) {
  for (size_t colon = line.find(':'); colon != std::string_view::npos; colon = line.find(':', colon + 1)) {
    if (colon + 1 == line.size() || is_blank(line[colon + 1])) return true;
  }
  return false;
}

// Where the closing quote of the quoted scalar opening at `open` is, or npos.
size_t closing_quote(std::string_view text, size_t open) {
  const char quote = text[open];
  for (size_t i = open + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is one quote inside single quotes
        continue;
      }
      return i;
    }
  }
  return std::string_view::npos;
}

class BlindSpotFinder : public YAML::EventHandler {
 public:
  explicit BlindSpotFinder(const SourceText& source) : source_(source), text_(source.text) {}
  std::optional<Diagnostic> found;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    node();
    after_properties(mark);  // "&amp;" alone in a list is an anchor on an empty value
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { node(); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override {
    const bool key = is_key();
    node();
    const size_t start = after_properties(mark);
    if (found || start >= text_.size()) return;
    if (text_[start] == '"' || text_[start] == '\'') return check_quoted(start);
    if (key) check_key_colon(mark, start);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    node();
    after_properties(mark);
    open_.push_back(Open{.map = false});
  }
  void OnSequenceEnd() override { open_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value style) override {
    node();
    after_properties(mark);
    open_.push_back(Open{.map = true, .block = style == YAML::EmitterStyle::Block});
  }
  void OnMapEnd() override { open_.pop_back(); }

 private:
  struct Open {
    bool map = false;
    bool block = false;
    size_t children = 0;  // in a mapping: keys and values alternate
  };

  bool is_key() const { return !open_.empty() && open_.back().map && open_.back().block && open_.back().children % 2 == 0; }
  void node() {
    if (!open_.empty()) ++open_.back().children;
  }

  void report(size_t pos, std::string message, std::string hint) {
    if (found) return;
    const size_t line_start = text_.rfind('\n', pos == 0 ? 0 : pos - 1);
    const size_t column = line_start == std::string_view::npos || pos == 0 ? pos : pos - line_start - 1;
    int line0 = 0;
    for (size_t i = 0; i < pos && i < text_.size(); ++i) line0 += text_[i] == '\n';
    found = Diagnostic{Severity::Error, source_.loc_at(line0, static_cast<int>(column)), std::move(message),
                       std::move(hint)};
  }

  // The node's own first character, past its anchor (&name) and tag (!tag);
  // an anchor name libyaml would refuse is reported on the way.
  size_t after_properties(const YAML::Mark& mark) {
    size_t at = static_cast<size_t>(std::max(mark.pos, 0));
    while (at < text_.size() && (text_[at] == '&' || text_[at] == '!')) {
      size_t end = at + 1;
      while (end < text_.size() && !ends_property(text_[end])) ++end;
      if (text_[at] == '&') check_anchor(at, text_.substr(at + 1, end - at - 1));
      at = end;
      while (at < text_.size() && is_blank(text_[at])) ++at;
    }
    return at;
  }

  void check_anchor(size_t at, std::string_view name) {
    for (char c : name) {
      if (is_anchor_char(c)) continue;
      // The example quotes the text up to a quote of its own ("&amp;\"" was a lost opening quote).
      const std::string_view shown = name.substr(0, name.find_first_of("\"'"));
      report(at, "invalid YAML: '&" + std::string(name) + "' is read as an anchor, and '" + std::string(name) +
                     "' is not a valid anchor name",
             "a value that starts with '&' (an HTML entity such as &amp;) must be quoted: \"&" +
                 std::string(shown) + " ...\"");
      return;
    }
  }

  void check_quoted(size_t open) {
    if (closing_quote(text_, open) != std::string_view::npos) return;
    const bool double_quoted = text_[open] == '"';
    report(open,
           std::string("invalid YAML: the ") + (double_quoted ? "double" : "single") +
               "-quoted text that starts here is never closed; it runs to the end of the file",
           double_quoted ? "add the closing \" where the text ends (a \" inside it is written \\\")"
                         : "add the closing ' where the text ends (a ' inside it is written '')");
  }

  // A block mapping's key is followed by ':' on its own line; yaml-cpp takes a
  // last line without one as a key with no value. Only a ':' followed by a
  // blank or the line's end separates a key: "date 2024-11-06T07:30:00" has none.
  void check_key_colon(const YAML::Mark& mark, size_t start) {
    const size_t line_end = std::min(text_.find('\n', start), text_.size());
    if (has_mapping_indicator(text_.substr(start, line_end - start))) return;
    const size_t line_start = text_.rfind('\n', start == 0 ? 0 : start - 1);
    std::string_view before = text_.substr(line_start == std::string_view::npos ? 0 : line_start + 1);
    before = before.substr(0, before.find_first_not_of(" -"));
    if (before.find('?') != std::string_view::npos) return;  // an explicit "? key"
    (void)mark;
    const std::string_view line = text_.substr(start, line_end - start);
    const bool colon_inside = line.find(':') != std::string_view::npos;
    report(start,
           "invalid YAML: '" + std::string(line) + "' stands where a key belongs, but has no ':' after it",
           colon_inside ? "a ':' ends a key only when a space follows it: write it as 'key: value'"
                        : "write it as 'key: value', or indent it under the key it continues");
  }

  const SourceText& source_;
  std::string_view text_;
  std::vector<Open> open_;
};

// Notes where the first document after the first one has content. A trailing
// "---" or "..." alone makes an empty (null) document, which is harmless; a
// null that yaml-cpp makes of stray text (" , city life]" after the top-level
// value ended) is content libyaml rejects.
class DocumentCounter : public YAML::EventHandler {
 public:
  explicit DocumentCounter(std::string_view text) : text_(text) {}
  int documents = 0;
  std::optional<YAML::Mark> extra_content;

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!is_empty_document_at(mark)) content(mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { content(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string&) override {
    content(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    content(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    content(mark);
  }
  void OnMapEnd() override {}

 private:
  void content(const YAML::Mark& mark) {
    if (documents > 1 && !extra_content) extra_content = mark;
  }
  // An empty document's null stands at the end of the file, at a marker line,
  // or at a comment or blank.
  bool is_empty_document_at(const YAML::Mark& mark) const {
    const size_t at = static_cast<size_t>(std::max(mark.pos, 0));
    if (at >= text_.size()) return true;
    const std::string_view rest = text_.substr(at);
    if (rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") return true;
    const char c = rest.front();
    return c == '#' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }
  std::string_view text_;
};

// Each event to the document counter, and those of the first document to the
// blind-spot finder too: both checks in one pass over the text.
class EventTee : public YAML::EventHandler {
 public:
  EventTee(BlindSpotFinder& finder, DocumentCounter& counter) : finder_(finder), counter_(counter) {}

  void OnDocumentStart(const YAML::Mark& mark) override { counter_.OnDocumentStart(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (first()) finder_.OnNull(mark, anchor);
    counter_.OnNull(mark, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (first()) finder_.OnAlias(mark, anchor);
    counter_.OnAlias(mark, anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (first()) finder_.OnScalar(mark, tag, anchor, value);
    counter_.OnScalar(mark, tag, anchor, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    if (first()) finder_.OnSequenceStart(mark, tag, anchor, style);
    counter_.OnSequenceStart(mark, tag, anchor, style);
  }
  void OnSequenceEnd() override {
    if (first()) finder_.OnSequenceEnd();
  }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    if (first()) finder_.OnMapStart(mark, tag, anchor, style);
    counter_.OnMapStart(mark, tag, anchor, style);
  }
  void OnMapEnd() override {
    if (first()) finder_.OnMapEnd();
  }

 private:
  bool first() const { return counter_.documents <= 1; }
  BlindSpotFinder& finder_;
  DocumentCounter& counter_;
};

}  // namespace

// yaml-cpp 0.7's LoadAll can loop forever, collecting empty documents, on some
// malformed input (found by fuzzing), so documents are read through the event
// API, at most three.
YamlEventFindings scan_yaml_events(const SourceText& source) {
  std::istringstream in(source.text);
  YAML::Parser parser(in);
  BlindSpotFinder finder(source);
  DocumentCounter counter(source.text);
  EventTee both(finder, counter);
  YamlEventFindings findings;
  try {
    for (int i = 0; i < 3 && !counter.extra_content && parser.HandleNextDocument(both); ++i) {
    }
  } catch (const YAML::Exception&) {
    findings.failure = std::current_exception();
  }
  findings.blind_spot = finder.found;
  findings.second_document = counter.extra_content;
  return findings;
}

}  // namespace broadsheet
