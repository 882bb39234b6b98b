// One day's edition: the articles of a calendar day, grouped into sections.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "model/article.h"

namespace broadsheet {

/// An article placed in its edition, with its time in the edition's zone.
struct PlacedArticle {
  Article article;
  bool has_time = false;                     ///< false for bare dates
  std::chrono::local_seconds local_time{};   ///< wall-clock time in the edition's zone
  std::string utc_offset;                    ///< e.g. "+04:00", "" for bare dates
};

struct Section {
  std::string name;
  std::vector<PlacedArticle> articles;
};

struct Edition {
  EditionMeta meta;
  std::chrono::sys_days day{};
  std::vector<Section> sections;             ///< in order of first appearance
  std::chrono::sys_seconds build_time{};     ///< the one time every output date comes from
};

/// The name of the section for articles that give none.
inline constexpr const char* kDefaultSection = "News";

}  // namespace broadsheet
