// What yaml-cpp 0.7 accepts silently although YAML forbids it, found by running
// libyaml (the reference parser) as a differential oracle over the test inputs
// and their mutations (tests/yaml_oracle). Checked on the event stream after
// yaml-cpp has parsed the file without complaint; kept apart from the reader.
#pragma once

#include <optional>

#include "diag/diagnostics.h"
#include "input/source_text.h"

namespace broadsheet {

/// The first blind spot in the file's first document, if any:
///   - a quoted scalar that runs to the end of the file without its closing quote
///     (yaml-cpp closes it there), reported where the quote opens;
///   - a block mapping's key line without ':' at the end of the file (yaml-cpp
///     makes it a key with a null value);
///   - an anchor name libyaml refuses ("&lt;p&gt;", "&nbsp;x": scraped text
///     that starts with an HTML entity silently loses its first word).
/// The hint says how to write it.
std::optional<Diagnostic> find_yaml_blind_spot(const SourceText& source);

}  // namespace broadsheet
