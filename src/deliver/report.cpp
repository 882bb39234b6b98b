// Wording and counting of a run's results; no I/O here.
#include "deliver/report.h"

#include <algorithm>
#include <array>

namespace broadsheet {
namespace {

const char* status_name(Status s) {
  switch (s) {
    case Status::Sent: return "sent";
    case Status::Deferred: return "deferred";
    case Status::Failed: return "failed";
    case Status::Ambiguous: return "ambiguous";
    case Status::Skipped: return "skipped";
    case Status::Planned: return "planned";
    case Status::NotTried: return "not tried";
  }
  return "skipped";
}

std::string count_of(const std::vector<RecipientResult>& results, Status status) {
  size_t n = 0;
  std::vector<std::string> replies;
  for (const RecipientResult& r : results) {
    if (r.status != status) continue;
    ++n;
    // Why a recipient was not tried is the error printed once for the run.
    if (status != Status::Sent && status != Status::Skipped && status != Status::Planned &&
        status != Status::NotTried && !r.detail.empty() &&
        std::find(replies.begin(), replies.end(), r.detail) == replies.end()) {
      replies.push_back(r.detail);
    }
  }
  std::string text = std::string(status_name(status)) + " " + std::to_string(n);
  if (replies.empty()) return text;
  text += " (" + replies[0];
  if (replies.size() > 1) text += "; " + replies[1];
  if (replies.size() > 2) text += "; ...";
  return text + ")";
}

bool any_with(const std::vector<RecipientResult>& results, Status status) {
  return std::any_of(results.begin(), results.end(), [&](const RecipientResult& r) { return r.status == status; });
}

}  // namespace

std::string result_line(const RecipientResult& r) {
  std::string line = r.day + " " + r.recipient + " [" + r.variant + "]: " + status_name(r.status);
  if (!r.detail.empty()) line += " (" + r.detail + ")";
  return line;
}

std::string summarize(const std::vector<RecipientResult>& results) {
  auto any = [&](Status s) { return any_with(results, s); };
  std::string text = count_of(results, Status::Sent) + ", " + count_of(results, Status::Deferred) + ", ";
  if (any(Status::Ambiguous)) text += count_of(results, Status::Ambiguous) + ", ";
  text += count_of(results, Status::Failed) + ", " + count_of(results, Status::Skipped);
  if (any(Status::NotTried)) text += ", " + count_of(results, Status::NotTried);
  return any(Status::Planned) ? count_of(results, Status::Planned) + " (dry run); " + text : text;
}

int exit_code(const std::vector<RecipientResult>& results, bool transport_stopped) {
  auto any = [&](Status s) { return any_with(results, s); };
  if (transport_stopped) return kExitSendTransport;
  if (any(Status::Failed)) return kExitSendFailed;
  if (any(Status::Deferred) || any(Status::Ambiguous) || any(Status::NotTried)) return kExitSendDeferred;
  return 0;
}

}  // namespace broadsheet
