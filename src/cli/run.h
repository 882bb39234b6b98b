// The command line: parsing options (CLI11), running a subcommand through the
// application (src/app/app.h), and mapping its results onto exit codes.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/app.h"
#include "devices/profile.h"
#include "env/style_dirs.h"
#include "model/days.h"

namespace broadsheet {

/// Exit codes, as documented in the README.
enum ExitCode : int { kExitOk = 0, kExitInputError = 1, kExitUsage = 2, kExitEnvironment = 3 };

struct Options {
  std::string command;                              ///< "build", "check" or "lint"
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path out_dir = "digests";
  std::string style;                                ///< empty: the digest's, else "classic"
  DayFilter days;
  std::optional<std::chrono::sys_seconds> timestamp;  ///< --timestamp, else SOURCE_DATE_EPOCH
  Formats formats = Formats::Both;
  DumpKind dump = DumpKind::None;
  bool quiet = false;
  bool force = false;                               ///< --force: rebuild days the record says are unchanged
  unsigned jobs = 0;                                ///< days rendered at once; 0: one per core
  // Article images (README "Images").
  std::vector<std::filesystem::path> image_roots;   ///< --allow-images-from DIR, repeatable
  bool skip_bad_images = false;                     ///< --skip-bad-images
  bool strict_images = false;                       ///< --strict-images
  bool grayscale = false;                           ///< --grayscale
  bool verbose = false;                             ///< --verbose: the image size report
  /// --device NAME: formats, image size, grayscale and PDF style for one reader
  /// (docs/devices.md); explicit --format, --style and --grayscale still win.
  std::optional<DeviceProfile> device;
};

/// What the process sees of its environment: kept apart so tests can fake it.
struct ProcessEnv {
  std::optional<std::string> source_date_epoch;    ///< $SOURCE_DATE_EPOCH
  std::optional<std::string> styles_dir;           ///< $BROADSHEET_STYLES
  std::filesystem::path executable_dir;
  std::optional<std::string> xdg_data_home, xdg_data_dirs, home;  ///< users' own styles
  bool stderr_is_terminal = false;                 ///< a person watches: a progress line (env/progress.h)
  std::optional<std::string> term;                 ///< $TERM
  size_t max_pages = kMaxPagesPerEdition;          ///< tests lower it to reach it cheaply
};

/// Runs the tool: parses argv, runs the subcommand, prints to out and err.
int run(int argc, const char* const* argv, const ProcessEnv& env, std::ostream& out,
        std::ostream& err);

}  // namespace broadsheet
