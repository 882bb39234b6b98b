// Subscribers' choices mapped onto the application's Variant, and each
// variant built through src/app/ (load_variant_style, prepare, render): the
// plain variant is byte for byte `build`'s file, and a device's variant is
// `build --device`'s.
#include "deliver/variants.h"

#include <algorithm>

#include "devices/profile.h"
#include "env/files.h"

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

ArticleFilter filter_of(const Subscriber& s) {
  return ArticleFilter{sorted(s.sections), sorted(s.tags), sorted(s.languages)};
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

Variant plain_variant(const std::string& format, const VariantSettings& settings) {
  Variant variant;
  variant.formats = format == "pdf" ? Formats::Pdf : Formats::Epub;
  variant.images.roots = settings.image_roots;
  variant.images.skip_bad = settings.skip_bad_images;
  return variant;
}

Variant variant_for(const Subscriber& s, const std::string& format, const VariantSettings& settings,
                    bool light) {
  Variant variant = plain_variant(format, settings);
  variant.style = s.style;
  variant.filter = filter_of(s);
  variant.images.grayscale = s.grayscale;
  variant.images.lighter = light;
  if (auto device = s.device.empty() ? std::nullopt : find_device(s.device)) {
    variant.images.grayscale = variant.images.grayscale || device->grayscale;
    variant.images.epub_max_px = device->image_max_px;
    if (format == "pdf" && s.style.empty()) variant.style = std::string(device->pdf_style);
  }
  return variant;
}

std::string variant_name(const Subscriber& s, bool light) {
  std::string name;
  for (const std::string& f : s.formats) name += (name.empty() ? "" : "+") + f;
  if (!s.style.empty()) name += " style=" + s.style;
  const ArticleFilter f = filter_of(s);
  if (!f.sections.empty()) name += " sections=" + joined(f.sections);
  if (!f.tags.empty()) name += " tags=" + joined(f.tags);
  if (!f.languages.empty()) name += " languages=" + joined(f.languages);
  if (!s.device.empty()) name += " device=" + s.device;
  if (s.grayscale) name += " grayscale";
  if (light) name += " light";
  return name;
}

const BuiltFile& VariantBuilder::get(const Variant& variant, const std::string& day) {
  auto found = built_.find(variant);
  if (found == built_.end()) found = built_.emplace(variant, build(variant)).first;
  auto file = found->second.find(day);
  return file == found->second.end() ? nothing_ : file->second;
}

// A warning (a body image left out, a glyph no face has) is the same in every
// variant that meets it: the report gets it once.
void VariantBuilder::keep_warnings(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.items()) {
    if (seen_warnings_.insert(Diagnostics::headline(d) + "\n" + d.hint).second) {
      warnings_.warning(d.loc, d.message, d.hint);
    }
  }
}

// Every day of the input in this variant. The inputs were validated before the
// run, so a problem here (a subscriber's style, an image a device's settings
// cannot use) is the environment's: nobody else would be mailed either.
std::map<std::string, BuiltFile> VariantBuilder::build(const Variant& variant) {
  Diagnostics diags;
  Style style = load_variant_style(input_, variant, env_, diags);
  Prepared prepared;
  if (!diags.has_errors()) prepared = prepare(input_, variant, std::move(style), shared_, diags);
  if (diags.has_errors()) throw EnvironmentError("cannot build an edition:\n" + diags.format());
  keep_warnings(diags);
  std::map<std::string, BuiltFile> days;
  for (const Document& doc : prepared.documents) {
    days[doc.iso_date] = BuiltFile{{}, contents_of(doc), doc.article_count()};
  }
  Rendered rendered = render(prepared, {0, env_.max_pages, nullptr, &shared_.executor()});
  if (const auto& over = rendered.over_limit) {
    throw EnvironmentError("edition " + over->day + " has " + std::to_string(over->pages) +
                           " pages; the limit is " + std::to_string(over->limit));
  }
  for (RenderedEdition& edition : rendered.editions) {
    days[edition.day].bytes = std::move(wants_pdf(variant.formats) ? edition.pdf : edition.epub);
  }
  return days;
}

}  // namespace broadsheet
