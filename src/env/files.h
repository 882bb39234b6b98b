// The file system seam: reading inputs and writing outputs atomically.
// Environment failures are EnvironmentError; main prints them and exits 3.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace broadsheet {

/// A failure of the environment (unreadable or unwritable file, missing font),
/// as opposed to a problem in the input, which is a Diagnostic. A failure about
/// a file keeps its parts, so that a diagnostic can say it in its own words.
class EnvironmentError : public std::runtime_error {
 public:
  /// what() is "SUBJECT: FAILURE: REASON" ("a.yaml: cannot open: No such file
  /// or directory"), or "SUBJECT: FAILURE" without a reason.
  EnvironmentError(std::string subject, std::string failure, std::string reason);
  /// A failure told in one sentence, without parts.
  explicit EnvironmentError(const std::string& message);

  const std::string& subject() const { return subject_; }  ///< the file or part that failed; "" for a sentence
  const std::string& failure() const { return failure_; }  ///< what could not be done ("cannot open")
  /// Why, as the system said it ("No such file or directory"); the failure
  /// itself when there is no further reason ("is a directory, not a file").
  const std::string& reason() const { return reason_.empty() ? failure_ : reason_; }

 private:
  std::string subject_, failure_, reason_;
};

/// Whole file as bytes; throws EnvironmentError naming the path and the reason.
std::string read_file(const std::filesystem::path& path);

/// Writes bytes to a temporary file beside path, then renames it over path, so
/// that a reader never sees a half-written file and a failure leaves none.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// An output written (and flushed) under a temporary name beside its path, so
/// that its bytes need not stay in memory until every output is ready:
/// commit() renames it into place; destroyed uncommitted, it is removed.
class StagedFile {
 public:
  StagedFile(const std::filesystem::path& path, std::string_view bytes);
  StagedFile(StagedFile&& other) noexcept;
  StagedFile& operator=(StagedFile&&) = delete;
  StagedFile(const StagedFile&) = delete;
  ~StagedFile();
  /// Renames the temporary file over path; throws EnvironmentError.
  void commit();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_, temp_;  // temp_ empty once committed or moved from
};

}  // namespace broadsheet
