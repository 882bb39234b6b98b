// Before a device is mailed: the checks `broadsheet lint` runs (src/lint/),
// on the very attachments that would be sent. An error is something the
// device's gateway is known to reject or mangle, so that recipient is not
// mailed; warnings are for the report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deliver/compose.h"

namespace broadsheet {

/// Lint's findings as its headlines:
/// "NAME.epub/OEBPS/style.css:2: error: MESSAGE [rule: kindle]".
struct Preflight {
  std::vector<std::string> errors, warnings;
};

/// Lints each attachment for one device profile (its name, e.g. "kindle").
Preflight preflight(const std::vector<Attachment>& attachments, std::string_view device);

}  // namespace broadsheet
