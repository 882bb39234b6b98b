// The PDF back end: lays the document out and writes the display list with
// libharu (embedded Unicode font subsets, links, outline, document info).
#pragma once

#include <string>
#include <vector>

#include "doc/document.h"
#include "env/fonts.h"
#include "display/display_list.h"
#include "layout/layout.h"
#include "style/style.h"

namespace broadsheet {

struct PdfResult {
  std::string bytes;   ///< the whole PDF file
  PageSet pages;       ///< the display list it was drawn from (for --dump layout)
  /// What the PDF cannot show as written (characters beyond the BMP, glyphs no
  /// font has), one per article and kind, in document order.
  std::vector<Diagnostic> warnings;
};

struct PdfOptions {
  LayoutOptions layout;
  /// The run's executor when the PDF may use a second core: paragraphs are
  /// composed ahead and pages deflated on it while later pages are drawn.
  /// Null: everything on the calling thread.
  Executor* helpers = nullptr;
  /// Keep the display list's items in PdfResult::pages (for --dump layout and
  /// tests); without, each page's items are freed once drawn (pages stay, empty).
  bool keep_items = true;
};

/// Lays out and renders one edition in memory. Throws EnvironmentError when
/// a font cannot be loaded or libharu fails.
PdfResult render_pdf(const Document& doc, const Style& style, const FontFiles& fonts,
                     const PdfOptions& options = {});

}  // namespace broadsheet
