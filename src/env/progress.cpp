// The terminal's progress line (see progress.h). Each redraw is one write of
// "\r", the text and "erase to end of line", so a line left by a shorter text
// never shows stale characters; end() erases it, and the messages printed
// after it (the files written, problems) start at the left margin.
#include "env/progress.h"

#include <algorithm>
#include <cstring>

namespace broadsheet {

namespace {
constexpr const char* kEraseLine = "\r\033[K";
}  // namespace

void TerminalProgress::begin(size_t total, std::string_view unit, std::string_view doing) {
  std::lock_guard lock(mutex_);
  total_ = total;
  unit_ = unit;
  doing_ = doing;
  done_ = pages_ = 0;
  active_.clear();
  draw();
}

void TerminalProgress::started(std::string_view item) {
  std::lock_guard lock(mutex_);
  active_.emplace_back(item);
  draw();
}

void TerminalProgress::finished(std::string_view item, size_t pages) {
  std::lock_guard lock(mutex_);
  ++done_;
  pages_ += pages;
  auto it = std::find(active_.begin(), active_.end(), item);
  if (it != active_.end()) active_.erase(it);
  draw();
}

void TerminalProgress::end() {
  std::lock_guard lock(mutex_);
  if (drawn_) out_ << kEraseLine << std::flush;
  drawn_ = false;
}

void TerminalProgress::draw() {
  std::string line = kEraseLine;
  line += "broadsheet: " + std::to_string(done_) + " of " + std::to_string(total_) + " " + unit_;
  if (pages_ > 0) line += ", " + std::to_string(pages_) + (pages_ == 1 ? " page" : " pages");
  if (!active_.empty()) line += "; " + doing_ + " " + active_.front();
  out_ << line << std::flush;
  drawn_ = true;
}

bool wants_progress_line(bool stderr_is_terminal, const char* term, bool quiet) {
  return stderr_is_terminal && !quiet && term != nullptr && *term != '\0' &&
         std::strcmp(term, "dumb") != 0;
}

}  // namespace broadsheet
