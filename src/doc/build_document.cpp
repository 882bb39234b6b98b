// From an edition to its document: ids, bylines, effective languages and
// parsed bodies. The one place where article bodies are parsed.
#include <charconv>

#include "doc/document.h"
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

std::vector<Block> parse_body(const Article& article) {
  switch (article.format) {
    case BodyFormat::Markdown: return parse_markdown(article.body);
    case BodyFormat::Text: return parse_plain_text(article.body);
    case BodyFormat::Html: return parse_plain_text(article.body);  // rejected earlier; never markup
  }
  return parse_plain_text(article.body);
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
  doc.body = parse_body(article);
  return doc;
}

SectionDoc build_section(const Section& section, size_t number, const std::string& language) {
  SectionDoc doc;
  doc.id = "s" + decimal(static_cast<long long>(number));
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
