// The image stage, between build_document and the back ends: every Figure of
// a document gets its prepared image, or is left out. A body image left out
// (not a local file, missing, outside the folders, not an image...) leaves its
// alt text in brackets and one warning per article (an error when strict_body);
// a bad `image:` is an error (nothing is written), a warning with skip_bad.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "doc/document.h"
#include "image/prepare.h"

namespace broadsheet {

struct ImageOptions {
  ImageTargets targets;
  std::vector<std::filesystem::path> allowed_roots;  ///< --allow-images-from, beside each digest's folder
  bool skip_bad = false;                             ///< --skip-bad-images: `image:` problems are warnings
  bool strict_body = false;                          ///< --strict-images: body image problems are errors
};

/// Bytes of the images of one edition, before and after preparing them.
struct ImageReport {
  std::size_t images = 0;
  std::size_t source_bytes = 0;
  std::size_t pdf_bytes = 0;   ///< JPEG streams plus deflated samples
  std::size_t epub_bytes = 0;
  std::size_t skipped = 0;
};

/// Prepared images by real path, so that an image used twice is read once;
/// failures are remembered too.
class ImageCache {
 public:
  /// The prepared image, or throws ImageError (the same reason every time).
  std::shared_ptr<const FigureImage> get(const std::filesystem::path& path, const ImageTargets& targets);

 private:
  std::map<std::filesystem::path, std::shared_ptr<const FigureImage>> ready_;
  std::map<std::filesystem::path, std::string> failed_;
};

/// Attaches every figure's image in doc. Problems go to diags.
ImageReport attach_images(Document& doc, const ImageOptions& options, ImageCache& cache, Diagnostics& diags);

/// "images: 2, 2100 KB read -> PDF 410 KB, EPUB 380 KB" for --verbose.
std::string describe(const ImageReport& report);

}  // namespace broadsheet
