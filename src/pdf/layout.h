// Layout: the document tree to pages of positioned items (the display list).
// Front page with contents and page numbers, article heads, body blocks,
// running heads and folios, outline entries. No libharu here: widths come
// through TextMeasurer.
#pragma once

#include <filesystem>

#include "doc/document.h"
#include "pdf/display_list.h"
#include "pdf/hyphenate.h"
#include "pdf/linebreak.h"
#include "pdf/measure.h"
#include "style/style.h"

namespace broadsheet {

/// Choices that are not the style's: the line breaker (first-fit for tests and
/// speed comparisons) and where hyphenation dictionaries are found.
struct LayoutOptions {
  LineBreaker breaker = LineBreaker::TotalFit;
  std::filesystem::path hyphen_dir = kSystemHyphenDir;
};

/// Lays the document out; dictionaries are loaded once for the whole call.
PageSet layout(const Document& doc, const Style& style, TextMeasurer& measurer,
               const LayoutOptions& options = {});

}  // namespace broadsheet
