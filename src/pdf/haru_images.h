// Embedding prepared images in the PDF: each FigureImage once per document,
// however many pages show it. JPEGs pass through as DCT streams; other images
// are raw samples (deflated by libharu) with their alpha as an SMask.
#pragma once

#include <hpdf.h>

#include <map>

#include "display/display_list.h"
#include "pdf/haru_fonts.h"

namespace broadsheet {

class HaruImages {
 public:
  /// doc must outlive this.
  explicit HaruImages(const HaruDoc& doc) : doc_(doc) {}

  /// Draws an Image item on page (outside any text object).
  void draw(HPDF_Page page, const PageItem& item);

 private:
  HPDF_Image embed(const FigureImage& image);

  const HaruDoc& doc_;
  std::map<const FigureImage*, HPDF_Image> embedded_;
};

}  // namespace broadsheet
