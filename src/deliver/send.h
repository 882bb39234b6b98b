// `broadsheet send`: digests + subscribers file -> editions and variants ->
// messages -> transport, with the journal deciding what still needs sending.
#pragma once

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "deliver/variants.h"
#include "env/progress.h"
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
  Progress* progress = nullptr;                ///< told as recipients are done (env/progress.h); null: nobody
  int wait_seconds = 600;                      ///< for another run's lock
  std::optional<std::chrono::sys_seconds> timestamp;  ///< the editions' build time and Date
  AppEnv app;                                  ///< where styles are found, the page limit
  VariantSettings variants;                    ///< image folders, --skip-bad-images
};

/// Runs a send; returns the exit code (report.h, cli/run.h). Throws
/// EnvironmentError for failures of the machine (unwritable journal, ...).
int run_send(const SendOptions& options, std::ostream& out, std::ostream& err);

/// The journal's default path: beside the subscribers file, NAME.journal.sqlite.
std::filesystem::path default_journal(const std::filesystem::path& subscribers);

}  // namespace broadsheet
