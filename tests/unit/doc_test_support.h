// Test helper: the dump of a body alone, so that Markdown and plain-text tests
// can state the expected tree as readable text.
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"

namespace broadsheet::test {

/// dump_document's lines for the blocks, without the document, section and
/// article lines, and indented from column 0.
inline std::string dump_body(std::vector<Block> body) {
  ArticleDoc article;
  article.id = "s1-a1";
  article.body = std::move(body);
  SectionDoc section;
  section.articles.push_back(std::move(article));
  Document doc;
  doc.sections.push_back(std::move(section));
  std::string dump = dump_document(doc);
  std::string body_lines;
  size_t start = 0;
  for (int line = 0; start < dump.size(); ++line) {
    size_t end = dump.find('\n', start);
    if (line >= 3) body_lines += dump.substr(start + 4, end + 1 - (start + 4));
    start = end + 1;
  }
  return body_lines;
}

}  // namespace broadsheet::test
