// Path checks: lexical (URLs, absolute paths, "..") for a precise message,
// then the real path (symlinks resolved) against the allowed roots, which is
// what actually decides.
#include "image/image_path.h"

#include <algorithm>
#include <fstream>

#include "doc/link_policy.h"
#include "image/raster.h"

namespace broadsheet {
namespace fs = std::filesystem;
namespace {

constexpr std::uintmax_t kMaxImageFileBytes = std::uintmax_t{64} * 1024 * 1024;

bool is_inside(const fs::path& path, const fs::path& root) {
  auto [root_end, path_end] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

fs::path real(const fs::path& path) {
  std::error_code ec;
  fs::path resolved = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal() : resolved;
}

// Why a path outside every root was refused, in the words of how it was written.
std::string outside_reason(const fs::path& written) {
  if (written.is_absolute()) return "is an absolute path outside the digest's folder";
  const fs::path normal = written.lexically_normal();
  if (!normal.empty() && *normal.begin() == "..") return "leads outside the digest's folder ('..')";
  return "is a symbolic link that leads outside the digest's folder";
}

}  // namespace

fs::path resolve_image_path(const std::string& written, const fs::path& base_dir,
                            const std::vector<fs::path>& allowed_roots) {
  if (written.find('\0') != std::string::npos) throw ImageError("is not a valid path");
  // Whether it names a file at all is decided where every link's scheme is (doc/link_policy).
  if (read_image_source(written).kind != ImageSource::Kind::Local) throw ImageError("is a URL; only local files are read");
  const fs::path as_written(written);
  const fs::path resolved = real(as_written.is_absolute() ? as_written : base_dir / as_written);
  if (is_inside(resolved, real(base_dir))) return resolved;
  for (const fs::path& root : allowed_roots) {
    if (is_inside(resolved, real(root))) return resolved;
  }
  throw ImageError(outside_reason(as_written));
}

std::string read_image_file(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw ImageError("does not exist");
  if (!fs::is_regular_file(status)) throw ImageError("is not a regular file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw ImageError("cannot be read: " + ec.message());
  if (size > kMaxImageFileBytes) throw ImageError("is larger than the limit of 64 MiB");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ImageError("cannot be read: permission denied or I/O error");
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));  // a file that shrank since: its decoder says "truncated"
  if (in.bad()) throw ImageError("cannot be read: I/O error");
  return bytes;
}

}  // namespace broadsheet
