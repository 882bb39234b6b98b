// The style search path (see style_dirs.h): environment variables first, then
// folders found relative to the running binary, then the system's data folders.
#include "env/style_dirs.h"

#include <algorithm>
#include <string_view>

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

const fs::path kStylesUnderData = fs::path("broadsheet") / "styles";

// A ':'-separated list of folders; empty entries are skipped, as the XDG
// specification asks.
std::vector<fs::path> split_folders(std::string_view list) {
  std::vector<fs::path> folders;
  while (!list.empty()) {
    size_t colon = list.find(':');
    std::string_view entry = list.substr(0, colon);
    if (!entry.empty()) folders.emplace_back(entry);
    list = colon == std::string_view::npos ? std::string_view{} : list.substr(colon + 1);
  }
  return folders;
}

// XDG: an unset or empty variable means its default; relative paths are ignored.
std::optional<fs::path> user_data_home(const StyleDirsEnv& env) {
  if (env.xdg_data_home && !env.xdg_data_home->empty() && fs::path(*env.xdg_data_home).is_absolute()) {
    return fs::path(*env.xdg_data_home);
  }
  if (env.home && !env.home->empty()) return fs::path(*env.home) / ".local" / "share";
  return std::nullopt;
}

std::vector<fs::path> system_data_dirs(const StyleDirsEnv& env) {
  std::string_view dirs = env.xdg_data_dirs && !env.xdg_data_dirs->empty()
                              ? std::string_view(*env.xdg_data_dirs)
                              : std::string_view("/usr/local/share:/usr/share");
  std::vector<fs::path> folders = split_folders(dirs);
  std::erase_if(folders, [](const fs::path& p) { return !p.is_absolute(); });
  return folders;
}

bool holds_a_style(const fs::path& folder) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.path().extension() == ".yaml") return true;
  }
  return false;
}

}  // namespace

std::vector<fs::path> style_search_path(const StyleDirsEnv& env) {
  std::vector<fs::path> candidates;
  if (env.broadsheet_styles) {
    for (const fs::path& p : split_folders(*env.broadsheet_styles)) candidates.push_back(p);
  }
  if (auto home = user_data_home(env)) candidates.push_back(*home / kStylesUnderData);
  if (!env.executable_dir.empty()) {
    const fs::path& bin = env.executable_dir;
    candidates.push_back((bin / ".." / "share" / kStylesUnderData).lexically_normal());
    candidates.push_back(bin / "styles");                          // a build tree's own
    candidates.push_back((bin / ".." / "styles").lexically_normal());  // a checkout beside it
  }
  for (const fs::path& dir : system_data_dirs(env)) candidates.push_back(dir / kStylesUnderData);

  std::vector<fs::path> found;
  std::error_code ec;
  for (const fs::path& p : candidates) {
    bool seen = std::find(found.begin(), found.end(), p) != found.end();
    if (!seen && fs::is_directory(p, ec)) found.push_back(p);
  }
  return found;
}

std::optional<fs::path> find_style_dir(const std::string& name, const std::vector<fs::path>& path) {
  std::error_code ec;
  for (const fs::path& dir : path) {
    if (fs::is_regular_file(dir / (name + ".yaml"), ec)) return dir;
  }
  for (const fs::path& dir : path) {
    if (holds_a_style(dir)) return dir;
  }
  if (path.empty()) return std::nullopt;
  return path.front();
}

}  // namespace broadsheet
