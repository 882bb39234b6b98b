// The PDF file written from libharu's objects with object streams and a
// cross-reference stream (PDF 1.5), in place of libharu 2.3.0's save, which
// writes every dictionary as plain text: in a tagged edition the structure
// elements, annotations and outline are a third of the file and compress well.
#pragma once

#include <hpdf.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace broadsheet::haru {

/// Objects whose value broadsheet writes as PDF text itself, numbered in
/// libharu's cross-reference table like the others: a placeholder
/// (new_placeholder) holds the number, and the save writes the text in its
/// place. For the structure tree: as libharu objects, its tens of thousands
/// of small dictionaries and arrays took about 2 KB each (57 MB for the
/// 1,000-article edition), as text a tenth of that.
class RawObjects {
 public:
  /// The value of the object `number` (a placeholder's), as libharu would
  /// write it (no "obj" and "endobj"). Numbers are set in increasing order.
  void set(HPDF_UINT number, std::string_view text);
  /// The text set for `number`, or nothing for an object of libharu's own.
  std::optional<std::string_view> find(HPDF_UINT number) const;

 private:
  std::vector<HPDF_UINT> numbers_;  // increasing
  std::vector<size_t> ends_;        // where each one's text ends in text_
  std::string text_;
};

/// The document as a PDF file: stream objects (pages, fonts, images) as
/// libharu writes them, every other object packed into deflated object
/// streams, a cross-reference stream instead of a table. Runs libharu's
/// save-time hooks as its own save does. Empty on failure (libharu's error
/// handler has been called); for a document saved at most once. The objects
/// of `raw` are written from their text.
std::string save_with_object_streams(HPDF_Doc pdf, const RawObjects& raw);

}  // namespace broadsheet::haru
