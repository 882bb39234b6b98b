// STUB
#include "diag/diagnostics.h"
namespace broadsheet {
void Diagnostics::error(SourceLoc loc, std::string message, std::string hint) {
  items_.push_back({Severity::Error, std::move(loc), std::move(message), std::move(hint)});
  ++errors_;
}
void Diagnostics::warning(SourceLoc loc, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, std::move(loc), std::move(message), std::move(hint)});
}
void Diagnostics::add_source(const std::string& file, std::string text) { sources_[file] = std::move(text); }
std::string Diagnostics::format() const { return {}; }
std::string Diagnostics::headline(const Diagnostic& d) { return d.message; }
std::string Diagnostics::source_line(const std::string&, int) const { return {}; }
}  // namespace broadsheet
