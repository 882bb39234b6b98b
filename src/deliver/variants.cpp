// Filtering an edition and rendering one variant with the same stages as
// `build` (build_document, attach_images, render_pdf / render_epub), so that
// the unfiltered variant in the digest's style is byte for byte build's file.
#include "deliver/variants.h"

#include <algorithm>

#include "doc/document.h"
#include "env/files.h"
#include "env/fonts.h"
#include "env/style_dirs.h"
#include "epub/write_epub.h"
#include "image/attach_images.h"
#include "layout/geometry.h"
#include "model/days.h"
#include "typeset/hyphenate.h"
#include "pdf/write_pdf.h"
#include "style/style.h"

namespace broadsheet {
namespace {

std::vector<std::string> sorted(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool accepts(const Filters& f, const Section& section, const Article& a, const std::string& edition_language) {
  if (!f.sections.empty() && !contains(f.sections, section.name)) return false;
  if (!f.languages.empty() && !contains(f.languages, a.language.empty() ? edition_language : a.language)) return false;
  if (!f.tags.empty() && std::none_of(a.tags.begin(), a.tags.end(), [&](const std::string& t) { return contains(f.tags, t); })) {
    return false;
  }
  return true;
}

// Lighter images for a size limit: a third of the resolution, stronger JPEG.
ImageTargets lighter(ImageTargets targets) {
  targets.pdf_dpi = std::max(72, targets.pdf_dpi / 3);
  targets.epub_max_px = std::min(targets.epub_max_px, 600);
  targets.jpeg_quality = 55;
  return targets;
}

std::vector<SectionHeadlines> contents_of(const Document& doc) {
  std::vector<SectionHeadlines> contents;
  for (const SectionDoc& section : doc.sections) {
    SectionHeadlines s{section.title, {}};
    for (const ArticleDoc& article : section.articles) s.headlines.push_back(article.title);
    contents.push_back(std::move(s));
  }
  return contents;
}

}  // namespace

Filters filters_of(const Subscriber& s) {
  return Filters{sorted(s.sections), sorted(s.tags), sorted(s.languages)};
}

std::string variant_name(const Subscriber& s, const std::string& style, bool light) {
  std::string name;
  for (const std::string& f : s.formats) name += (name.empty() ? "" : "+") + f;
  if (!s.style.empty()) name += " style=" + style;
  const Filters f = filters_of(s);
  if (!f.sections.empty()) name += " sections=" + joined(f.sections);
  if (!f.tags.empty()) name += " tags=" + joined(f.tags);
  if (!f.languages.empty()) name += " languages=" + joined(f.languages);
  if (!s.device.empty()) name += " device=" + s.device;
  if (s.grayscale) name += " grayscale";
  if (light) name += " light";
  return name;
}

Edition filter_edition(const Edition& edition, const Filters& filters) {
  Edition out = edition;
  out.sections.clear();
  for (const Section& section : edition.sections) {
    Section kept{section.name, {}};
    for (const PlacedArticle& placed : section.articles) {
      if (accepts(filters, section, placed.article, edition.meta.language)) kept.articles.push_back(placed);
    }
    if (!kept.articles.empty()) out.sections.push_back(std::move(kept));
  }
  return out;
}

// Styles, fonts, dictionaries and image caches, loaded once for the run.
struct VariantBuilder::Shared {
  std::map<std::string, Style> styles;
  std::map<std::string, FontFiles> fonts;
  std::map<std::tuple<std::string, bool, int, bool>, ImageCache> images;  // style, grayscale, px, light
  std::shared_ptr<HyphenDictionaries> dictionaries = std::make_shared<HyphenDictionaries>();
};

VariantBuilder::VariantBuilder(BuildSettings settings)
    : settings_(std::move(settings)), shared_(std::make_unique<Shared>()) {}
VariantBuilder::~VariantBuilder() = default;

const BuiltFile& VariantBuilder::get(const Edition& edition, const VariantKey& key) {
  auto id = std::make_pair(iso_date(edition.day), key);
  if (auto found = built_.find(id); found != built_.end()) return found->second;

  auto style_it = shared_->styles.find(key.style);
  if (style_it == shared_->styles.end()) {
    Diagnostics diags;
    const auto folder = find_style_dir(key.style, settings_.style_folders);
    Style style = load_style(key.style, folder.value_or("styles"), diags);
    if (diags.has_errors()) throw EnvironmentError("style '" + key.style + "':\n" + diags.format());
    style_it = shared_->styles.emplace(key.style, std::move(style)).first;
  }
  Style style = style_it->second;
  style.grayscale = style.grayscale || key.grayscale;

  Document doc = build_document(filter_edition(edition, key.filters));
  ImageTargets targets = image_targets(style, style.grayscale);
  if (key.image_max_px > 0) targets.epub_max_px = std::min(targets.epub_max_px, key.image_max_px);
  if (key.light) targets = lighter(targets);
  Diagnostics diags;
  ImageCache& cache = shared_->images[{key.style, style.grayscale, key.image_max_px, key.light}];
  attach_images(doc, ImageOptions{targets, settings_.image_roots, settings_.skip_bad_images}, cache, diags);
  if (diags.has_errors()) throw EnvironmentError("images of " + doc.iso_date + ":\n" + diags.format());

  BuiltFile file;
  file.contents = contents_of(doc);
  file.articles = doc.article_count();
  if (key.format == "pdf") {
    auto fonts = shared_->fonts.find(key.style);
    if (fonts == shared_->fonts.end()) fonts = shared_->fonts.emplace(key.style, find_fonts(style.fonts)).first;
    PdfOptions options;
    options.layout.dictionaries = shared_->dictionaries;
    options.keep_items = false;
    file.bytes = render_pdf(doc, style, fonts->second, options).bytes;
  } else {
    file.bytes = render_epub(doc, style);
  }
  return built_.emplace(std::move(id), std::move(file)).first->second;
}

}  // namespace broadsheet
