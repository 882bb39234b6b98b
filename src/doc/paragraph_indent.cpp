// See paragraph_indent.h.
#include "doc/paragraph_indent.h"

namespace broadsheet {

bool first_line_indented(const Block* previous_sibling, bool in_list) {
  return !in_list && previous_sibling && previous_sibling->kind == BlockKind::Paragraph;
}

}  // namespace broadsheet
