// Image XObjects through libharu's memory loaders (never its PNG loader, which
// aborts on corrupt data: the bytes here were decoded and re-encoded by us).
#include "pdf/haru_images.h"

#include "env/files.h"
#include "image/prepare.h"
#include "pdf/haru_compat.h"

namespace broadsheet {
namespace {

// The colour samples and the alpha samples of an interleaved raster.
void split_alpha(const Raster& raster, std::vector<std::uint8_t>& colour, std::vector<std::uint8_t>& alpha) {
  const auto n = static_cast<size_t>(raster.channels);
  colour.reserve(raster.pixels.size() / n * (n - 1));
  alpha.reserve(raster.pixels.size() / n);
  for (size_t p = 0; p < raster.pixels.size(); p += n) {
    colour.insert(colour.end(), raster.pixels.begin() + static_cast<long>(p),
                  raster.pixels.begin() + static_cast<long>(p + n - 1));
    alpha.push_back(raster.pixels[p + n - 1]);
  }
}

HPDF_Image load_raw(HPDF_Doc pdf, const std::vector<std::uint8_t>& samples, const Raster& raster, bool gray) {
  return HPDF_LoadRawImageFromMem(pdf, samples.data(), static_cast<HPDF_UINT>(raster.width),
                                  static_cast<HPDF_UINT>(raster.height),
                                  gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
}

HPDF_Image load_samples(HPDF_Doc pdf, const Raster& raster) {
  if (!raster.has_alpha()) return load_raw(pdf, raster.pixels, raster, raster.is_gray());
  std::vector<std::uint8_t> colour, alpha;
  split_alpha(raster, colour, alpha);
  HPDF_Image image = load_raw(pdf, colour, raster, raster.is_gray());
  HPDF_Image mask = load_raw(pdf, alpha, raster, true);
  if (!image || !mask) return nullptr;
  HPDF_Image_AddSMask(image, mask);
  haru::require_pdf_version(pdf, HPDF_VER_14);
  return image;
}

}  // namespace

HPDF_Image HaruImages::embed(const FigureImage& figure) {
  auto found = embedded_.find(&figure);
  if (found != embedded_.end()) return found->second;
  const PreparedImage& prepared = figure.pdf;
  HPDF_Image image = nullptr;
  if (prepared.format == ImageFormat::Jpeg) {
    image = HPDF_LoadJpegImageFromMem(doc_.get(), reinterpret_cast<const HPDF_BYTE*>(prepared.encoded.data()),
                                      static_cast<HPDF_UINT>(prepared.encoded.size()));
  } else {
    image = load_samples(doc_.get(), prepared.raster);
  }
  doc_.check("embedding an image");
  if (!image) throw EnvironmentError("PDF: cannot embed an image");  // the loaders may fail silently (§1.14)
  embedded_.emplace(&figure, image);
  return image;
}

void HaruImages::draw(HPDF_Page page, const PageItem& item) {
  if (!item.image || item.w <= 0 || item.h <= 0) return;
  HPDF_Image image = embed(*item.image);
  HPDF_Page_DrawImage(page, image, static_cast<HPDF_REAL>(item.x), static_cast<HPDF_REAL>(item.y),
                      static_cast<HPDF_REAL>(item.w), static_cast<HPDF_REAL>(item.h));
}

}  // namespace broadsheet
