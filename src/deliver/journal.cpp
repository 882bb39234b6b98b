// SQLite does the bookkeeping: WAL with synchronous=FULL so that a committed
// 'sending' survives a crash, BEGIN IMMEDIATE with a busy timeout so that two
// processes never interleave a row's change, STRICT tables.
#include "deliver/journal.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "env/files.h"
#include "model/days.h"

namespace broadsheet {

Action decide(const std::optional<JournalRow>& row, bool retry_failed, bool resend) {
  if (!row) return Action::Send;
  if (resend) return Action::Send;
  const std::string& s = row->state;
  if (s == "sent") return Action::SkipSent;
  if (s == "failed") return retry_failed ? Action::Send : Action::SkipFailed;
  // 'sending' is a run that died mid-message: it may have been delivered.
  if (s == "ambiguous" || s == "sending") return Action::SendAgainSameId;
  return Action::Send;  // deferred
}

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS delivery (
  day TEXT NOT NULL, recipient TEXT NOT NULL, variant TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'deferred', 'failed', 'ambiguous')),
  message_id TEXT NOT NULL, bytes INTEGER NOT NULL DEFAULT 0,
  reply_code INTEGER NOT NULL DEFAULT 0, reply TEXT NOT NULL DEFAULT '',
  attempts INTEGER NOT NULL DEFAULT 0, updated TEXT NOT NULL,
  PRIMARY KEY (day, recipient, variant)) STRICT;
CREATE TABLE IF NOT EXISTS attempt (
  id INTEGER PRIMARY KEY, day TEXT NOT NULL, recipient TEXT NOT NULL, variant TEXT NOT NULL,
  message_id TEXT NOT NULL, started TEXT NOT NULL, finished TEXT,
  outcome TEXT, reply_code INTEGER, reply TEXT) STRICT;
)sql";

std::string now_text() {
  return iso_timestamp(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// One prepared statement, finalized on scope exit; binds by position.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int i, long long value) {
    sqlite3_bind_int64(stmt_, i, value);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  std::string text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  long long integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  [[noreturn]] void fail() { throw EnvironmentError(std::string("journal: ") + sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

Statement& bind_key(Statement& s, const JournalKey& key) {
  return s.bind(1, key.day).bind(2, key.recipient).bind(3, key.variant);
}

}  // namespace

Journal::Journal(const std::filesystem::path& file) {
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    throw EnvironmentError(file.string(), "cannot open the journal", why);
  }
  sqlite3_busy_timeout(db_, 30'000);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  exec(kSchema);
}

Journal::~Journal() { sqlite3_close(db_); }

void Journal::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string why = error ? error : "unknown error";
    sqlite3_free(error);
    throw EnvironmentError("journal: " + why);
  }
}

std::optional<JournalRow> Journal::find(const JournalKey& key) {
  Statement s(db_, "SELECT state, message_id, reply_code, reply, attempts FROM delivery "
                   "WHERE day = ?1 AND recipient = ?2 AND variant = ?3");
  if (!bind_key(s, key).step()) return std::nullopt;
  return JournalRow{key, s.text(0), s.text(1), static_cast<int>(s.integer(2)), s.text(3), static_cast<int>(s.integer(4))};
}

long long Journal::begin_attempt(const JournalKey& key, const std::string& message_id, size_t bytes) {
  exec("BEGIN IMMEDIATE");
  try {
    Statement upsert(db_, "INSERT INTO delivery (day, recipient, variant, state, message_id, bytes, attempts, updated) "
                          "VALUES (?1, ?2, ?3, 'sending', ?4, ?5, 1, ?6) "
                          "ON CONFLICT (day, recipient, variant) DO UPDATE SET state = 'sending', "
                          "message_id = ?4, bytes = ?5, attempts = attempts + 1, updated = ?6");
    bind_key(upsert, key).bind(4, message_id).bind(5, static_cast<long long>(bytes)).bind(6, now_text()).step();
    Statement attempt(db_, "INSERT INTO attempt (day, recipient, variant, message_id, started) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
    bind_key(attempt, key).bind(4, message_id).bind(5, now_text()).step();
    const long long id = attempt.integer(0);
    while (attempt.step()) {}
    exec("COMMIT");
    return id;
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

void Journal::finish_attempt(long long attempt_id, const JournalKey& key, const Outcome& outcome) {
  exec("BEGIN IMMEDIATE");
  try {
    const std::string state(verdict_name(outcome.verdict));
    Statement attempt(db_, "UPDATE attempt SET finished = ?1, outcome = ?2, reply_code = ?3, reply = ?4 WHERE id = ?5");
    attempt.bind(1, now_text()).bind(2, state).bind(3, outcome.code).bind(4, outcome.reply).bind(5, attempt_id).step();
    Statement row(db_, "UPDATE delivery SET state = ?4, reply_code = ?5, reply = ?6, updated = ?7 "
                       "WHERE day = ?1 AND recipient = ?2 AND variant = ?3");
    bind_key(row, key).bind(4, state).bind(5, outcome.code).bind(6, outcome.reply).bind(7, now_text()).step();
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

void Journal::record(const JournalKey& key, const std::string& message_id, const Outcome& outcome) {
  Statement s(db_, "INSERT INTO delivery (day, recipient, variant, state, message_id, reply_code, reply, updated) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (day, recipient, variant) DO UPDATE SET "
                   "state = ?4, message_id = ?5, reply_code = ?6, reply = ?7, updated = ?8");
  bind_key(s, key).bind(4, std::string(verdict_name(outcome.verdict))).bind(5, message_id)
      .bind(6, outcome.code).bind(7, outcome.reply).bind(8, now_text()).step();
}

void Journal::record_not_tried(const JournalKey& key, const std::string& why) {
  Statement s(db_, "INSERT INTO delivery (day, recipient, variant, state, message_id, reply, updated) "
                   "VALUES (?1, ?2, ?3, 'deferred', '', ?4, ?5) ON CONFLICT (day, recipient, variant) DO NOTHING");
  bind_key(s, key).bind(4, why).bind(5, now_text()).step();
}

RunLock::RunLock(const std::filesystem::path& journal, int wait_seconds) {
  const std::string path = journal.string() + ".lock";
  fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw EnvironmentError(path, "cannot open the lock file", "");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  while (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    waited_ = true;
    if (std::chrono::steady_clock::now() >= deadline) {
      close(fd_);
      throw EnvironmentError("another `broadsheet send` holds " + path + "; gave up after " +
                             std::to_string(wait_seconds) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

RunLock::~RunLock() { close(fd_); }

}  // namespace broadsheet
