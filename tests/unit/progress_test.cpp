// The terminal's progress line: exact bytes drawn, and when it is shown at all.
#include <doctest/doctest.h>

#include <sstream>

#include "env/progress.h"

using namespace broadsheet;

TEST_CASE("progress: one line redrawn in place, erased at the end") {
  std::ostringstream tty;
  TerminalProgress progress(tty);
  progress.begin(3, "days", "rendering");
  progress.started("2024-11-05");
  progress.finished("2024-11-05", 12);
  progress.started("2024-11-06");
  progress.finished("2024-11-06", 1);
  progress.end();
  CHECK(tty.str() ==
        "\r\033[Kbroadsheet: 0 of 3 days"
        "\r\033[Kbroadsheet: 0 of 3 days; rendering 2024-11-05"
        "\r\033[Kbroadsheet: 1 of 3 days, 12 pages"
        "\r\033[Kbroadsheet: 1 of 3 days, 12 pages; rendering 2024-11-06"
        "\r\033[Kbroadsheet: 2 of 3 days, 13 pages"
        "\r\033[K");
}

TEST_CASE("progress: send counts recipients") {
  std::ostringstream tty;
  TerminalProgress progress(tty);
  progress.begin(41, "recipients", "sending");
  progress.started("ayla@example.org");
  CHECK(tty.str().ends_with("\r\033[Kbroadsheet: 0 of 41 recipients; sending ayla@example.org"));
  progress.finished("ayla@example.org", 0);
  CHECK(tty.str().ends_with("\r\033[Kbroadsheet: 1 of 41 recipients"));
}

TEST_CASE("progress: days on two threads: the earliest still rendering is shown") {
  std::ostringstream tty;
  TerminalProgress progress(tty);
  progress.begin(3, "days", "rendering");
  progress.started("2024-11-05");
  progress.started("2024-11-06");
  progress.finished("2024-11-06", 1);
  CHECK(tty.str().ends_with("\r\033[Kbroadsheet: 1 of 3 days, 1 page; rendering 2024-11-05"));
  progress.finished("2024-11-05", 2);
  CHECK(tty.str().ends_with("\r\033[Kbroadsheet: 2 of 3 days, 3 pages"));
}

TEST_CASE("progress: nothing is erased that was never drawn; NoProgress writes nothing") {
  std::ostringstream tty;
  TerminalProgress(tty).end();
  CHECK(tty.str().empty());
  NoProgress quiet;
  quiet.begin(1, "days", "rendering");
  quiet.end();
}

TEST_CASE("progress: only on a terminal that can erase a line, and not with --quiet") {
  CHECK(wants_progress_line(true, "xterm-256color", false));
  CHECK_FALSE(wants_progress_line(false, "xterm", false));  // cron, a pipe, a file
  CHECK_FALSE(wants_progress_line(true, "xterm", true));    // --quiet
  CHECK_FALSE(wants_progress_line(true, "dumb", false));
  CHECK_FALSE(wants_progress_line(true, nullptr, false));
  CHECK_FALSE(wants_progress_line(true, "", false));
}
