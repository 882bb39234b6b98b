// STUB
#include "pdf/layout.h"
namespace broadsheet {
PageSet layout(const Document&, const Style&, TextMeasurer&) { return {}; }
std::string dump_layout(const PageSet&) { return {}; }
}  // namespace broadsheet
