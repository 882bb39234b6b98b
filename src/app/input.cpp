// The application's first step: the digests read once, validated, split into
// days; and each variant's style and article filter.
#include <algorithm>
#include <charconv>

#include "app/app.h"
#include "env/style_dirs.h"
#include "input/load.h"
#include "model/duplicates.h"

namespace broadsheet {
namespace fs = std::filesystem;
using std::chrono::sys_seconds;

std::optional<sys_seconds> parse_timestamp(const std::string& text) {
  // Up to 9999-01-01T00:00:00Z: later times have no four-digit year for the
  // outputs' dates (and far larger ones overflow the calendar arithmetic).
  constexpr long long kEndOfYear9998 = 253370764800;
  long long seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (ec == std::errc() && end == text.data() + text.size() && seconds >= 0 &&
      seconds < kEndOfYear9998) {
    return sys_seconds{std::chrono::seconds{seconds}};
  }
  // YYYY-MM-DDTHH:MM:SSZ
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  auto day = parse_iso_date(text.substr(0, 10));
  int h = 0, m = 0, s = 0;
  auto two = [&](size_t at, int& v, int max) {
    auto r = std::from_chars(text.data() + at, text.data() + at + 2, v);
    return r.ec == std::errc() && r.ptr == text.data() + at + 2 && v >= 0 && v <= max;
  };
  if (!day || text[13] != ':' || text[16] != ':' || !two(11, h, 23) || !two(14, m, 59) ||
      !two(17, s, 59)) {
    return std::nullopt;
  }
  return sys_seconds{*day} + std::chrono::hours{h} + std::chrono::minutes{m} +
         std::chrono::seconds{s};
}

size_t Input::article_count() const {
  size_t articles = 0;
  for (const Edition& e : editions)
    for (const Section& s : e.sections) articles += s.articles.size();
  return articles;
}

Input read_input(const InputRequest& request, Diagnostics& diags) {
  Input input;
  input.digest = load_digests(request.files, diags, request.executor);
  if (diags.has_errors()) return input;
  input.editions = split_days(input.digest, request.days);
  for (Edition& edition : input.editions) {
    drop_duplicates(edition, diags);
    edition.build_time = choose_build_time(edition, request.timestamp);
  }
  return input;
}

void release_articles(Input& input) {
  input.digest.articles = std::vector<Article>();
  for (Edition& edition : input.editions) edition.sections = std::vector<Section>();
}

Style load_variant_style(const Input& input, const Variant& variant, const AppEnv& env,
                         Diagnostics& diags) {
  const std::string& name = !variant.style.empty()             ? variant.style
                            : !input.digest.meta.style.empty() ? input.digest.meta.style
                                                               : std::string("classic");
  return load_style(name, find_style_dir(name, env.style_path).value_or(fs::path("styles")), diags);
}

bool wants_pdf(Formats formats) { return formats == Formats::Both || formats == Formats::Pdf; }
bool wants_epub(Formats formats) { return formats == Formats::Both || formats == Formats::Epub; }

namespace {
bool listed_or_any(const std::vector<std::string>& list, const std::string& value) {
  return list.empty() || std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

bool ArticleFilter::keeps(const PlacedArticle& placed, const Section& section,
                          const EditionMeta& meta) const {
  const Article& article = placed.article;
  const bool tagged = tags.empty() || std::any_of(article.tags.begin(), article.tags.end(),
                                                  [&](const std::string& t) { return listed_or_any(tags, t); });
  return listed_or_any(sections, section.name) && tagged &&
         listed_or_any(languages, article.language.empty() ? meta.language : article.language);
}

}  // namespace broadsheet
