// The command line: parsing options (CLI11) and running a subcommand.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "devices/profile.h"
#include "env/style_dirs.h"
#include "model/days.h"

namespace broadsheet {

/// Exit codes, as documented in the README.
enum ExitCode : int { kExitOk = 0, kExitInputError = 1, kExitUsage = 2, kExitEnvironment = 3 };

enum class DumpKind { None, Document, Layout };
enum class Formats { Both, Pdf, Epub };

struct Options {
  std::string command;                              ///< "build" or "check"
  std::vector<std::filesystem::path> inputs;
  std::filesystem::path out_dir = "digests";
  std::string style;                                ///< empty: the digest's, else "classic"
  DayFilter days;
  std::optional<std::chrono::sys_seconds> timestamp;  ///< --timestamp, else SOURCE_DATE_EPOCH
  Formats formats = Formats::Both;
  DumpKind dump = DumpKind::None;
  bool quiet = false;
  unsigned jobs = 0;                                ///< days rendered at once; 0: one per core
  // Article images (README "Images").
  std::vector<std::filesystem::path> image_roots;   ///< --allow-images-from DIR, repeatable
  bool skip_bad_images = false;                     ///< --skip-bad-images
  bool grayscale = false;                           ///< --grayscale
  bool verbose = false;                             ///< --verbose: the image size report
  /// --device NAME: formats, image size, grayscale and PDF style for one reader
  /// (docs/devices.md); explicit --format, --style and --grayscale still win.
  std::optional<DeviceProfile> device;
};

/// The most pages one edition's PDF may have (README "Limits"): far beyond any
/// real day, it stops a runaway feed before it fills the disk or a mailbox.
inline constexpr size_t kMaxPagesPerEdition = 5000;

/// What the process sees of its environment: kept apart so tests can fake it.
struct ProcessEnv {
  std::optional<std::string> source_date_epoch;    ///< $SOURCE_DATE_EPOCH
  std::optional<std::string> styles_dir;           ///< $BROADSHEET_STYLES
  std::filesystem::path executable_dir;
  std::optional<std::string> xdg_data_home, xdg_data_dirs, home;  ///< users' own styles
  size_t max_pages = kMaxPagesPerEdition;          ///< tests lower it to reach it cheaply
};

/// Runs the tool: parses argv, runs the subcommand, prints to out and err.
int run(int argc, const char* const* argv, const ProcessEnv& env, std::ostream& out,
        std::ostream& err);

/// Parses --timestamp / SOURCE_DATE_EPOCH: Unix seconds or "YYYY-MM-DDTHH:MM:SSZ".
std::optional<std::chrono::sys_seconds> parse_timestamp(const std::string& text);

}  // namespace broadsheet
