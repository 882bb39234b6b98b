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
  }
  return "skipped";
}

std::string count_of(const std::vector<RecipientResult>& results, Status status) {
  size_t n = 0;
  std::vector<std::string> replies;
  for (const RecipientResult& r : results) {
    if (r.status != status) continue;
    ++n;
    if (status != Status::Sent && status != Status::Skipped && status != Status::Planned && !r.detail.empty() &&
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

}  // namespace

std::string result_line(const RecipientResult& r) {
  std::string line = r.day + " " + r.recipient + " [" + r.variant + "]: " + status_name(r.status);
  if (!r.detail.empty()) line += " (" + r.detail + ")";
  return line;
}

std::string summarize(const std::vector<RecipientResult>& results) {
  std::string text = count_of(results, Status::Sent) + ", " + count_of(results, Status::Deferred) + ", ";
  const bool ambiguous = std::any_of(results.begin(), results.end(),
                                     [](const RecipientResult& r) { return r.status == Status::Ambiguous; });
  if (ambiguous) text += count_of(results, Status::Ambiguous) + ", ";
  text += count_of(results, Status::Failed) + ", " + count_of(results, Status::Skipped);
  const bool planned = std::any_of(results.begin(), results.end(),
                                   [](const RecipientResult& r) { return r.status == Status::Planned; });
  return planned ? count_of(results, Status::Planned) + " (dry run); " + text : text;
}

int exit_code(const std::vector<RecipientResult>& results, bool transport_stopped) {
  if (transport_stopped) return kExitSendTransport;
  auto any = [&](Status s) {
    return std::any_of(results.begin(), results.end(), [&](const RecipientResult& r) { return r.status == s; });
  };
  if (any(Status::Failed)) return kExitSendFailed;
  if (any(Status::Deferred) || any(Status::Ambiguous)) return kExitSendDeferred;
  return 0;
}

}  // namespace broadsheet
