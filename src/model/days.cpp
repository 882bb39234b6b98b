// STUB
#include "model/days.h"
namespace broadsheet {
bool DayFilter::accepts(std::chrono::sys_days) const { return true; }
bool is_known_time_zone(const std::string&) { return true; }
std::vector<Edition> split_days(const Digest&, const DayFilter&) { return {}; }
std::chrono::sys_seconds choose_build_time(const Edition&, std::optional<std::chrono::sys_seconds> t) { return t.value_or(std::chrono::sys_seconds{}); }
std::string iso_date(std::chrono::sys_days) { return {}; }
std::string long_date(std::chrono::sys_days) { return {}; }
std::string iso_timestamp(std::chrono::sys_seconds) { return {}; }
std::optional<std::chrono::sys_days> parse_iso_date(const std::string&) { return std::nullopt; }
}  // namespace broadsheet
