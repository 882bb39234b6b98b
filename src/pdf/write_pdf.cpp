// STUB
#include "pdf/write_pdf.h"
namespace broadsheet {
PdfResult render_pdf(const Document&, const Style&, const FontFiles&) { return {}; }
}  // namespace broadsheet
