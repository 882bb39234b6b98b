// Small helpers for building inline runs, shared by the Markdown and plain-text
// adapters: they keep adjacent text in one Text inline and turn newlines into
// LineBreak inlines. Private to src/doc/.
#pragma once

#include <string_view>
#include <vector>

#include "doc/document.h"

namespace broadsheet {

/// Appends text, extending the last inline when it is Text (adjacent text is merged).
void append_text(std::vector<Inline>& inlines, std::string_view text);

/// Appends text whose '\n' characters become LineBreak inlines.
void append_lines(std::vector<Inline>& inlines, std::string_view text);

}  // namespace broadsheet
