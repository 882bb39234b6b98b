// From an edition to its document: ids, bylines, effective languages and
// parsed bodies. The one place where article bodies are parsed.
#include <charconv>
#include <optional>

#include "doc/document.h"
#include "doc/figures.h"
#include "doc/outline.h"
#include "doc/inlines.h"
#include "doc/link_policy.h"
#include "doc/long_paragraphs.h"
#include "model/days.h"

namespace broadsheet {
namespace {

std::string decimal(long long value, int min_digits = 1) {
  char digits[24];
  auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  std::string text(digits, end);
  if (static_cast<int>(text.size()) < min_digits) text.insert(0, min_digits - text.size(), '0');
  return text;
}

// "07:30 +04:00": the wall-clock time in the edition's zone and its offset.
std::string time_label(const PlacedArticle& placed) {
  if (!placed.has_time) return {};
  auto since_midnight = placed.local_time - std::chrono::floor<std::chrono::days>(placed.local_time);
  std::chrono::hh_mm_ss clock{since_midnight};
  std::string label = decimal(clock.hours().count(), 2) + ":" + decimal(clock.minutes().count(), 2);
  if (!placed.utc_offset.empty()) label += " " + placed.utc_offset;
  return label;
}

std::vector<Block> parse_body(const Article& article, BodyNotes& notes) {
  switch (article.format) {
    case BodyFormat::Markdown: return parse_markdown(article.body, &notes);
    case BodyFormat::Text: return parse_plain_text(article.body);
    case BodyFormat::Html: return parse_html(article.body, &notes);
  }
  return parse_plain_text(article.body);
}

void append_inline(std::vector<Inline>& out, Inline in) {
  if (in.kind == InlineKind::Text) append_text(out, in.text);
  else out.push_back(std::move(in));
}

// Every link target in the body goes through the one link policy, resolved
// against the article's url: the back ends write only what it kept. A link the
// policy refuses gives way to its text (merged with the text around it).
void decide_links(std::vector<Inline>& inlines, const std::string& base) {
  std::vector<Inline> out;
  out.reserve(inlines.size());
  for (Inline& in : inlines) {
    decide_links(in.children, base);
    if (in.kind != InlineKind::Link) {
      append_inline(out, std::move(in));
    } else if (std::optional<std::string> url = decide_link(in.url, base)) {
      in.url = std::move(*url);
      out.push_back(std::move(in));
    } else {
      for (Inline& child : in.children) append_inline(out, std::move(child));
    }
  }
  inlines = std::move(out);
}

void decide_links(std::vector<Block>& blocks, const std::string& base) {
  for (Block& block : blocks) {
    decide_links(block.inlines, base);
    decide_links(block.children, base);
  }
}

ArticleDoc build_article(const PlacedArticle& placed, const std::string& id,
                         const std::string& edition_language) {
  const Article& article = placed.article;
  ArticleDoc doc;
  doc.id = id;
  doc.title = article.title;
  doc.authors = article.authors;
  doc.source = article.source;
  doc.url = article.url;
  doc.time_label = time_label(placed);
  doc.summary = article.summary;
  doc.language = article.language.empty() ? edition_language : article.language;
  doc.tags = article.tags;
  BodyNotes notes;
  doc.body = parse_body(article, notes);
  decide_links(doc.body, article.url);
  doc.left_out_sources = std::move(notes.remote_images);
  hoist_figures(doc.body);
  cut_long_paragraphs(doc.body);
  rank_headings(doc.body);
  if (!article.image.empty()) doc.body.insert(doc.body.begin(), lead_figure(article.image, article.image_caption, article.image_alt));
  doc.base_dir = article.base_dir;
  doc.label = article.label;
  doc.image_loc = article.image_loc;
  doc.body_loc = article.body_loc;
  doc.field_locs = article.field_locs;
  return doc;
}

SectionDoc build_section(const Section& section, size_t number, const std::string& language) {
  SectionDoc doc;
  // Appended, not "s" + decimal(): GCC 12 at -O3 warns falsely (-Wrestrict)
  // on a literal plus a temporary string.
  doc.id = "s";
  doc.id += decimal(static_cast<long long>(number));
  doc.title = section.name;
  for (size_t i = 0; i < section.articles.size(); ++i) {
    std::string id = doc.id + "-a" + decimal(static_cast<long long>(i + 1));
    doc.articles.push_back(build_article(section.articles[i], id, language));
  }
  return doc;
}

}  // namespace

Document build_document(const Edition& edition) {
  Document doc;
  doc.meta = edition.meta;
  doc.iso_date = iso_date(edition.day);
  doc.long_date = long_date(edition.day);
  doc.build_time = edition.build_time;
  for (size_t i = 0; i < edition.sections.size(); ++i) {
    doc.sections.push_back(build_section(edition.sections[i], i + 1, edition.meta.language));
  }
  return doc;
}

}  // namespace broadsheet
