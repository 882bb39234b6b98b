// A variant made ready to render: its days' documents built from the shared
// input (filtered), their images attached, the fonts found and the
// hyphenation dictionaries set loading in the background.
#include <algorithm>

#include "app/app.h"
#include "layout/geometry.h"
#include "typeset/hyphenate.h"
#include "pdf/write_pdf.h"

namespace broadsheet {

Shared::Shared(unsigned jobs) : executor_(executor_workers(jobs)) {}
Shared::~Shared() = default;

std::shared_ptr<HyphenDictionaries> Shared::dictionaries() {
  if (!dictionaries_) dictionaries_ = std::make_shared<HyphenDictionaries>();
  return dictionaries_;
}

const FontFiles& Shared::fonts(const FontRoles& roles) {
  std::string key = roles.body + '\n' + roles.heading + '\n' + roles.mono;
  for (const std::string& family : roles.fallbacks) key += '\n' + family;
  auto found = fonts_.find(key);
  if (found == fonts_.end()) found = fonts_.emplace(key, find_fonts(roles)).first;
  return found->second;
}

ImageCache& Shared::images(const ImageTargets& t) {
  // The cache knows images by path: one per set of targets.
  const std::string key = std::to_string(t.pdf_width_pt) + ' ' + std::to_string(t.pdf_height_pt) + ' ' +
                          std::to_string(t.pdf_dpi) + ' ' + std::to_string(t.epub_max_px) + ' ' +
                          std::to_string(t.grayscale) + ' ' + std::to_string(t.jpeg_quality);
  return images_[key];
}

namespace {

std::vector<std::string> languages_of(const Document& doc) {
  std::vector<std::string> languages;
  for (const SectionDoc& section : doc.sections) {
    for (const ArticleDoc& article : section.articles) {
      if (std::find(languages.begin(), languages.end(), article.language) == languages.end()) {
        languages.push_back(article.language);
      }
    }
  }
  return languages;
}

// The edition with only the articles the filter keeps (no copy when it keeps all).
std::optional<Edition> filtered(const Edition& edition, const ArticleFilter& filter) {
  if (filter.keeps_all()) return std::nullopt;
  Edition kept = edition;
  kept.sections.clear();
  for (const Section& section : edition.sections) {
    Section s{section.name, {}};
    for (const PlacedArticle& article : section.articles) {
      if (filter.keeps(article, section, edition.meta)) s.articles.push_back(article);
    }
    if (!s.articles.empty()) kept.sections.push_back(std::move(s));
  }
  return kept;
}

ImageTargets targets_of(const Style& style, const ImageRequest& request) {
  ImageTargets targets = image_targets(style, request.grayscale);
  if (request.epub_max_px) targets.epub_max_px = *request.epub_max_px;
  if (request.pdf_dpi) targets.pdf_dpi = *request.pdf_dpi;
  if (request.lighter) {  // what still looks fine on a phone, at a fraction of the bytes
    targets.pdf_dpi = std::max(72, targets.pdf_dpi / 3);
    targets.epub_max_px = std::min(targets.epub_max_px, 600);
    targets.jpeg_quality = 55;
  }
  return targets;
}

}  // namespace

Prepared prepare(const Input& input, const Variant& variant, Style style, Shared& shared,
                 Diagnostics& diags) {
  Prepared prepared;
  prepared.style = std::move(style);
  prepared.formats = variant.formats;
  const bool pdf = wants_pdf(variant.formats);
  if (pdf || variant.fonts_without_pdf) prepared.fonts = shared.fonts(prepared.style.fonts);
  if (pdf && prepared.style.hyphenate) prepared.dictionaries = shared.dictionaries();
  const ImageOptions images{targets_of(prepared.style, variant.images), variant.images.roots,
                            variant.images.skip_bad, variant.images.strict_body};
  ImageCache& cache = shared.images(images.targets);
  for (const Edition& edition : input.editions) {
    std::optional<Edition> kept = filtered(edition, variant.filter);
    if (kept && kept->sections.empty()) continue;
    Document& doc = prepared.documents.emplace_back(build_document(kept ? *kept : edition));
    // Dictionaries load (German: ~1.3 s) while images are decoded and other days built.
    if (prepared.dictionaries) prepared.dictionaries->preload(languages_of(doc), shared.executor());
    for (const Diagnostic& w : doc.warnings) diags.warning(w.loc, w.message, w.hint);
    prepared.image_reports.push_back(attach_images(doc, images, cache, diags));
  }
  return prepared;
}

std::string dump_edition(const Document& doc, const Prepared& prepared, DumpKind kind) {
  if (kind == DumpKind::Document) return dump_document(doc);
  if (kind == DumpKind::Layout) return dump_layout(render_pdf(doc, prepared.style, prepared.fonts).pages);
  return {};
}

}  // namespace broadsheet
