// Reading an article's fields: title and date are required; the rest are
// optional text or lists. Keys are read in source order so that diagnostics
// come out in the order of the file.
#include "input/articles.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <variant>

#include "diag/utf8.h"
#include "input/dates.h"
#include "input/fields.h"

namespace broadsheet {
namespace {

constexpr std::array<std::string_view, 14> kArticleKeys = {
    "title",   "date",  "source",        "url",      "author", "section", "tags",
    "summary", "image", "image_caption", "image_alt", "language", "format", "body"};

// Titles longer than this are cut in the "article 3 ('...')" context.
constexpr size_t kContextTitleCodePoints = 40;

// Optional single-line fields that go straight into a string member.
struct LineField {
  std::string_view key;
  std::string Article::*member;
};
constexpr std::array<LineField, 5> kLineFields = {{{"source", &Article::source},
                                                   {"url", &Article::url},
                                                   {"section", &Article::section},
                                                   {"image", &Article::image},
                                                   {"language", &Article::language}}};

std::string shorten(const std::string& text) {
  size_t i = 0;
  for (size_t count = 0; count < kContextTitleCodePoints && i < text.size(); ++count) {
    next_code_point(text, i);
  }
  return i < text.size() ? text.substr(0, i) + "..." : text;
}

// "article 3 ('Markets rally')", or "article 3" while the title is unusable.
std::string context(const YAML::Node& item, int number) {
  std::string label = "article " + std::to_string(number);
  for (const auto& pair : item) {
    if (pair.first.IsScalar() && pair.first.Scalar() == "title") {
      if (!pair.second.IsScalar()) return label;
      std::string title = collapse_whitespace(sanitize_text(pair.second.Scalar()));
      return title.empty() ? label : label + " ('" + shorten(title) + "')";
    }
  }
  return label;
}

std::string trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t\n");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\n") - begin + 1);
}

// The source column of the character at offset in a scalar's text: one
// further for an opening quote. Only meaningful for single-line scalars.
SourceLoc position_in_scalar(const FieldReader& reader, const YAML::Node& value, size_t offset) {
  SourceLoc at = reader.loc(value);
  std::string_view line = reader.source().line(value.Mark().line);
  const auto column = static_cast<size_t>(value.Mark().column);
  const char first = column < line.size() ? line[column] : ' ';
  if (first == '|' || first == '>') return at;
  at.column += static_cast<int>(offset) + (first == '"' || first == '\'' ? 1 : 0);
  return at;
}

void read_date(FieldReader& reader, const Entry& entry, Article& article) {
  auto text = reader.required_text(entry);
  if (!text) return;
  auto parsed = parse_article_date(trim(*text));
  if (auto* problem = std::get_if<DateProblem>(&parsed)) {
    const size_t leading = text->find_first_not_of(" \t\n");
    reader.error(position_in_scalar(reader, entry.value, leading + problem->position),
                 "'date' " + problem->message);
    return;
  }
  article.date = std::get<ArticleDate>(parsed);
}

void read_format(FieldReader& reader, const Entry& entry, Article& article) {
  auto text = reader.optional_text(entry);
  if (!text) return;
  const std::string format = trim(*text);
  if (format == "markdown") article.format = BodyFormat::Markdown;
  else if (format == "text") article.format = BodyFormat::Text;
  else if (format == "html") article.format = BodyFormat::Html;
  else {
    constexpr std::array<std::string_view, 3> kFormats = {"markdown", "text", "html"};
    reader.error(reader.loc(entry.value), "'format' must be markdown, text or html, not '" + format + "'",
                 did_you_mean(format, kFormats));
  }
}

bool read_line_field(FieldReader& reader, const Entry& entry, Article& article) {
  for (const LineField& field : kLineFields) {
    if (entry.key != field.key) continue;
    if (auto text = reader.optional_text(entry)) article.*field.member = collapse_whitespace(*text);
    if (entry.key == "image") article.image_loc = reader.loc(entry.value);
    return true;
  }
  return false;
}

// One known field, into its member; problems are reported to the reader.
void read_field(FieldReader& reader, const Entry& entry, Article& article) {
  if (read_line_field(reader, entry, article)) {
    if (entry.key == "language" && !article.language.empty()) {
      reader.check_language(entry, article.language);
    }
  } else if (entry.key == "title") {
    if (auto text = reader.required_text(entry)) article.title = collapse_whitespace(*text);
  } else if (entry.key == "date") {
    read_date(reader, entry, article);
  } else if (entry.key == "author" || entry.key == "authors") {
    auto more = reader.text_list(entry);
    article.authors.insert(article.authors.end(), more.begin(), more.end());
  } else if (entry.key == "tags") {
    article.tags = reader.text_list(entry);
  } else if (entry.key == "summary" || entry.key == "image_caption" || entry.key == "image_alt") {
    std::string& member = entry.key == "summary"         ? article.summary
                          : entry.key == "image_caption" ? article.image_caption
                                                         : article.image_alt;
    if (auto text = reader.optional_text(entry)) member = trim(*text);
  } else if (entry.key == "format") {
    read_format(reader, entry, article);
  } else if (entry.key == "body") {
    if (auto text = reader.optional_text(entry)) article.body = *text;
    article.body_loc = reader.loc(entry.value);
  }
}

}  // namespace

std::optional<Article> read_article(const YAML::Node& item, int number, const SourceText& source,
                                    Diagnostics& diags) {
  const std::string label = "article " + std::to_string(number);
  if (!item.IsMap()) {
    diags.error(source.loc(item.Mark()),
                label + (item.IsNull() ? " is empty" : " must be a mapping of fields, not " +
                                                           describe_node(item)),
                "an article is a mapping such as 'title: ...' and 'date: ...' lines");
    return std::nullopt;
  }
  const int errors_before = diags.error_count();
  Article article;
  article.label = context(item, number);
  FieldReader reader(source, diags, article.label);
  article.loc = reader.loc(item);
  bool has_title = false, has_date = false;
  reader.each_entry(item, kArticleKeys, [&](const Entry& entry) {
    has_title = has_title || entry.key == "title";
    has_date = has_date || entry.key == "date";
    article.field_locs[entry.key] = reader.loc(entry.value);
    read_field(reader, entry, article);
  });
  if (!has_title) reader.error(article.loc, "missing required field 'title'");
  if (!has_date) reader.error(article.loc, "missing required field 'date'");
  if (diags.error_count() > errors_before) return std::nullopt;
  return article;
}

}  // namespace broadsheet
