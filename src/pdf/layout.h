// Layout: the document tree to pages of positioned items (the display list).
// Front page with contents and page numbers, article heads, body blocks,
// running heads and folios, outline entries. No libharu here: widths come
// through TextMeasurer.
#pragma once

#include "doc/document.h"
#include "pdf/display_list.h"
#include "pdf/measure.h"
#include "style/style.h"

namespace broadsheet {

PageSet layout(const Document& doc, const Style& style, TextMeasurer& measurer);

}  // namespace broadsheet
