// STUB
#include "env/fonts.h"
namespace broadsheet {
FontFiles find_fonts(const FontRoles&) { return {}; }
}  // namespace broadsheet
