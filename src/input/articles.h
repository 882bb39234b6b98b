// One article: a YAML mapping read field by field into an Article, with every
// problem reported against the article's number and title.
#pragma once

#include <yaml-cpp/node/node.h>

#include <optional>

#include "diag/diagnostics.h"
#include "input/source_text.h"
#include "model/article.h"

namespace broadsheet {

/// Reads the number-th (1-based, within its file) item of 'articles'. Returns
/// nullopt when anything about it is an error (all of which were reported).
std::optional<Article> read_article(const YAML::Node& item, int number, const SourceText& source,
                                    Diagnostics& diags);

}  // namespace broadsheet
