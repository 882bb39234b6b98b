// The PDF file written from libharu's objects with object streams and a
// cross-reference stream (PDF 1.5), in place of libharu 2.3.0's save, which
// writes every dictionary as plain text: in a tagged edition the structure
// elements, annotations and outline are a third of the file and compress well.
#pragma once

#include <hpdf.h>

#include <string>

namespace broadsheet::haru {

/// The document as a PDF file: stream objects (pages, fonts, images) as
/// libharu writes them, every other object packed into deflated object
/// streams, a cross-reference stream instead of a table. Runs libharu's
/// save-time hooks as its own save does. Empty on failure (libharu's error
/// handler has been called); for a document saved at most once.
std::string save_with_object_streams(HPDF_Doc pdf);

}  // namespace broadsheet::haru
