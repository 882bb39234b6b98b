// The relay's password, from where the subscribers file says to find it:
// an environment variable, a file, or a command's output. Never from the
// file itself or the command line.
#pragma once

#include <filesystem>
#include <string>

#include "deliver/subscribers.h"

namespace broadsheet {

/// The password (empty when none is configured); relative paths are taken
/// beside the subscribers file. Throws EnvironmentError saying where it
/// looked, never what it found.
std::string resolve_password(const TransportConfig& transport, const std::filesystem::path& base_dir);

}  // namespace broadsheet
