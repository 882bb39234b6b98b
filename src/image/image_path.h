// Where an article's image may come from: inside the folder of the digest
// file that names it, or inside a folder the user allowed explicitly
// (--allow-images-from). Symbolic links are followed before the check, so a
// link inside the folder that points outside is refused too.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace broadsheet {

/// The real path of the image `written` in an article whose file lies in
/// base_dir. Throws ImageError with the reason ("leads outside the digest's
/// folder", "is a URL; only local files are read", ...). The file may not exist:
/// reading it is the caller's job.
std::filesystem::path resolve_image_path(const std::string& written, const std::filesystem::path& base_dir,
                                         const std::vector<std::filesystem::path>& allowed_roots);

/// Reads an image file: a regular file of at most 64 MiB. Throws ImageError.
std::string read_image_file(const std::filesystem::path& path);

}  // namespace broadsheet
