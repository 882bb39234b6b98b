// Input: YAML digest files to a validated Digest. Every problem is reported
// to Diagnostics with its file:line:column; nothing stops at the first one.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "exec/executor.h"
#include "model/article.h"

namespace broadsheet {

/// Parses and validates one digest's text. `file` names it in diagnostics and
/// its parent folder becomes the articles' base_dir. The text is registered
/// with diags so that diagnostics can quote it.
Digest parse_digest(const std::string& file, std::string_view text, Diagnostics& diags);

/// Reads (through env/files) and merges several digest files in order. Edition
/// metadata comes from the first file that sets each field; a later file that
/// sets a different value gets a warning. Unreadable files are errors. With an
/// executor, part of each file's parsing runs on it (parse_yaml).
Digest load_digests(const std::vector<std::filesystem::path>& files, Diagnostics& diags,
                    Executor* executor = nullptr);

}  // namespace broadsheet
