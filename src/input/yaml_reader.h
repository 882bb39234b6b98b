// Parsing checked text with yaml-cpp: syntax errors become diagnostics with a
// friendlier message where the cause is a known YAML trap (tabs, ': ' in an
// unquoted value), and a file must hold one document.
#pragma once

#include <yaml-cpp/node/node.h>

#include <optional>

#include "diag/diagnostics.h"
#include "input/source_text.h"

namespace broadsheet {

/// The file's one YAML document (a Null node when the file is empty or only
/// comments), or nullopt after reporting a syntax error or several documents.
std::optional<YAML::Node> parse_yaml(const SourceText& source, Diagnostics& diags);

}  // namespace broadsheet
