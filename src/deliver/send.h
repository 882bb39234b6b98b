// `broadsheet send`: digests + subscribers file -> editions and variants ->
// messages -> transport, with the journal deciding what still needs sending.
#pragma once

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "model/days.h"

namespace broadsheet {

struct SendOptions {
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path subscribers;
  DayFilter days;
  std::filesystem::path out_dir = "digests";
  std::filesystem::path journal;               ///< empty: SUBSCRIBERS.journal.sqlite beside it
  std::optional<std::filesystem::path> maildir;  ///< --to-maildir: write, do not send
  bool dry_run = false, retry_failed = false, resend = false;
  bool verbose = false, quiet = false;
  bool progress = false;                       ///< a progress line (stderr is a terminal)
  int wait_seconds = 600;                      ///< for another run's lock
  std::optional<std::chrono::sys_seconds> timestamp;  ///< the editions' build time and Date
  std::vector<std::filesystem::path> style_folders;  ///< searched for a style's NAME.yaml
  std::vector<std::filesystem::path> image_roots;
  bool skip_bad_images = false;
};

/// Runs a send; returns the exit code (report.h, cli/run.h). Throws
/// EnvironmentError for failures of the machine (unwritable journal, ...).
int run_send(const SendOptions& options, std::ostream& out, std::ostream& err);

/// The journal's default path: beside the subscribers file, NAME.journal.sqlite.
std::filesystem::path default_journal(const std::filesystem::path& subscribers);

}  // namespace broadsheet
