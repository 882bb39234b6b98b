// Grouping a digest into one edition per calendar day in the edition's zone.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "model/edition.h"

namespace broadsheet {

/// Which days to build; empty means every day that has articles.
struct DayFilter {
  std::vector<std::chrono::sys_days> days;          ///< --date (repeatable)
  std::optional<std::chrono::sys_days> from, to;    ///< --from / --to, inclusive
  bool accepts(std::chrono::sys_days d) const;
};

/// True when name is an IANA zone known to the system's tz database.
bool is_known_time_zone(const std::string& name);

/// Splits the digest into editions, one per calendar day in digest.meta.timezone,
/// ordered by day. Sections keep the order of their first appearance, articles
/// their input order. build_time is left at zero: see choose_build_time.
/// Precondition: the time zone was validated (is_known_time_zone).
std::vector<Edition> split_days(const Digest& digest, const DayFilter& filter);

/// The one build time of an edition: the explicit one (--timestamp or
/// SOURCE_DATE_EPOCH) when given, else the latest article instant of that day,
/// else noon UTC of the day.
std::chrono::sys_seconds choose_build_time(const Edition& edition,
                                           std::optional<std::chrono::sys_seconds> explicit_time);

/// "November" for month 11 (English, locale-independent); "" when !m.ok().
std::string month_name(std::chrono::month m);
/// "2024-11-06"
std::string iso_date(std::chrono::sys_days day);
/// "Wednesday, 6 November 2024" (English, locale-independent)
std::string long_date(std::chrono::sys_days day);
/// "2024-11-06T07:30:00Z"
std::string iso_timestamp(std::chrono::sys_seconds t);
/// Parses "YYYY-MM-DD" strictly (impossible dates fail).
std::optional<std::chrono::sys_days> parse_iso_date(const std::string& text);

}  // namespace broadsheet
