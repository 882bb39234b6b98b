// broadsheet: an offline news digest builder. main only gathers the process
// environment and hands over to run(); everything else lives in the core library.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/run.h"

namespace {

std::optional<std::string> env_var(const char* name) {
  const char* value = std::getenv(name);
  if (!value) return std::nullopt;
  return std::string(value);
}

}  // namespace

int main(int argc, char** argv) {
  broadsheet::ProcessEnv env;
  env.source_date_epoch = env_var("SOURCE_DATE_EPOCH");
  env.styles_dir = env_var("BROADSHEET_STYLES");
  std::error_code ec;
  env.executable_dir = std::filesystem::canonical("/proc/self/exe", ec).parent_path();
  return broadsheet::run(argc, argv, env, std::cout, std::cerr);
}
