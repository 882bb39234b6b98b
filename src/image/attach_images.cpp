// Walking the document for figures, resolving and preparing each, and
// reporting problems where the author can fix them.
#include "image/attach_images.h"

#include <zlib.h>

#include <algorithm>

#include "image/image_path.h"

namespace broadsheet {
namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// "article 2 ('Port'): 'image' 'photos/x.png' does not exist".
std::string problem(const ArticleDoc& article, const Block& figure, const std::string& reason) {
  const std::string field = figure.lead ? "'image' " : "'body' image ";
  return article.label + ": " + field + quoted(figure.src) + " " + reason;
}

// What the image adds to the PDF: the JPEG stream, or the samples deflated as
// libharu deflates them (COMP_IMAGE, zlib's default level).
std::size_t pdf_size(const PreparedImage& image) {
  if (image.format == ImageFormat::Jpeg) return image.encoded.size();
  const std::vector<std::uint8_t>& samples = image.raster.pixels;
  uLongf size = compressBound(static_cast<uLong>(samples.size()));
  std::vector<Bytef> out(size);
  if (compress2(out.data(), &size, samples.data(), static_cast<uLong>(samples.size()), Z_DEFAULT_COMPRESSION) != Z_OK) {
    return samples.size();
  }
  return size;
}

class Attacher {
 public:
  Attacher(const ImageOptions& options, ImageCache& cache, Diagnostics& diags)
      : options_(options), cache_(cache), diags_(diags) {}

  void article(ArticleDoc& article) { blocks(article, article.body); }
  ImageReport report() const { return report_; }

 private:
  void blocks(const ArticleDoc& article, std::vector<Block>& list) {
    for (Block& block : list) {
      if (block.kind == BlockKind::Figure) figure(article, block);
      blocks(article, block.children);
    }
    // Skipped figures leave no trace in either output.
    std::erase_if(list, [](const Block& b) { return b.kind == BlockKind::Figure && !b.image; });
  }

  void figure(const ArticleDoc& article, Block& block) {
    try {
      auto path = resolve_image_path(block.src, article.base_dir, options_.allowed_roots);
      block.image = cache_.get(path, options_.targets);
      count(*block.image);
    } catch (const ImageError& e) {
      report_problem(article, block, e.what());
    }
  }

  void report_problem(const ArticleDoc& article, const Block& block, const std::string& reason) {
    const SourceLoc& loc = block.lead ? article.image_loc : article.body_loc;
    if (options_.skip_bad) {
      diags_.warning(loc, problem(article, block, reason), "built without it (--skip-bad-images)");
      ++report_.skipped;
    } else {
      diags_.error(loc, problem(article, block, reason),
                   "fix or remove it, or build without bad images: --skip-bad-images");
    }
  }

  void count(const FigureImage& image) {
    ++report_.images;
    report_.source_bytes += image.source_bytes;
    report_.pdf_bytes += pdf_size(image.pdf);
    report_.epub_bytes += image.epub.encoded.size();
  }

  const ImageOptions& options_;
  ImageCache& cache_;
  Diagnostics& diags_;
  ImageReport report_;
};

std::string kilobytes(std::size_t bytes) { return std::to_string((bytes + 512) / 1024) + " KB"; }

}  // namespace

std::shared_ptr<const FigureImage> ImageCache::get(const std::filesystem::path& path, const ImageTargets& targets) {
  if (auto found = ready_.find(path); found != ready_.end()) return found->second;
  if (auto found = failed_.find(path); found != failed_.end()) throw ImageError(found->second);
  try {
    const std::string bytes = read_image_file(path);
    std::shared_ptr<const FigureImage> image;
    try {
      image = std::make_shared<const FigureImage>(prepare_image(bytes, targets));
    } catch (const ImageError& e) {
      throw ImageError(std::string("cannot be used: ") + e.what());
    }
    ready_.emplace(path, image);
    return image;
  } catch (const ImageError& e) {
    failed_.emplace(path, e.what());
    throw;
  }
}

ImageReport attach_images(Document& doc, const ImageOptions& options, ImageCache& cache, Diagnostics& diags) {
  Attacher attacher(options, cache, diags);
  for (SectionDoc& section : doc.sections) {
    for (ArticleDoc& article : section.articles) attacher.article(article);
  }
  return attacher.report();
}

std::string describe(const ImageReport& report) {
  std::string line = "images: " + std::to_string(report.images) + ", " + kilobytes(report.source_bytes) +
                     " read -> PDF " + kilobytes(report.pdf_bytes) + ", EPUB " + kilobytes(report.epub_bytes);
  if (report.skipped > 0) line += " (" + std::to_string(report.skipped) + " skipped)";
  return line;
}

}  // namespace broadsheet
