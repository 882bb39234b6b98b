// Splitting a digest into one edition per calendar day in the edition's time
// zone (Howard Hinnant's date/tz over the system tz database), and the
// locale-independent date formatting every output uses.
#include "model/days.h"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <map>

namespace broadsheet {
namespace {
using namespace std::chrono;

std::string two_digits(unsigned value) {
  return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string four_digit_year(int year) {
  std::string digits = std::to_string(year < 0 ? -year : year);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return (year < 0 ? "-" : "") + digits;
}

// "+04:00", "-05:00", "+05:45"; UTC itself is "+00:00". Historic offsets with
// seconds (local mean time) get ":SS".
std::string format_offset(seconds offset) {
  const char sign = offset < seconds{0} ? '-' : '+';
  const auto total = static_cast<unsigned>(offset < seconds{0} ? -offset.count() : offset.count());
  std::string out = sign + two_digits(total / 3600) + ':' + two_digits(total / 60 % 60);
  if (total % 60 != 0) out += ':' + two_digits(total % 60);
  return out;
}

// Where an article lands: its day in the zone and its wall-clock time there.
PlacedArticle place(const Article& article, const date::time_zone* zone, sys_days& day) {
  PlacedArticle placed{article, false, {}, {}};
  if (!article.date.instant) {
    day = article.date.day;
    return placed;
  }
  const auto zoned = date::make_zoned(zone, *article.date.instant);
  const auto local = zoned.get_local_time();
  placed.has_time = true;
  placed.local_time = local_seconds{local.time_since_epoch()};
  placed.utc_offset = format_offset(zoned.get_info().offset);
  day = sys_days{floor<days>(placed.local_time).time_since_epoch()};
  return placed;
}

void add_to_section(Edition& edition, PlacedArticle placed) {
  std::string name = placed.article.section.empty() ? kDefaultSection : placed.article.section;
  auto same_name = [&name](const Section& s) { return s.name == name; };
  auto section = std::find_if(edition.sections.begin(), edition.sections.end(), same_name);
  if (section == edition.sections.end()) {
    edition.sections.push_back(Section{name, {}});
    section = std::prev(edition.sections.end());
  }
  section->articles.push_back(std::move(placed));
}

}  // namespace

bool DayFilter::accepts(sys_days d) const {
  if (!days.empty() && std::find(days.begin(), days.end(), d) == days.end()) return false;
  if (from && d < *from) return false;
  if (to && d > *to) return false;
  return true;
}

bool is_known_time_zone(const std::string& name) {
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::exception&) {
    return false;
  }
}

std::vector<Edition> split_days(const Digest& digest, const DayFilter& filter) {
  const date::time_zone* zone = date::locate_zone(digest.meta.timezone);
  std::map<sys_days, Edition> by_day;
  for (const Article& article : digest.articles) {
    sys_days day{};
    PlacedArticle placed = place(article, zone, day);
    if (!filter.accepts(day)) continue;
    auto [entry, added] = by_day.try_emplace(day);
    if (added) {
      entry->second.meta = digest.meta;
      entry->second.day = day;
    }
    add_to_section(entry->second, std::move(placed));
  }
  std::vector<Edition> editions;
  editions.reserve(by_day.size());
  for (auto& [day, edition] : by_day) editions.push_back(std::move(edition));
  return editions;
}

sys_seconds choose_build_time(const Edition& edition, std::optional<sys_seconds> explicit_time) {
  if (explicit_time) return *explicit_time;
  std::optional<sys_seconds> latest;
  for (const Section& section : edition.sections) {
    for (const PlacedArticle& placed : section.articles) {
      const auto& instant = placed.article.date.instant;
      if (instant && (!latest || *instant > *latest)) latest = *instant;
    }
  }
  return latest.value_or(sys_seconds{edition.day} + hours{12});
}

std::string month_name(month m) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return m.ok() ? kMonths[static_cast<unsigned>(m) - 1] : "";
}

std::string iso_date(sys_days day) {
  const year_month_day ymd{day};
  return four_digit_year(static_cast<int>(ymd.year())) + '-' +
         two_digits(static_cast<unsigned>(ymd.month())) + '-' +
         two_digits(static_cast<unsigned>(ymd.day()));
}

std::string long_date(sys_days day) {
  static constexpr std::array<const char*, 7> kWeekdays = {
      "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  const year_month_day ymd{day};
  return std::string(kWeekdays[weekday{day}.c_encoding()]) + ", " +
         std::to_string(static_cast<unsigned>(ymd.day())) + ' ' + month_name(ymd.month()) + ' ' +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string iso_timestamp(sys_seconds t) {
  const sys_days day = floor<days>(t);
  const hh_mm_ss<seconds> time{t - day};
  return iso_date(day) + 'T' + two_digits(static_cast<unsigned>(time.hours().count())) + ':' +
         two_digits(static_cast<unsigned>(time.minutes().count())) + ':' +
         two_digits(static_cast<unsigned>(time.seconds().count())) + 'Z';
}

std::optional<sys_days> parse_iso_date(const std::string& text) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  auto number = [&text](size_t at, size_t length) {
    int value = 0;
    for (size_t i = at; i < at + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const year_month_day ymd{year{number(0, 4)}, month{static_cast<unsigned>(number(5, 2))},
                           day{static_cast<unsigned>(number(8, 2))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

}  // namespace broadsheet
