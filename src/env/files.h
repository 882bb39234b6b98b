// The file system seam: reading inputs and writing outputs atomically.
// Environment failures are EnvironmentError; main prints them and exits 3.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace broadsheet {

/// A failure of the environment (unreadable or unwritable file, missing font),
/// as opposed to a problem in the input, which is a Diagnostic.
class EnvironmentError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Whole file as bytes; throws EnvironmentError naming the path and the reason.
std::string read_file(const std::filesystem::path& path);

/// Writes bytes to a temporary file beside path, then renames it over path, so
/// that a reader never sees a half-written file and a failure leaves none.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace broadsheet
