// The delivery journal (SQLite): one row per day, recipient and variant with
// its state, and every attempt with the server's reply. A row is marked
// 'sending' (committed) before the first byte leaves, so that a run killed at
// any moment leaves a state the next run can act on without sending twice.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "deliver/transport.h"

struct sqlite3;

namespace broadsheet {

struct JournalKey {
  std::string day, recipient, variant;
};

/// A delivery's state: "sending", "sent", "deferred", "failed", "ambiguous".
struct JournalRow {
  JournalKey key;
  std::string state;
  std::string message_id;
  int reply_code = 0;
  std::string reply;
  int attempts = 0;
};

/// What this run does about one delivery, given its row and the flags.
enum class Action { Send, SendAgainSameId, SkipSent, SkipFailed };
Action decide(const std::optional<JournalRow>& row, bool retry_failed, bool resend);

class Journal {
 public:
  /// Opens or creates the journal; throws EnvironmentError.
  explicit Journal(const std::filesystem::path& file);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  std::optional<JournalRow> find(const JournalKey& key);
  /// Records the attempt and marks the row 'sending', durably, before sending.
  long long begin_attempt(const JournalKey& key, const std::string& message_id, size_t bytes);
  /// Records the outcome of an attempt and the row's new state.
  void finish_attempt(long long attempt, const JournalKey& key, const Outcome& outcome);
  /// A verdict reached without sending (over the size limit, a lint error).
  void record(const JournalKey& key, const std::string& message_id, const Outcome& outcome);
  /// A delivery the run stopped before trying: a 'deferred' row with no
  /// attempt and `why` as its reply, so that the next run sends it. A row
  /// already there is left as it is (it says what the next run must do, an
  /// ambiguous one's Message-ID included).
  void record_not_tried(const JournalKey& key, const std::string& why);

 private:
  void exec(const char* sql);
  sqlite3* db_ = nullptr;
};

/// Holds the journal's lock file for the run (flock: released by the kernel
/// when the process dies, even by kill -9). A second run waits for it.
class RunLock {
 public:
  /// Waits up to wait_seconds; throws EnvironmentError when it cannot lock.
  RunLock(const std::filesystem::path& journal, int wait_seconds);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  /// True when another run held the lock and this one waited.
  bool waited() const { return waited_; }

 private:
  int fd_ = -1;
  bool waited_ = false;
};

}  // namespace broadsheet
