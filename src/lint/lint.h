// `broadsheet lint`: a pre-flight check of any EPUB or PDF for what is known to
// make e-readers and their gateways reject or mangle a book. Each rule has an
// id, the devices it concerns, a check and a message (docs/devices.md lists
// them with their sources); findings name the file inside the package.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "lint/package.h"

namespace broadsheet::lint {

/// A set of devices, one bit per profile in device_profiles() order.
using DeviceSet = std::uint8_t;
inline constexpr DeviceSet kKindle = 1, kKobo = 2, kPocketBook = 4, kKOReader = 8,
                           kReMarkable = 16, kGeneric = 32, kAllDevices = 63;

/// The bit of a device profile's name (0 for an unknown one).
DeviceSet device_bit(std::string_view name);
/// "kindle, kobo", or "all devices".
std::string device_list(DeviceSet devices);

struct Finding {
  std::string entry;  ///< the file inside the package; "" for the book itself
  int line = 0;       ///< 1-based, 0: not about a line
  std::string_view rule;
  DeviceSet devices = 0;  ///< the devices it concerns, among those asked for
  Severity severity = Severity::Error;
  std::string message;
};

struct Rule {
  std::string_view id;
  DeviceSet devices;
  Severity severity;
};

/// Every rule, in the order findings are reported within a file.
const std::vector<Rule>& rules();

/// The findings for a book, for the devices asked (a set), in a stable order:
/// the book's own first, then by entry in zip order, line, rule.
std::vector<Finding> lint_book(const Book& book, DeviceSet devices);

/// "book.epub/OEBPS/a.xhtml:3: error: MESSAGE [rule: kindle]" lines, as a Diagnostic.
Diagnostic to_diagnostic(const Book& book, const Finding& finding);

/// The `lint` command: reads each file, prints findings to err and a summary;
/// returns 0 (no errors; warnings allowed), 1 (errors) or 3 (unreadable file).
int run_lint(const std::vector<std::string>& files, DeviceSet devices, std::string_view device_name,
             std::ostream& out, std::ostream& err);

}  // namespace broadsheet::lint
