// Queries on the document tree that both back ends share: the byline, the
// edition's tags, the article count, and the plain text of inline runs.
#include <algorithm>
#include <initializer_list>

#include "doc/document.h"

namespace broadsheet {
namespace {

constexpr std::string_view kBylineSeparator = " \xC2\xB7 ";  // " · "

void append_plain_text(const std::vector<Inline>& inlines, std::string& out) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::Text:
      case InlineKind::Code: out += in.text; break;
      case InlineKind::LineBreak: out += ' '; break;  // titles and outlines are one line
      case InlineKind::Emphasis:
      case InlineKind::Strong:
      case InlineKind::Link:
      case InlineKind::Underline:
      case InlineKind::Strike:
      case InlineKind::Subscript:
      case InlineKind::Superscript:
      case InlineKind::Image: append_plain_text(in.children, out); break;  // an image: its alt text
    }
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// Where the first of keys that the article gives stands; unknown when none.
SourceLoc first_given(const FieldLocs& locs, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (auto found = locs.find(key); found != locs.end()) return found->second;
  }
  return {};
}

}  // namespace

std::string ArticleDoc::byline() const {
  return join({join(authors, ", "), source, time_label}, kBylineSeparator);
}

std::vector<ShownText> shown_texts(const ArticleDoc& article) {
  const FieldLocs& at = article.field_locs;
  return {{article.title, first_given(at, {"title"})},
          {article.byline(), first_given(at, {"author", "authors", "source", "date"})},
          {article.summary, first_given(at, {"summary"})},
          {article.url.empty() ? article.source : article.url, first_given(at, {"url", "source"})}};
}

std::vector<std::string> Document::all_tags() const {
  std::vector<std::string> tags;
  for (const SectionDoc& section : sections) {
    for (const ArticleDoc& article : section.articles) {
      for (const std::string& tag : article.tags) {
        // A linear search keeps first-appearance order; an edition has few tags.
        if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
      }
    }
  }
  return tags;
}

size_t Document::article_count() const {
  size_t count = 0;
  for (const SectionDoc& section : sections) count += section.articles.size();
  return count;
}

std::string plain_text(const std::vector<Inline>& inlines) {
  std::string out;
  append_plain_text(inlines, out);
  return out;
}

std::string spoken_alt(const Block& figure) {
  return figure.alt == figure.caption ? std::string() : figure.alt;
}

}  // namespace broadsheet
