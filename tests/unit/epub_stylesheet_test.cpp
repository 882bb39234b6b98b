// The EPUB stylesheet: the style's CSS as written, and the shipped stylesheets
// styling exactly the classes the pages carry, in CSS the readers handle.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "css_test_support.h"
#include "diag/utf8.h"
#include "epub/stylesheet.h"
#include "epub/write_epub.h"
#include "epub_test_support.h"

namespace broadsheet {
namespace {

using namespace epub_test;

std::set<std::string> selector_classes(const std::string& css_text) {
  std::string css = without_comments(css_text);
  std::set<std::string> classes;
  size_t start = 0;
  for (size_t brace = css.find('{'); brace != std::string::npos; brace = css.find('{', start)) {
    std::string selectors = css.substr(start, brace - start);
    for (size_t dot = selectors.find('.'); dot != std::string::npos; dot = selectors.find('.', dot + 1)) {
      size_t end = selectors.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_", dot + 1);
      classes.insert(selectors.substr(dot + 1, end - dot - 1));
    }
    start = css.find('}', brace) + 1;
  }
  return classes;
}

// Every class the pages carry (the cover page styles itself).
std::set<std::string> markup_classes() {
  Document with_excerpt = sample_document();
  with_excerpt.sections[0].articles[0].summary = "";
  Document empty = sample_document();
  empty.sections.clear();
  std::set<std::string> classes;
  for (const Document& doc : {with_excerpt, sample_document(), empty}) {
    Book book = unzip(render_epub(doc, Style{}));
    for (const std::string& name : xhtml_entries(book)) {
      if (name == "OEBPS/cover.xhtml") continue;
      ParsedXml xml(book.entries[name]);
      for_each_element(xml.root(), [&](XMLElement* e) {
        if (!attribute(e, "class").empty()) classes.insert(attribute(e, "class"));
      });
    }
  }
  return classes;
}

}  // namespace

TEST_CASE("epub stylesheet: the style's CSS as written, made valid UTF-8; no built-in copy") {
  Style style;
  style.css = "body { margin: 0 }\n";
  CHECK(unzip(render_epub(sample_document(), style)).entries["OEBPS/style.css"] == style.css);
  style.css = "p { quotes: \"\xff\" }\n";
  CHECK(epub::stylesheet(style) == sanitize_text(style.css));
  CHECK(epub::stylesheet(style) != style.css);
  CHECK(epub::stylesheet(Style{}).empty());
}

TEST_CASE("epub stylesheets style exactly the classes the pages carry, in CSS readers handle") {
  const std::set<std::string> markup = markup_classes();
  const std::set<std::string> page_hooks = {"front-page", "section-page", "article-page"};  // body classes
  std::map<std::string, std::string> sheets;
  for (const char* name : {"classic", "newspaper", "ereader"}) {
    sheets[name] = read_text(fs::path(BROADSHEET_BUILT_STYLES) / (std::string(name) + ".css"));
  }
  for (const auto& sheet : sheets) {
    const std::string& name = sheet.first;
    const std::string& css = sheet.second;
    INFO(name);
    REQUIRE(!css.empty());
    std::set<std::string> styled = selector_classes(css);
    for (const std::string& c : styled) CHECK_MESSAGE(markup.count(c) == 1, "no page carries ." << c);
    for (const std::string& c : markup) {
      if (!page_hooks.count(c)) CHECK_MESSAGE(styled.count(c) == 1, "unstyled class ." << c);
    }
    std::string rules = without_comments(css);
    for (const char* unsupported : {"flex", "grid", "var(", "--", "position: fixed", "@font-face", "px;"}) {
      CHECK_MESSAGE(rules.find(unsupported) == std::string::npos, unsupported);
    }
    CHECK_MESSAGE(css.find("hyphens: auto") != std::string::npos, "hyphenation");
    CHECK_MESSAGE(css.find("widows") != std::string::npos, "widows and orphans");
    // Links in running text are underlined (axe's link-in-text-block, WCAG 1.4.1): the
    // plain `a` rule never turns the underline off (headlines and labels may).
    const size_t a_rule = rules.find("\na {");
    if (a_rule != std::string::npos) {
      const std::string body = rules.substr(a_rule, rules.find('}', a_rule) - a_rule);
      CHECK_MESSAGE(body.find("text-decoration: none") == std::string::npos, "links not underlined");
    }
  }
}

// The slow checks, run in parallel: the sample in each shipped stylesheet, an
// edition with no sections; then mutool draws every page of the sample.

}  // namespace broadsheet
