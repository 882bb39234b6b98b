// A deterministic corpus for the typography bench: N news articles on one day
// as digest YAML, mostly English prose (sentences of common words, some long
// ones to hyphenate), with a few articles in Russian, Greek, Chinese, Korean,
// Arabic and Hebrew. A fixed seed and splitmix64: the same bytes every run.
#pragma once

#include <string>

namespace broadsheet::bench {

/// The digest text (YAML) of `articles` articles dated 2024-11-05 (UTC).
std::string typography_corpus(int articles);

}  // namespace broadsheet::bench
