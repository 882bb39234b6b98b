// Article dates: "YYYY-MM-DD", or an ISO 8601 date-time with a UTC offset
// ("2024-11-06T07:30:00Z", "...T07:30+04:00", fractions of a second dropped,
// a space instead of T allowed). Problems say why, for the diagnostic.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "model/article.h"

namespace broadsheet {

/// Why a date was rejected: the message after "'date' " ("is not a valid
/// date: February 2024 has 29 days") and where in the text the problem is.
struct DateProblem {
  std::string message;
  size_t position = 0;  ///< offset into the text (ASCII up to there)
};

/// The parsed date. For a date-time, `instant` is the UTC instant and `day`
/// the calendar date as written (before applying the offset).
std::variant<ArticleDate, DateProblem> parse_article_date(std::string_view text);

}  // namespace broadsheet
