// STUB
#include "doc/document.h"
namespace broadsheet {
std::string ArticleDoc::byline() const { return {}; }
std::vector<std::string> Document::all_tags() const { return {}; }
size_t Document::article_count() const { return 0; }
Document build_document(const Edition&) { return {}; }
std::vector<Block> parse_markdown(const std::string&) { return {}; }
std::vector<Block> parse_plain_text(const std::string&) { return {}; }
std::string plain_text(const std::vector<Inline>&) { return {}; }
std::string dump_document(const Document&) { return {}; }
}  // namespace broadsheet
