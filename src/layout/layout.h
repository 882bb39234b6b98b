// Layout: the document tree to pages of positioned items (the display list).
// Front page with contents and page numbers, article heads, body blocks,
// running heads and folios, outline entries. No libharu here: widths come
// through TextMeasurer.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "doc/document.h"
#include "display/display_list.h"
#include "exec/executor.h"
#include "typeset/hyphenate.h"
#include "typeset/linebreak.h"
#include "typeset/measure.h"
#include "style/style.h"

namespace broadsheet {

/// Choices that are not the style's: the line breaker (first-fit for tests and
/// speed comparisons) and the hyphenation dictionaries: those of a whole run
/// when `dictionaries` is set, else loaded from hyphen_dir for this call.
/// With ahead_measurer, body paragraphs are composed ahead of placement
/// (typeset/precompose.h) with a measurer it makes, which must give the same
/// widths as layout's own; as a task on ahead_executor when there is one.
struct LayoutOptions {
  LineBreaker breaker = LineBreaker::TotalFit;
  std::filesystem::path hyphen_dir = kSystemHyphenDir;
  std::shared_ptr<HyphenDictionaries> dictionaries;
  std::function<std::unique_ptr<TextMeasurer>()> ahead_measurer;
  Executor* ahead_executor = nullptr;
};

/// Lays the document out.
PageSet layout(const Document& doc, const Style& style, TextMeasurer& measurer,
               const LayoutOptions& options = {});

/// A readable dump, numbers rounded to 0.1 pt, for golden tests.
std::string dump_layout(const PageSet& pages);

}  // namespace broadsheet
