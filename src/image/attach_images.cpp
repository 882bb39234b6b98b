// Walking the document for figures, resolving and preparing each, and
// reporting problems where the author can fix them.
#include "image/attach_images.h"

#include <zlib.h>

#include <algorithm>

#include "diag/utf8.h"
#include "doc/link_policy.h"
#include "image/image_path.h"

namespace broadsheet {
namespace {

std::string quoted(const std::string& text) { return "'" + text + "'"; }

// A source as the warning shows it: a data: URL is cut short (at a character
// boundary), since its bytes say nothing to a reader.
std::string shown_source(const std::string& src) {
  constexpr size_t kShown = 60;
  if (src.size() <= kShown + 20) return quoted(src);
  const size_t cut = code_point_start(src, kShown);
  return quoted(src.substr(0, cut) + "\u2026");
}

// "article 2 ('Port'): 'image' 'photos/x.png' does not exist".
std::string lead_problem(const ArticleDoc& article, const Block& figure, const std::string& reason) {
  return article.label + ": 'image' " + quoted(figure.src) + " " + reason;
}

// Why a source that is not a local file was left out while parsing.
std::string reason_not_local(const ImageSource& source) {
  switch (source.kind) {
    case ImageSource::Kind::Web: return "is a remote image";
    case ImageSource::Kind::Other: return "is a " + source.scheme + ": URL, not an image file";
    case ImageSource::Kind::Local: break;
  }
  return "is not a local file";
}

// Why a local source could not be used, in the words of how it was written:
// "/images/a.gif" on a scraped page is an address on its site, not a path here.
std::string reason_local(const std::string& src, const ImageSource& source, const std::string& error) {
  const bool site_relative = src.starts_with("/") && error.starts_with("is an absolute path");
  std::string reason = site_relative ? "is a site-relative address, not a file in the digest's folder" : error;
  const bool missing = site_relative || error == "does not exist";
  if (missing && !source.address.empty()) reason += " (on the web: " + source.address + ")";
  return reason;
}

// What a left-out body image leaves where it stood: its alt text in brackets,
// else its caption in brackets (a caption goes with its image), else nothing.
std::string stand_in(const Block& figure) {
  const std::string& text = figure.alt.empty() ? figure.caption : figure.alt;
  return text.empty() ? std::string() : "[" + text + "]";
}

// Appends runs to a paragraph, with the space that stood between them.
void append_runs(Block& paragraph, std::vector<Inline> runs) {
  if (runs.empty()) return;
  if (!paragraph.inlines.empty()) paragraph.inlines.push_back(Inline{InlineKind::Text, " ", {}, {}});
  for (Inline& run : runs) paragraph.inlines.push_back(std::move(run));
}

// The blocks with every left-out figure replaced by its stand-in text. A
// figure lifted out of a paragraph goes back into it: "before [alt] after"
// reads as the one paragraph it was, not three.
std::vector<Block> without_left_out(std::vector<Block> list) {
  std::vector<Block> out;
  out.reserve(list.size());
  bool join_next = false;  // the next paragraph continues the last one
  for (Block& block : list) {
    const bool left_out = block.kind == BlockKind::Figure && !block.image;
    if (!left_out) {
      const bool joins = join_next && block.kind == BlockKind::Paragraph && !out.empty();
      join_next = false;
      if (joins) append_runs(out.back(), std::move(block.inlines));
      else out.push_back(std::move(block));
      continue;
    }
    const std::string text = block.lead ? std::string() : stand_in(block);
    const bool into_previous = block.text_before && !out.empty() && out.back().kind == BlockKind::Paragraph;
    if (!into_previous && text.empty()) continue;  // nothing stands where it stood
    if (!into_previous) out.push_back(Block{});    // a paragraph of its own
    if (!text.empty()) append_runs(out.back(), {Inline{InlineKind::Text, text, {}, {}}});
    join_next = block.text_after;
  }
  return out;
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
  Attacher(const ImageOptions& options, ImageCache& cache, Diagnostics& diags, const std::string& day)
      : options_(options), cache_(cache), diags_(diags), day_(day) {}

  void article(ArticleDoc& article) {
    left_out_.clear();
    for (const std::string& src : article.left_out_sources) {
      left_out_.push_back(shown_source(src) + " " + reason_not_local(read_image_source(src, article.url)));
    }
    blocks(article, article.body);
    report_left_out(article);
  }
  ImageReport report() const { return report_; }

 private:
  void blocks(const ArticleDoc& article, std::vector<Block>& list) {
    for (Block& block : list) {
      if (block.kind == BlockKind::Figure) figure(article, block);
      blocks(article, block.children);
    }
    // Left-out figures leave no trace in either output but their stand-in text.
    list = without_left_out(std::move(list));
  }

  void figure(const ArticleDoc& article, Block& block) {
    const ImageSource source = read_image_source(block.src, article.url);
    if (!block.lead && source.kind != ImageSource::Kind::Local) {
      left_out_.push_back(shown_source(block.src) + " " + reason_not_local(source));
      return;
    }
    try {
      auto path = resolve_image_path(block.src, article.base_dir, options_.allowed_roots);
      block.image = cache_.get(path, options_.targets);
      count(*block.image);
    } catch (const ImageError& e) {
      if (block.lead) lead_image_problem(article, block, e.what());
      else left_out_.push_back(shown_source(block.src) + " " + reason_local(block.src, source, e.what()));
    }
  }

  // The article's own `image:` is its author's structured data: an error
  // unless --skip-bad-images.
  void lead_image_problem(const ArticleDoc& article, const Block& block, const std::string& reason) {
    if (options_.skip_bad) {
      diags_.warning(article.image_loc, lead_problem(article, block, reason), "built without it (--skip-bad-images)");
      ++report_.skipped;
    } else {
      diags_.error(article.image_loc, lead_problem(article, block, reason),
                   "fix or remove it, or build without bad images: --skip-bad-images");
    }
  }

  // Images inside a body are part of its text: one warning per article names
  // every one left out (an error with --strict-images).
  void report_left_out(const ArticleDoc& article) {
    if (left_out_.empty()) return;
    report_.skipped += left_out_.size();
    const size_t n = left_out_.size();
    std::string message = article.label + " of " + day_ + ": " +
                          (n == 1 ? std::string("a body image is left out: ")
                                  : std::to_string(n) + " body images are left out: ");
    for (size_t i = 0; i < n; ++i) message += (i > 0 ? "; " : "") + left_out_[i];
    if (options_.strict_body) {
      diags_.error(article.body_loc, std::move(message),
                   "save each image inside the digest's folder and use its path, or build without "
                   "--strict-images to leave them out");
    } else {
      diags_.warning(article.body_loc, std::move(message),
                     "the alt text stands in brackets; to include an image, save it inside the digest's "
                     "folder and use its path (--strict-images makes this an error)");
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
  const std::string& day_;
  std::vector<std::string> left_out_;  ///< "'src' reason" of the article being attached
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
  Attacher attacher(options, cache, diags, doc.iso_date);
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
