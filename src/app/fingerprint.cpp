// What a day's outputs are made from, hashed: each value written with its
// length before it, so that no two different inputs give the same stream.
// A new field in Article, EditionMeta, Style or ImageRequest that changes the
// outputs must be added here, or a changed day would be left unchanged.
#include "app/fingerprint.h"

#include <glib.h>

#include <charconv>
#include <cstdint>

#include "app/app.h"
#include "doc/document.h"
#include "env/files.h"
#include "image/image_path.h"
#include "image/raster.h"

namespace broadsheet {
namespace {

// Bumped when what goes into the hash changes, so old records mean a rebuild.
constexpr std::string_view kHashLayout = "broadsheet day inputs 1";

class Sha256 {
 public:
  Sha256() : sum_(g_checksum_new(G_CHECKSUM_SHA256)) {}
  ~Sha256() { g_checksum_free(sum_); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void bytes(std::string_view data) {
    g_checksum_update(sum_, reinterpret_cast<const guchar*>(data.data()), static_cast<gssize>(data.size()));
  }
  void text(std::string_view value) {
    number(static_cast<std::int64_t>(value.size()));
    bytes(value);
  }
  void number(std::int64_t value) {
    char buffer[24];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    *end++ = ':';
    bytes({buffer, static_cast<size_t>(end - buffer)});
  }
  void number(double value) {  // shortest round-trip form, whatever the locale
    char buffer[40];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    *end++ = ':';
    bytes({buffer, static_cast<size_t>(end - buffer)});
  }
  std::string hex() const { return g_checksum_get_string(sum_); }

 private:
  GChecksum* sum_;
};

void add_list(Sha256& h, const std::vector<std::string>& values) {
  h.number(static_cast<std::int64_t>(values.size()));
  for (const std::string& v : values) h.text(v);
}

void add_article(Sha256& h, const PlacedArticle& placed) {
  const Article& a = placed.article;
  for (const std::string* field : {&a.title, &a.source, &a.url, &a.section, &a.summary, &a.image,
                                   &a.image_caption, &a.image_alt, &a.language, &a.body}) {
    h.text(*field);
  }
  add_list(h, a.authors);
  add_list(h, a.tags);
  h.number(static_cast<std::int64_t>(a.format));
  h.number(static_cast<std::int64_t>(a.date.day.time_since_epoch().count()));
  h.number(a.date.instant ? static_cast<std::int64_t>(a.date.instant->time_since_epoch().count()) : INT64_MIN);
  h.number(static_cast<std::int64_t>(placed.has_time));
  h.number(static_cast<std::int64_t>(placed.local_time.time_since_epoch().count()));
  h.text(placed.utc_offset);
}

// An image's bytes, or why it cannot be used (the build then leaves it out or fails).
void add_image_file(Sha256& h, const std::string& written, const std::filesystem::path& base_dir,
                    const std::vector<std::filesystem::path>& roots) {
  h.text(written);
  try {
    h.text(read_image_file(resolve_image_path(written, base_dir, roots)));
  } catch (const ImageError& e) {
    h.text(std::string("unusable: ") + e.what());
  }
}

void add_figures(Sha256& h, const std::vector<Block>& blocks, const ArticleDoc& article,
                 const std::vector<std::filesystem::path>& roots) {
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::Figure) add_image_file(h, block.src, article.base_dir, roots);
    add_figures(h, block.children, article, roots);
  }
}

// Every image the day's articles name (the `image:` field and those in bodies),
// found as the image stage will find them: in the day's document.
void add_images(Sha256& h, const Edition& edition, const std::vector<std::filesystem::path>& roots) {
  const Document doc = build_document(edition);
  for (const SectionDoc& section : doc.sections) {
    for (const ArticleDoc& article : section.articles) add_figures(h, article.body, article, roots);
  }
}

void add_meta(Sha256& h, const Edition& edition) {
  const EditionMeta& m = edition.meta;
  for (const std::string* field : {&m.title, &m.subtitle, &m.publisher, &m.language, &m.timezone}) {
    h.text(*field);
  }
  // The cover by its bytes: its path is resolved against the digest's folder,
  // so a folder moved or named another way would otherwise rebuild every day.
  h.number(std::int64_t{!m.cover.empty()});
  if (!m.cover.empty()) {
    try {
      h.text(read_file(m.cover));
    } catch (const EnvironmentError& e) {
      h.text(std::string("unreadable: ") + e.what());
    }
  }
  h.number(static_cast<std::int64_t>(edition.day.time_since_epoch().count()));
  h.number(static_cast<std::int64_t>(edition.build_time.time_since_epoch().count()));
}

void add_color(Sha256& h, const Color& c) {
  for (double v : {c.r, c.g, c.b}) h.number(v);
}

void add_style(Sha256& h, const Style& s) {
  h.text(s.name);
  for (double v : {s.page_width, s.page_height, s.margin_top, s.margin_bottom, s.margin_inner, s.margin_outer,
                   s.gutter, s.body_size, s.body_leading, s.title_size, s.heading_size, s.masthead_size,
                   s.small_size, s.code_size, s.paragraph_indent, s.letter_spacing, s.max_word_space}) {
    h.number(v);
  }
  for (int v : {s.columns, s.image_dpi, int{s.column_rule}, int{s.justify}, int{s.hyphenate}, int{s.grayscale}}) {
    h.number(std::int64_t{v});
  }
  h.text(s.fonts.body);
  h.text(s.fonts.heading);
  h.text(s.fonts.mono);
  add_list(h, s.fonts.fallbacks);
  for (const Color* c : {&s.text, &s.accent, &s.link, &s.cover.background, &s.cover.foreground, &s.cover.accent}) {
    add_color(h, *c);
  }
  h.text(s.css);
  h.text(s.cover.logo_png);
}

// What the command line asked for: formats and image settings (a device's among them).
void add_variant(Sha256& h, const Variant& v) {
  h.number(static_cast<std::int64_t>(v.formats));
  add_list(h, v.filter.sections);
  add_list(h, v.filter.tags);
  add_list(h, v.filter.languages);
  const ImageRequest& i = v.images;
  for (bool flag : {i.skip_bad, i.grayscale, i.strict_body, i.lighter}) h.number(std::int64_t{flag});
  h.number(std::int64_t{i.epub_max_px.value_or(-1)});
  h.number(std::int64_t{i.pdf_dpi.value_or(-1)});
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Sha256 h;
  h.bytes(bytes);
  return h.hex();
}

std::string day_inputs_hash(const Edition& edition, const Style& style, const Variant& variant) {
  Sha256 h;
  h.text(kHashLayout);
  h.text(BROADSHEET_VERSION);
  add_meta(h, edition);
  h.number(static_cast<std::int64_t>(edition.sections.size()));
  for (const Section& section : edition.sections) {
    h.text(section.name);
    h.number(static_cast<std::int64_t>(section.articles.size()));
    for (const PlacedArticle& placed : section.articles) add_article(h, placed);
  }
  add_images(h, edition, variant.images.roots);
  add_style(h, style);
  add_variant(h, variant);
  return h.hex();
}

}  // namespace broadsheet
