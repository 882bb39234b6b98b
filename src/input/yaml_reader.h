// Parsing checked text with yaml-cpp: syntax errors become diagnostics with a
// friendlier message where the cause is a known YAML trap (tabs, ': ' in an
// unquoted value), and a file must hold one document.
#pragma once

#include <yaml-cpp/node/node.h>

#include <optional>

#include "diag/diagnostics.h"
#include "exec/executor.h"
#include "input/source_text.h"

namespace broadsheet {

/// The file's one YAML document (a Null node when the file is empty or only
/// comments), or nullopt after reporting a syntax error or several documents.
/// With an executor, the event checks (yaml_blind_spots.h) run on it while
/// yaml-cpp loads the text here.
std::optional<YAML::Node> parse_yaml(const SourceText& source, Diagnostics& diags, Executor* executor = nullptr);

}  // namespace broadsheet
