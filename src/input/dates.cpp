// A small scanner for article dates: the shape is checked first (with the
// position of the first unexpected character), then each field's range, so
// that "2024-02-30" says "February 2024 has 29 days".
#include "input/dates.h"

#include "model/days.h"

namespace broadsheet {
namespace {
using namespace std::chrono;

// The numbers of a date-time as written, and where each one starts.
struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  size_t month_at = 0, day_at = 0, hour_at = 0, minute_at = 0, second_at = 0;
  bool has_time = false;
  bool has_offset = false;
  int offset_minutes = 0;  ///< signed total
  int offset_minute_part = 0;
  size_t offset_at = 0;
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool digits(size_t count, int& value) {
    value = 0;
    for (size_t k = 0; k < count; ++k, ++pos_) {
      if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') return false;
      value = value * 10 + (text_[pos_] - '0');
    }
    return true;
  }
  bool eat(char c) { return at(c) && (++pos_, true); }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool done() const { return pos_ == text_.size(); }
  size_t pos() const { return pos_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

bool scan_date(Scanner& s, Fields& f) {
  if (!s.digits(4, f.year) || !s.eat('-')) return false;
  f.month_at = s.pos();
  if (!s.digits(2, f.month) || !s.eat('-')) return false;
  f.day_at = s.pos();
  return s.digits(2, f.day);
}

// "07:30", "07:30:00", "07:30:00.123"; the fraction is dropped.
bool scan_time(Scanner& s, Fields& f) {
  f.hour_at = s.pos();
  if (!s.digits(2, f.hour) || !s.eat(':')) return false;
  f.minute_at = s.pos();
  if (!s.digits(2, f.minute)) return false;
  f.second_at = s.pos();
  if (s.eat(':') && (f.second_at = s.pos(), !s.digits(2, f.second))) return false;
  if (s.eat('.') || s.eat(',')) {
    int digit = 0;
    if (!s.digits(1, digit)) return false;
    while (!s.done() && s.digits(1, digit)) {}
  }
  return true;
}

// "Z", "+04:00", "+0400", "+04", "-05:00"; a space before the sign is allowed.
bool scan_offset(Scanner& s, Fields& f) {
  s.eat(' ');
  f.offset_at = s.pos();
  if (s.eat('Z') || s.eat('z')) return f.has_offset = true;
  const bool negative = s.at('-');
  if (!s.eat('+') && !s.eat('-')) return false;
  int hours = 0, minutes = 0;
  if (!s.digits(2, hours)) return false;
  if (!s.done() && (s.eat(':'), !s.digits(2, minutes))) return false;
  f.offset_minutes = (negative ? -1 : 1) * (hours * 60 + minutes);
  f.offset_minute_part = minutes;
  return f.has_offset = true;
}

std::optional<DateProblem> scan(std::string_view text, Fields& f) {
  Scanner s(text);
  auto shape = [&s, text] {
    std::string shown(text.substr(0, 40));
    return DateProblem{"is not a valid date: expected YYYY-MM-DD or a date-time such as "
                       "2024-11-06T07:30:00Z, not '" + shown + (text.size() > 40 ? "...'" : "'"),
                       s.pos()};
  };
  if (!scan_date(s, f)) return shape();
  if (s.done()) return std::nullopt;
  if (!s.eat('T') && !s.eat('t') && !s.eat(' ')) return shape();
  f.has_time = true;
  if (!scan_time(s, f)) return shape();
  if (s.done()) {
    return DateProblem{"has a time but no UTC offset; add an offset such as Z or +04:00", s.pos()};
  }
  if (!scan_offset(s, f) || !s.done()) return shape();
  return std::nullopt;
}

std::string two_digits(int value) { return {char('0' + value / 10 % 10), char('0' + value % 10)}; }

// Years an edition may have. Sentinels such as 0001-01-01 and 9999-12-31 (a
// scraper's "no date") are refused, and every day stays a four-digit year in
// any zone (+14:00 moves 9999-12-31 into year 10000, 0000 into year -1): the
// day names the output files and the EPUB's dates, which need four digits.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 9998;

std::optional<DateProblem> check_ranges(const Fields& f) {
  const std::string invalid = "is not a valid date: ";
  if (f.year < kFirstYear || f.year > kLastYear) {
    return DateProblem{invalid + "year " + two_digits(f.year / 100) + two_digits(f.year) +
                           " is out of range (" +
                           std::to_string(kFirstYear) + " to " + std::to_string(kLastYear) + ")",
                       0};
  }
  if (f.month < 1 || f.month > 12) {
    return DateProblem{invalid + "there is no month " + two_digits(f.month), f.month_at};
  }
  const year_month ym{year{f.year}, month{static_cast<unsigned>(f.month)}};
  const auto last = static_cast<int>(static_cast<unsigned>(year_month_day_last{ym.year(), month_day_last{ym.month()}}.day()));
  if (f.day < 1 || f.day > last) {
    std::string why = f.day < 1 ? "there is no day 00"
                                : month_name(ym.month()) + " " + std::to_string(f.year) + " has " +
                                      std::to_string(last) + " days";
    return DateProblem{invalid + why, f.day_at};
  }
  auto out_of_range = [&](const char* what, int value, int max, size_t at) {
    return DateProblem{"is not a valid date: " + std::string(what) + " " + two_digits(value) +
                           " is out of range (00 to " + two_digits(max) + ")",
                       at};
  };
  if (f.hour > 23) return out_of_range("hour", f.hour, 23, f.hour_at);
  if (f.minute > 59) return out_of_range("minute", f.minute, 59, f.minute_at);
  if (f.second > 59) return out_of_range("second", f.second, 59, f.second_at);
  if (f.offset_minute_part > 59 || f.offset_minutes > 18 * 60 || f.offset_minutes < -18 * 60) {
    return DateProblem{invalid + "the UTC offset is out of range (-18:00 to +18:00)", f.offset_at};
  }
  return std::nullopt;
}

}  // namespace

std::variant<ArticleDate, DateProblem> parse_article_date(std::string_view text) {
  Fields f;
  if (auto problem = scan(text, f)) return *problem;
  if (auto problem = check_ranges(f)) return *problem;
  const sys_days day{year_month_day{year{f.year}, month{static_cast<unsigned>(f.month)},
                                    std::chrono::day{static_cast<unsigned>(f.day)}}};
  ArticleDate date{day, std::nullopt};
  if (f.has_time) {
    date.instant = sys_seconds{day} + hours{f.hour} + minutes{f.minute} + seconds{f.second} -
                   minutes{f.offset_minutes};
  }
  return date;
}

}  // namespace broadsheet
