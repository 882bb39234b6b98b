// render_epub: makes the cover image, plans the book, writes each file, and
// zips them in the order epubcheck requires (mimetype first and stored), the
// pages in spine order. Nothing here reads the clock or the locale: the bytes
// depend on the Document and Style (and the digest's own cover file) alone.
#include "epub/write_epub.h"

#include "cover/draw_cover.h"
#include "env/files.h"
#include "image/image_format.h"
#include "epub/package.h"
#include "epub/pages.h"
#include "epub/plan.h"
#include "epub/stylesheet.h"
#include "epub/zip_writer.h"

namespace broadsheet {
namespace {

using namespace epub;

const std::string kOebps = "OEBPS/";

struct CoverImage {
  std::string bytes;
  ImageFormat format = ImageFormat::Png;
  PreparedImage thumbnail;  // of a drawn cover, when asked for
};

// The digest's own image (checked when it was loaded; checked again, as the
// file may have changed since), else a cover drawn for this edition, with its
// thumbnail when thumbnail_px is above 0.
CoverImage cover_image(const Document& doc, const Style& style, int thumbnail_px) {
  if (doc.meta.cover.empty() && thumbnail_px > 0) {
    DrawnCover drawn = draw_cover(doc, style.cover, style.fonts, thumbnail_px);
    return {std::move(drawn.png), ImageFormat::Png, std::move(drawn.thumbnail)};
  }
  if (doc.meta.cover.empty()) return {draw_cover(doc, style.cover, style.fonts), ImageFormat::Png, {}};
  std::string bytes = read_file(doc.meta.cover);
  const std::optional<ImageFormat> format = sniff_image_format(bytes);
  if (!format || !is_png_or_jpeg(*format)) throw EnvironmentError(doc.meta.cover + ": the cover image is no longer a PNG or JPEG file");
  return {std::move(bytes), *format, {}};
}

void add_package_files(ZipWriter& zip, const Document& doc, const EpubPlan& plan) {
  zip.add_stored("mimetype", "application/epub+zip");
  zip.add_deflated("META-INF/container.xml", container_xml());
  zip.add_deflated(kOebps + "content.opf", package_opf(doc, plan));
  zip.add_deflated(kOebps + kNavHref, nav_xhtml(plan));
  zip.add_deflated(kOebps + kNcxHref, toc_ncx(plan));
}

// In spine order, so that the archive reads like the book.
void add_reading_pages(ZipWriter& zip, const Document& doc, const EpubPlan& plan) {
  zip.add_deflated(kOebps + kCoverHref, cover_page(doc, plan));
  zip.add_deflated(kOebps + kFrontHref, front_page(doc, plan));
  for (size_t s = 0; s < plan.sections.size(); ++s) {
    zip.add_deflated(kOebps + plan.sections[s].href, section_page(doc, plan, s));
    for (size_t index : plan.sections[s].articles) {
      zip.add_deflated(kOebps + plan.articles[index].href, article_page(plan, index));
    }
  }
}

// The .epub's bytes, with this cover.
std::string book(const Document& doc, const Style& style, CoverImage cover) {
  EpubPlan plan = plan_epub(doc, cover.format);
  ZipWriter zip(doc.build_time);
  add_package_files(zip, doc, plan);
  add_reading_pages(zip, doc, plan);
  zip.add_deflated(kOebps + kCssHref, stylesheet(style));
  zip.add_stored(kOebps + plan.cover.href, std::move(cover.bytes));  // PNG and JPEG are compressed already
  for (const ImageSlot& image : plan.images) zip.add_stored(kOebps + image.href, *image.bytes);
  return zip.finish();
}

}  // namespace

std::string render_epub(const Document& doc, const Style& style) { return book(doc, style, cover_image(doc, style, 0)); }

EpubWithThumbnail render_epub(const Document& doc, const Style& style, int thumbnail_px) {
  CoverImage cover = cover_image(doc, style, thumbnail_px);
  PreparedImage thumbnail = std::move(cover.thumbnail);
  return {book(doc, style, std::move(cover)), std::move(thumbnail)};
}

}  // namespace broadsheet
