// Days: calendar formatting, strict date parsing, and assigning articles to
// editions in the edition's time zone (offsets near midnight, DST, odd zones).
#include <doctest/doctest.h>

#include "model/days.h"

using namespace broadsheet;
using namespace std::chrono;

namespace {

sys_days ymd(int y, unsigned m, unsigned d) { return sys_days{year{y} / month{m} / day{d}}; }

sys_seconds utc(int y, unsigned m, unsigned d, int h, int min) {
  return sys_seconds{ymd(y, m, d)} + hours{h} + minutes{min};
}

Article timed(std::string title, sys_seconds instant, std::string section = {}) {
  Article a;
  a.title = std::move(title);
  a.date.instant = instant;
  a.section = std::move(section);
  return a;
}

Article dated(std::string title, sys_days day, std::string section = {}) {
  Article a;
  a.title = std::move(title);
  a.date.day = day;
  a.section = std::move(section);
  return a;
}

Digest digest_in(std::string zone, std::vector<Article> articles) {
  Digest d;
  d.meta.timezone = std::move(zone);
  d.articles = std::move(articles);
  return d;
}

// The one edition's day and the first article's placement.
struct Placed {
  std::string day, local, offset;
};
Placed place_one(const std::string& zone, sys_seconds instant) {
  auto editions = split_days(digest_in(zone, {timed("x", instant)}), {});
  REQUIRE(editions.size() == 1);
  const PlacedArticle& p = editions[0].sections.at(0).articles.at(0);
  CHECK(p.has_time);
  return {iso_date(editions[0].day),
          iso_timestamp(sys_seconds{p.local_time.time_since_epoch()}), p.utc_offset};
}

}  // namespace

TEST_CASE("iso_date, long_date and iso_timestamp are fixed English formats") {
  CHECK(iso_date(ymd(2024, 11, 6)) == "2024-11-06");
  CHECK(iso_date(ymd(987, 1, 2)) == "0987-01-02");
  CHECK(long_date(ymd(2024, 11, 6)) == "Wednesday, 6 November 2024");
  CHECK(long_date(ymd(2023, 1, 1)) == "Sunday, 1 January 2023");
  CHECK(iso_timestamp(utc(2024, 11, 6, 7, 30)) == "2024-11-06T07:30:00Z");
  CHECK(iso_timestamp(sys_seconds{seconds{0}}) == "1970-01-01T00:00:00Z");
  CHECK(month_name(month{2}) == "February");
  CHECK(month_name(month{13}) == "");
}

TEST_CASE("parse_iso_date is strict") {
  CHECK(parse_iso_date("2024-02-29") == ymd(2024, 2, 29));
  for (const char* bad : {"2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00",
                          "2024-1-01", "2024-01-01T00:00", " 2024-01-01", "20240101", "",
                          "2024/01/01", "2024-01-0x"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_date(bad));
  }
}

TEST_CASE("is_known_time_zone uses the system tz database") {
  CHECK(is_known_time_zone("UTC"));
  CHECK(is_known_time_zone("Asia/Baku"));
  CHECK(is_known_time_zone("America/New_York"));
  CHECK_FALSE(is_known_time_zone("Mars/Olympus_Mons"));
  CHECK_FALSE(is_known_time_zone(""));
}

TEST_CASE("an instant lands on its calendar day in the edition's zone") {
  const sys_seconds late_evening_new_york = utc(2024, 11, 7, 4, 30);  // 23:30-05:00 on the 6th
  Placed in_utc = place_one("UTC", late_evening_new_york);
  CHECK(in_utc.day == "2024-11-07");
  CHECK(in_utc.local == "2024-11-07T04:30:00Z");
  CHECK(in_utc.offset == "+00:00");
  Placed in_new_york = place_one("America/New_York", late_evening_new_york);
  CHECK(in_new_york.day == "2024-11-06");
  CHECK(in_new_york.local == "2024-11-06T23:30:00Z");
  CHECK(in_new_york.offset == "-05:00");
}

TEST_CASE("quarter-hour and +14:00 zones") {
  Placed kathmandu = place_one("Asia/Kathmandu", utc(2024, 11, 6, 18, 20));
  CHECK(kathmandu.day == "2024-11-07");
  CHECK(kathmandu.local == "2024-11-07T00:05:00Z");
  CHECK(kathmandu.offset == "+05:45");
  Placed kiritimati = place_one("Pacific/Kiritimati", utc(2024, 11, 6, 10, 0));
  CHECK(kiritimati.day == "2024-11-07");
  CHECK(kiritimati.offset == "+14:00");
}

