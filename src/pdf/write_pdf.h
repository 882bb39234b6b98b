// The PDF back end: lays the document out and writes the display list with
// libharu (embedded Unicode font subsets, links, outline, document info).
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "env/fonts.h"
#include "pdf/display_list.h"
#include "pdf/layout.h"
#include "style/style.h"

namespace broadsheet {

struct PdfResult {
  std::string bytes;   ///< the whole PDF file
  PageSet pages;       ///< the display list it was drawn from (for --dump layout)
  /// What the PDF cannot show as written (characters beyond the BMP, glyphs no
  /// font has), one line per article and kind, in document order, without the
  /// "broadsheet: warning: " prefix.
  std::vector<std::string> warnings;
};

/// Lays out and renders one edition in memory. Throws EnvironmentError when
/// a font cannot be loaded or libharu fails.
PdfResult render_pdf(const Document& doc, const Style& style, const FontFiles& fonts,
                     const LayoutOptions& options = {});

}  // namespace broadsheet
