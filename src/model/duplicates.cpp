// Duplicate articles within one day's edition: found by url or by title and
// source, the first in input order kept.
#include "model/duplicates.h"

#include <algorithm>
#include <map>

#include "diag/utf8.h"

namespace broadsheet {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// "in.yaml:3:3", or as much of it as is known.
std::string place_of(const SourceLoc& loc) {
  std::string place = loc.file;
  if (loc.line > 0) place += ":" + std::to_string(loc.line);
  if (loc.line > 0 && loc.column > 0) place += ":" + std::to_string(loc.column);
  return place;
}

// The edition's articles in input order, as (section, index in it).
std::vector<std::pair<size_t, size_t>> in_input_order(const Edition& edition) {
  std::vector<std::pair<size_t, size_t>> order;
  for (size_t s = 0; s < edition.sections.size(); ++s) {
    for (size_t a = 0; a < edition.sections[s].articles.size(); ++a) order.emplace_back(s, a);
  }
  auto index = [&](const std::pair<size_t, size_t>& at) {
    return edition.sections[at.first].articles[at.second].article.input_index;
  };
  std::stable_sort(order.begin(), order.end(), [&](auto& x, auto& y) { return index(x) < index(y); });
  return order;
}

}  // namespace

namespace {

// What identifies an article: its url, and its title with its source; an empty
// key identifies nothing.
std::string url_key(const Article& article) { return trimmed(article.url); }

std::string title_source_key(const Article& article) {
  const std::string source = collapse_whitespace(article.source);
  return source.empty() ? "" : collapse_whitespace(article.title) + '\n' + source;
}

}  // namespace

std::optional<std::string> same_article(const Article& first, const Article& later) {
  const std::string url = url_key(later);
  if (!url.empty() && url == url_key(first)) return "the same url '" + url + "'";
  const std::string title_source = title_source_key(later);
  if (!title_source.empty() && title_source == title_source_key(first)) {
    return "the same title and source '" + collapse_whitespace(later.source) + "'";
  }
  return std::nullopt;
}

void drop_duplicates(Edition& edition, Diagnostics& diags) {
  std::map<std::string, const Article*> by_url, by_title_source;  // the first article with each key
  std::map<size_t, std::vector<size_t>> dropped;                   // section -> article indexes
  for (auto [s, a] : in_input_order(edition)) {
    const Article& article = edition.sections[s].articles[a].article;
    const std::string url = url_key(article), title_source = title_source_key(article);
    const Article* first = nullptr;
    if (auto found = by_url.find(url); !url.empty() && found != by_url.end()) first = found->second;
    if (auto found = by_title_source.find(title_source); !first && !title_source.empty() && found != by_title_source.end()) {
      first = found->second;
    }
    if (!first) {
      if (!url.empty()) by_url.emplace(url, &article);
      if (!title_source.empty()) by_title_source.emplace(title_source, &article);
      continue;
    }
    diags.warning(article.loc, "duplicate article: " + *same_article(*first, article) + " as the article at " +
                                   place_of(first->loc) + "; this one is left out");
    dropped[s].push_back(a);
  }
  for (auto& [s, indexes] : dropped) {
    std::vector<PlacedArticle>& articles = edition.sections[s].articles;
    std::sort(indexes.rbegin(), indexes.rend());
    for (size_t a : indexes) articles.erase(articles.begin() + static_cast<std::ptrdiff_t>(a));
  }
  std::erase_if(edition.sections, [](const Section& s) { return s.articles.empty(); });
}

}  // namespace broadsheet
