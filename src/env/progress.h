// Progress of a long run, for a person at a terminal: a line on stderr,
// rewritten in place (days done, pages, the day being rendered) and erased at
// the end. Under cron or with stderr redirected nothing is shown. The app layer
// calls the interface; the command line decides whether it goes anywhere.
#pragma once

#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet {

/// What a run reports as it goes. Calls may come from several threads.
class Progress {
 public:
  virtual ~Progress() = default;
  /// A run of `total` items begins; `unit` names them in the plural ("days"),
  /// `doing` what is done to one ("rendering", "sending").
  virtual void begin(size_t total, std::string_view unit, std::string_view doing) = 0;
  /// Work on one item (a day "2024-11-06") has started.
  virtual void started(std::string_view item) = 0;
  /// One item is done; `pages` it produced (0 when items have no pages).
  virtual void finished(std::string_view item, size_t pages) = 0;
  /// The run is over, successfully or not: the line disappears.
  virtual void end() = 0;
};

/// Reports nothing: under cron, with --quiet, or when stderr is not a terminal.
class NoProgress final : public Progress {
 public:
  void begin(size_t, std::string_view, std::string_view) override {}
  void started(std::string_view) override {}
  void finished(std::string_view, size_t) override {}
  void end() override {}
};

/// One line on a terminal: "broadsheet: 1 of 3 days, 12 pages; rendering
/// 2024-11-06" (send: "broadsheet: 12 of 41 recipients; sending
/// ayla@example.org"), redrawn after a carriage return and cleared to the
/// line's end.
class TerminalProgress final : public Progress {
 public:
  explicit TerminalProgress(std::ostream& terminal) : out_(terminal) {}
  void begin(size_t total, std::string_view unit, std::string_view doing) override;
  void started(std::string_view item) override;
  void finished(std::string_view item, size_t pages) override;
  void end() override;

 private:
  void draw();  // with mutex_ held
  std::ostream& out_;
  std::mutex mutex_;
  size_t total_ = 0, done_ = 0, pages_ = 0;
  std::string unit_, doing_;
  std::vector<std::string> active_;  // started, not finished: the first is shown
  bool drawn_ = false;
};

/// Whether a progress line belongs on stderr: it is a terminal that can
/// erase a line (TERM set and not "dumb"), and the run is not --quiet.
bool wants_progress_line(bool stderr_is_terminal, const char* term, bool quiet);

}  // namespace broadsheet
