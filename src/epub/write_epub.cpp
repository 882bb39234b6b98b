// STUB
#include "epub/write_epub.h"
namespace broadsheet {
std::string render_epub(const Document&, const Style&) { return {}; }
}  // namespace broadsheet
