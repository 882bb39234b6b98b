// The EPUB's reading pages, in spine order: the cover, the front page
// (masthead and the day's sections), a page per section listing its articles,
// and a page per article. Each is compact XHTML.
#pragma once

#include <string>

#include "doc/document.h"
#include "epub/plan.h"

namespace broadsheet::epub {

/// cover.xhtml: the cover image alone, with alt text naming the edition, its
/// date and headlines; it carries its own small stylesheet so that any style
/// shows it whole.
std::string cover_page(const Document& doc, const EpubPlan& plan);

/// The cover image's alt text: publication, date of the news, headlines.
std::string cover_description(const Document& doc, const EpubPlan& plan);

/// front.xhtml: masthead (title, subtitle, long date, publisher), then each
/// section with its article count and its headlines, linked.
std::string front_page(const Document& doc, const EpubPlan& plan);

/// The page of plan.sections[index]: its articles' titles (linked), bylines
/// and summaries (or opening words), and links to the neighbouring sections.
std::string section_page(const Document& doc, const EpubPlan& plan, size_t index);

/// The page of plan.articles[index]: section label, title, byline, summary,
/// body, a link to the original, and navigation: previous and next article,
/// its section, the front page.
std::string article_page(const EpubPlan& plan, size_t index);

}  // namespace broadsheet::epub
