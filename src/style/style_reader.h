// Applying a parsed style file (YAML) to a Style, reporting each unknown key
// and each bad value with its location. Private to src/style/.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostics.h"
#include "input/source_text.h"
#include "style/style.h"

namespace broadsheet {

/// Sets the fields of style that root (the file's top-level mapping, parsed
/// from source) gives. Diagnostics are located as a digest's are: columns in
/// code points, unknown keys with a "did you mean" hint.
void apply_style_yaml(const YAML::Node& root, const SourceText& source, Style& style, Diagnostics& diags);

}  // namespace broadsheet
