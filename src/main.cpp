// broadsheet: an offline news digest builder. main only gathers the process
// environment and hands over to run(); everything else lives in the core library.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/run.h"
#include "exec/memory.h"

namespace {

std::optional<std::string> env_var(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string(value);
}

}  // namespace

int main(int argc, char** argv) {
  broadsheet::return_freed_memory_to_the_system();
  broadsheet::ProcessEnv env;
  env.source_date_epoch = env_var("SOURCE_DATE_EPOCH");
  env.styles_dir = env_var("BROADSHEET_STYLES");
  env.xdg_data_home = env_var("XDG_DATA_HOME");
  env.xdg_data_dirs = env_var("XDG_DATA_DIRS");
  env.home = env_var("HOME");
  env.stderr_is_terminal = ::isatty(STDERR_FILENO) == 1;
  env.term = env_var("TERM");
  std::error_code ec;
  env.executable_dir = std::filesystem::canonical("/proc/self/exe", ec).parent_path();
  return broadsheet::run(argc, argv, env, std::cout, std::cerr);
}