TEST_CASE("Berlin across the end of summer time") {
  // 2024-10-27 01:30 UTC is 02:30 CET (+01:00), after clocks went back at 01:00 UTC.
  Placed after = place_one("Europe/Berlin", utc(2024, 10, 27, 1, 30));
  CHECK(after.day == "2024-10-27");
  CHECK(after.local == "2024-10-27T02:30:00Z");
  CHECK(after.offset == "+01:00");
  Placed before = place_one("Europe/Berlin", utc(2024, 10, 26, 22, 30));  // 00:30 CEST
  CHECK(before.day == "2024-10-27");
  CHECK(before.offset == "+02:00");
  Placed spring = place_one("Europe/Berlin", utc(2024, 3, 30, 23, 0));  // 00:00 CET on the 31st
  CHECK(spring.day == "2024-03-31");
  CHECK(spring.local == "2024-03-31T00:00:00Z");
}

TEST_CASE("a bare date keeps its day whatever the zone, with no time") {
  auto editions = split_days(digest_in("Pacific/Kiritimati", {dated("x", ymd(2024, 11, 6))}), {});
  REQUIRE(editions.size() == 1);
  CHECK(iso_date(editions[0].day) == "2024-11-06");
  const PlacedArticle& p = editions[0].sections[0].articles[0];
  CHECK_FALSE(p.has_time);
  CHECK(p.utc_offset == "");
}

TEST_CASE("editions are ordered by day; sections by first appearance; articles keep input order") {
  Digest d = digest_in("UTC", {dated("b1", ymd(2024, 11, 7), "World"),
                               dated("a1", ymd(2024, 11, 6), "Business"),
                               dated("b2", ymd(2024, 11, 7)),
                               dated("b3", ymd(2024, 11, 7), "World"),
                               timed("b4", utc(2024, 11, 7, 9, 0), "Sport")});
  d.meta.title = "World Brief";
  auto editions = split_days(d, {});
  REQUIRE(editions.size() == 2);
  CHECK(iso_date(editions[0].day) == "2024-11-06");
  CHECK(editions[0].meta.title == "World Brief");
  const auto& sections = editions[1].sections;
  REQUIRE(sections.size() == 3);
  CHECK(sections[0].name == "World");
  CHECK(sections[1].name == "News");
  CHECK(sections[2].name == "Sport");
  REQUIRE(sections[0].articles.size() == 2);
  CHECK(sections[0].articles[0].article.title == "b1");
  CHECK(sections[0].articles[1].article.title == "b3");
}

TEST_CASE("DayFilter selects days, ranges, or both") {
  Digest d = digest_in("UTC", {dated("1", ymd(2024, 11, 5)), dated("2", ymd(2024, 11, 6)),
                               dated("3", ymd(2024, 11, 7)), dated("4", ymd(2024, 11, 8))});
  DayFilter only;
  only.days = {ymd(2024, 11, 6), ymd(2024, 11, 8)};
  CHECK(split_days(d, only).size() == 2);
  DayFilter range;
  range.from = ymd(2024, 11, 6);
  range.to = ymd(2024, 11, 7);
  auto editions = split_days(d, range);
  REQUIRE(editions.size() == 2);
  CHECK(iso_date(editions[1].day) == "2024-11-07");
  DayFilter both = range;
  both.days = {ymd(2024, 11, 5), ymd(2024, 11, 7)};
  CHECK(split_days(d, both).size() == 1);
  CHECK(DayFilter{}.accepts(ymd(1999, 1, 1)));
}

TEST_CASE("choose_build_time: explicit, else the latest instant, else noon UTC") {
  Digest d = digest_in("Asia/Baku", {timed("a", utc(2024, 11, 6, 7, 30)),
                                     dated("b", ymd(2024, 11, 6)),
                                     timed("c", utc(2024, 11, 6, 15, 0), "Other"),
                                     timed("d", utc(2024, 11, 6, 9, 0))});
  auto editions = split_days(d, {});
  REQUIRE(editions.size() == 1);
  CHECK(iso_timestamp(choose_build_time(editions[0], std::nullopt)) == "2024-11-06T15:00:00Z");
  CHECK(choose_build_time(editions[0], sys_seconds{seconds{42}}) == sys_seconds{seconds{42}});
  auto bare = split_days(digest_in("UTC", {dated("x", ymd(2024, 11, 6))}), {});
  CHECK(iso_timestamp(choose_build_time(bare.at(0), std::nullopt)) == "2024-11-06T12:00:00Z");
}
