// The account of a run: one line per recipient (--verbose), the summary line
// (always), and the exit code a cron job or a systemd unit acts on.
#pragma once

#include <string>
#include <vector>

namespace broadsheet {

/// Exit codes of `broadsheet send` beyond the tool's 0-3 (docs/delivery.md).
enum SendExit : int {
  kExitSendDeferred = 4,   ///< some deferred or ambiguous: run again later
  kExitSendFailed = 5,     ///< some failed permanently (and none stopped the run)
  kExitSendTransport = 6,  ///< TLS, AUTH or connection: the transport did not work
};

/// NotTried: the run stopped (the transport broke, or the server is not taking
/// mail) before this recipient's turn; the next run sends it.
enum class Status { Sent, Deferred, Failed, Ambiguous, Skipped, Planned, NotTried };

struct RecipientResult {
  std::string day, recipient, variant;
  Status status = Status::Skipped;
  std::string detail;      ///< the reply, or why it was skipped
};

/// "2024-11-06 ayla@example.org [pdf]: sent (250 OK)"
std::string result_line(const RecipientResult& r);

/// "sent 41, deferred 2 (452 mailbox busy), failed 1 (550 no such user), skipped 3"
/// (ambiguous, and "not tried N" at the end, only when there are some); the
/// first two distinct replies per kind.
std::string summarize(const std::vector<RecipientResult>& results);

/// 0 when every recipient was sent or skipped; else the SendExit that matters
/// most (recipients not tried are for a later run, as deferred ones are).
int exit_code(const std::vector<RecipientResult>& results, bool transport_stopped);

}  // namespace broadsheet
