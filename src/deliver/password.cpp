// Reading the secret; error messages name the source, never the value.
#include "deliver/password.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include "env/files.h"

namespace broadsheet {
namespace {

std::string without_line_end(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

std::string from_command(const std::string& command, const std::filesystem::path& base_dir) {
  const std::string line = "cd '" + base_dir.string() + "' && " + command;
  FILE* pipe = popen(line.c_str(), "r");
  if (!pipe) throw EnvironmentError("password_command could not be started");
  std::string output;
  char buffer[512];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) throw EnvironmentError("password_command failed (exit status " + std::to_string(WEXITSTATUS(status)) + ")");
  return without_line_end(output);
}

}  // namespace

std::string resolve_password(const TransportConfig& t, const std::filesystem::path& base_dir) {
  if (!t.password_env.empty()) {
    const char* value = std::getenv(t.password_env.c_str());
    if (!value) throw EnvironmentError("password_env: the variable " + t.password_env + " is not set");
    return value;
  }
  if (!t.password_file.empty()) {
    const std::filesystem::path path = base_dir / t.password_file;
    return without_line_end(read_file(path));
  }
  if (!t.password_command.empty()) return from_command(t.password_command, base_dir);
  if (!t.user.empty()) throw EnvironmentError("transport: 'user' is set but no password_env, password_file or password_command");
  return {};
}

}  // namespace broadsheet
