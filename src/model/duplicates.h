// The same article arriving twice, in one digest or across merged ones (two
// feeds, an hourly fetch that overlaps the last): kept once, the first in input
// order, and each later copy named in a warning beside the first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "model/edition.h"

namespace broadsheet {

/// Why two articles are the same one: their url (trimmed; the fragment counts,
/// since a live blog's entries share a page), or their title and source
/// (white space runs as one space, diag/utf8.h collapse_whitespace; case kept), when both have a source. nullopt:
/// different articles.
std::optional<std::string> same_article(const Article& first, const Article& later);

/// Leaves each article of an edition once: the first in input order stays,
/// every later copy is dropped with a warning at its own place naming the
/// first's. Only articles of one day are compared: a copy dated another day is
/// that day's article. Sections left empty are removed.
void drop_duplicates(Edition& edition, Diagnostics& diags);

}  // namespace broadsheet
