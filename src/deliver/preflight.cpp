// Lint over a message's attachments for one device (see preflight.h).
#include "deliver/preflight.h"

#include "lint/lint.h"

namespace broadsheet {

Preflight preflight(const std::vector<Attachment>& attachments, std::string_view device) {
  Preflight result;
  const lint::DeviceSet devices = lint::device_bit(device);
  for (const Attachment& attachment : attachments) {
    const lint::Book book = lint::read_book(attachment.file_name, attachment.bytes);
    for (const lint::Finding& finding : lint::lint_book(book, devices)) {
      std::string line = Diagnostics::headline(lint::to_diagnostic(book, finding));
      (finding.severity == Severity::Error ? result.errors : result.warnings).push_back(std::move(line));
    }
  }
  return result;
}

}  // namespace broadsheet
