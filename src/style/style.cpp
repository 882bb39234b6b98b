// STUB
#include "style/style.h"
namespace broadsheet {
Style load_style(const std::string&, const std::filesystem::path&, Diagnostics&) { return {}; }
bool parse_length(const std::string&, double&) { return false; }
}  // namespace broadsheet
