// Applying a parsed style file (YAML) to a Style, reporting each unknown key
// and each bad value with its location. Private to src/style/.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "diag/diagnostics.h"
#include "style/style.h"

namespace broadsheet {

/// Sets the fields of style that root (the file's top-level mapping) gives;
/// file names the style file in diagnostics.
void apply_style_yaml(const YAML::Node& root, const std::string& file, Style& style,
                      Diagnostics& diags);

}  // namespace broadsheet
