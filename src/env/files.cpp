// Reading inputs and writing outputs atomically (temporary file + rename).
#include "env/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace broadsheet {
namespace fs = std::filesystem;

namespace {

EnvironmentError describe(const fs::path& path, const char* what) {
  return EnvironmentError(path.string(), what, std::strerror(errno));
}

std::string joined(const std::string& subject, const std::string& failure, const std::string& reason) {
  return subject + ": " + failure + (reason.empty() ? "" : ": " + reason);
}

// Closes the descriptor and removes the temporary file unless released.
struct TempFile {
  fs::path path;
  int fd = -1;
  bool keep = false;
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!keep && !path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

EnvironmentError::EnvironmentError(std::string subject, std::string failure, std::string reason)
    : std::runtime_error(joined(subject, failure, reason)),
      subject_(std::move(subject)),
      failure_(std::move(failure)),
      reason_(std::move(reason)) {}

EnvironmentError::EnvironmentError(const std::string& message) : std::runtime_error(message), failure_(message) {}

std::string read_file(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw EnvironmentError(path.string(), "is a directory, not a file", "");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw describe(path, "cannot open");
  std::string bytes;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, n);
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) throw describe(path, "cannot read");
  return bytes;
}

namespace {

// The temporary file beside path with bytes in it, flushed, mode 0666 minus
// umask; returns its name. Nothing is left behind when it throws.
fs::path write_temporary(const fs::path& path, std::string_view bytes) {
  fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  // Appended, not "." + a temporary string: GCC 12 at -O3 warns falsely (-Wrestrict).
  std::string name = ".";
  name += path.filename().string();
  name += ".tmp-XXXXXX";
  std::string pattern = (dir / name).string();
  TempFile tmp;
  tmp.fd = ::mkstemp(pattern.data());
  if (tmp.fd < 0) throw describe(path, "cannot create a temporary file");
  tmp.path = pattern;
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t w = ::write(tmp.fd, p, left);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) throw describe(path, "cannot write");
    p += w;
    left -= static_cast<size_t>(w);
  }
  // mkstemp creates 0600; outputs are meant to be mailed and shared: 0644 minus umask.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(tmp.fd, 0666 & ~mask);
  if (::fsync(tmp.fd) != 0) throw describe(path, "cannot flush");
  ::close(tmp.fd);
  tmp.fd = -1;
  tmp.keep = true;
  return tmp.path;
}

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  StagedFile(path, bytes).commit();
}

StagedFile::StagedFile(const fs::path& path, std::string_view bytes)
    : path_(path), temp_(write_temporary(path, bytes)) {}

StagedFile::StagedFile(StagedFile&& other) noexcept
    : path_(std::move(other.path_)), temp_(std::move(other.temp_)) {
  other.temp_.clear();
}

StagedFile::~StagedFile() {
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void StagedFile::commit() {
  if (temp_.empty()) throw std::logic_error("StagedFile::commit: nothing staged");
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    throw describe(path_, "cannot rename the temporary file into place");
  }
  temp_.clear();
}

}  // namespace broadsheet
