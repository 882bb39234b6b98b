// Where named styles (NAME.yaml + NAME.css) are looked for. An installed binary
// finds the shipped styles beside its own prefix; users add their own through
// $BROADSHEET_STYLES or the XDG data folders. No path of the source tree is
// compiled in, so a moved prefix or a removed checkout still finds its styles.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace broadsheet {

/// What the lookup reads of the process environment (kept apart for tests).
struct StyleDirsEnv {
  std::optional<std::string> broadsheet_styles;  ///< $BROADSHEET_STYLES: folders, ':'-separated
  std::optional<std::string> xdg_data_home;      ///< $XDG_DATA_HOME (default ~/.local/share)
  std::optional<std::string> xdg_data_dirs;      ///< $XDG_DATA_DIRS (default /usr/local/share:/usr/share)
  std::optional<std::string> home;               ///< $HOME
  std::filesystem::path executable_dir;          ///< the folder of the running binary
};

/// The folders searched, first match wins: $BROADSHEET_STYLES, the user's
/// $XDG_DATA_HOME/broadsheet/styles, the binary's own prefix
/// (BIN/../share/broadsheet/styles), a build tree's (BIN/styles, BIN/../styles),
/// then $XDG_DATA_DIRS/broadsheet/styles. Only folders that exist are listed.
std::vector<std::filesystem::path> style_search_path(const StyleDirsEnv& env);

/// The first folder of the search path holding NAME.yaml; if none does, the
/// first that holds any style (so that the error can name what is available);
/// nullopt when the search path is empty.
std::optional<std::filesystem::path> find_style_dir(const std::string& name,
                                                    const std::vector<std::filesystem::path>& path);

}  // namespace broadsheet
