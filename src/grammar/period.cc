// The period grammar (FORMAT §3): `when` values and `published` dates as spans of days.
#include "grammar/period.h"

#include <array>
#include <vector>

namespace cc {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

constexpr std::string_view kPeriodForms =
    "write a year 2019, a fiscal year 2017-18, a month 2019-04, a quarter 2019-Q2, a day "
    "2019-04-03, or a span A..B such as 2017-18..2022-23";
constexpr std::string_view kDateForms = "write a date as 2024-11-01 (or 2024-11, or 2024)";

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

std::string_view trim(std::string_view text, std::size_t& offset) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  offset += begin;
  return text.substr(begin, end - begin);
}

std::size_t digits_from(std::string_view text, std::size_t i) {
  std::size_t end = i;
  while (end < text.size() && is_digit(text[end])) ++end;
  return end - i;
}

int number_at(std::string_view text, std::size_t i, std::size_t length) {
  int value = 0;
  for (std::size_t k = i; k < i + length; ++k) value = value * 10 + (text[k] - '0');
  return value;
}

std::string two_digits(int value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

Period fiscal_year(int year, MonthDay start) {
  const auto month = static_cast<unsigned>(start.month);
  const Day first = day_from_civil(year, month, 1) + start.day - 1;
  const Day next = day_from_civil(year + 1, month, 1) + start.day - 1;
  return Period{first, next - 1};
}

Period month_period(int year, unsigned month) {
  return Period{day_from_civil(year, month, 1),
                day_from_civil(year, month, days_in_month(year, month))};
}

// One side of a period (or a whole period, or a date), read from `text`, which starts
// `base` bytes into `whole`: the text the caller was given.
class Reader {
 public:
  Reader(std::string_view whole, std::string_view text, std::size_t base, MonthDay fiscal_start,
         bool date)
      : whole_(whole), text_(text), base_(base), fiscal_start_(fiscal_start), date_(date) {}

  PeriodResult read() const;

 private:
  [[nodiscard]] PeriodError error(std::size_t at, std::size_t length, std::string message) const {
    return PeriodError{base_ + at, length, std::move(message)};
  }
  [[nodiscard]] PeriodError unreadable() const {
    return error(0, text_.size(),
                 "could not read " + quoted(text_) +
                     (text_.size() == whole_.size() ? "" : " in " + quoted(whole_)) + ": " +
                     std::string(date_ ? kDateForms : kPeriodForms));
  }
  [[nodiscard]] bool dash_at(std::size_t i) const { return i < text_.size() && text_[i] == '-'; }
  PeriodResult after_year(int year) const;
  PeriodResult quarter(int year) const;
  PeriodResult month_or_fiscal(int year, int number) const;
  PeriodResult day(int year, int month) const;
  [[nodiscard]] bool time_of_day(std::size_t i) const;

  std::string_view whole_;
  std::string_view text_;
  std::size_t base_;
  MonthDay fiscal_start_;
  bool date_;  // a published date: no fiscal years, quarters or spans; a time may follow
};

PeriodResult Reader::read() const {
  if (text_.empty()) return error(0, 0, "the period is empty");
  if (digits_from(text_, 0) != 4) return unreadable();
  const int year = number_at(text_, 0, 4);
  if (year < 1000)
    return error(0, 4, "year " + std::string(text_.substr(0, 4)) + " is outside 1000 to 9999");
  if (text_.size() == 4) return Period{day_from_civil(year, 1, 1), day_from_civil(year, 12, 31)};
  if (!dash_at(4)) return unreadable();
  return after_year(year);
}

PeriodResult Reader::after_year(int year) const {
  if (!date_ && text_.size() > 5 && (text_[5] == 'Q' || text_[5] == 'q')) return quarter(year);
  if (!date_ && digits_from(text_, 5) == 4 && text_.size() == 9) {
    return error(0, 9,
                 "could not read " + quoted(text_) + ": write a fiscal year as " +
                     std::to_string(year) + "-" + two_digits((year + 1) % 100) +
                     ", or calendar years as " + std::to_string(year) + ".." +
                     std::string(text_.substr(5)));
  }
  if (digits_from(text_, 5) != 2) return unreadable();
  const int number = number_at(text_, 5, 2);
  if (text_.size() == 7) return month_or_fiscal(year, number);
  if (!dash_at(7)) return unreadable();
  if (number < 1 || number > 12)
    return error(5, 2, "month " + two_digits(number) + " does not exist");
  return day(year, number);
}

PeriodResult Reader::quarter(int year) const {
  if (digits_from(text_, 6) != 1 || text_.size() != 7) return unreadable();
  const int q = text_[6] - '0';
  if (q < 1 || q > 4)
    return error(5, 2, "quarter Q" + std::to_string(q) + " does not exist: quarters are Q1 to Q4");
  const auto first_month = static_cast<unsigned>(3 * q - 2);
  return Period{month_period(year, first_month).first, month_period(year, first_month + 2).last};
}

// YYYY-NN: a fiscal year when NN is the next year's last two digits, else a month.
PeriodResult Reader::month_or_fiscal(int year, int number) const {
  const int next = (year + 1) % 100;
  if (!date_ && number == next) return fiscal_year(year, fiscal_start_);
  if (number >= 1 && number <= 12) return month_period(year, static_cast<unsigned>(number));
  std::string message = "month " + two_digits(number) + " does not exist";
  if (!date_)
    message += " (the fiscal year from " + std::to_string(year) + " is " + std::to_string(year) +
               "-" + two_digits(next) + ")";
  return error(5, 2, std::move(message));
}

PeriodResult Reader::day(int year, int month) const {
  if (digits_from(text_, 8) != 2) return unreadable();
  if (text_.size() > 10 && !(date_ && time_of_day(10))) return unreadable();
  const int d = number_at(text_, 8, 2);
  const auto m = static_cast<unsigned>(month);
  const unsigned last = days_in_month(year, m);
  if (d < 1 || static_cast<unsigned>(d) > last) {
    std::string message = "day " + two_digits(d) + " does not exist in " +
                          std::string(kMonthNames[m - 1]) + " " + std::to_string(year);
    if (m == 2 && d == 29) {
      message += " (" + std::to_string(year) + " is not a leap year)";
    } else if (d >= 1) {
      message += " (it has " + std::to_string(last) + " days)";
    }
    return error(8, 2, std::move(message));
  }
  const Day day_number = day_from_civil(year, m, static_cast<unsigned>(d));
  return Period{day_number, day_number};
}

// A time after a published date, ignored: "T10:30", " 10:30:00.5", "T10:30:00Z",
// "T10:30:00+01:00".
bool Reader::time_of_day(std::size_t i) const {
  const std::string_view t = text_;
  if (t[i] != 'T' && t[i] != 't' && t[i] != ' ') return false;
  std::size_t k = i + 1;
  const auto two = [&](int max) {
    if (k + 2 > t.size() || !is_digit(t[k]) || !is_digit(t[k + 1]) || number_at(t, k, 2) > max)
      return false;
    k += 2;
    return true;
  };
  if (!two(23) || k >= t.size() || t[k++] != ':' || !two(59)) return false;
  if (k < t.size() && t[k] == ':') {
    ++k;
    if (!two(60)) return false;
    if (k < t.size() && t[k] == '.' && digits_from(t, k + 1) > 0) k += 1 + digits_from(t, k + 1);
  }
  while (k < t.size() && t[k] == ' ') ++k;
  if (k < t.size() && (t[k] == 'Z' || t[k] == 'z')) {
    ++k;
  } else if (k < t.size() && (t[k] == '+' || t[k] == '-')) {
    ++k;
    if (!two(23)) return false;
    if (k < t.size() && t[k] == ':') {
      ++k;
      if (!two(59)) return false;
    } else if (digits_from(t, k) == 2 && !two(59)) {
      return false;
    }
  }
  return k == t.size();
}

std::string year_text(int year) {
  return std::to_string(year);
}

std::string month_text(int year, unsigned month) {
  return year_text(year) + "-" + two_digits(static_cast<int>(month));
}

std::string day_text(const CivilDate& date) {
  return month_text(date.year, date.month) + "-" + two_digits(static_cast<int>(date.day));
}

// The spellings of periods starting on `first` (or ending on `last`), most preferred first.
std::vector<std::string> spellings_from(const CivilDate& date, bool quarters) {
  std::vector<std::string> out{year_text(date.year),
                               year_text(date.year) + "-" + two_digits((date.year + 1) % 100),
                               year_text(date.year - 1) + "-" + two_digits(date.year % 100)};
  if (quarters && date.month % 3 == 1)
    out.push_back(year_text(date.year) + "-Q" + std::to_string((date.month + 2) / 3));
  out.push_back(month_text(date.year, date.month));
  out.push_back(day_text(date));
  return out;
}

std::optional<Period> read_back(const std::string& text, MonthDay fiscal_start) {
  const PeriodResult result = parse_period(text, fiscal_start);
  if (const auto* period = std::get_if<Period>(&result)) return *period;
  return std::nullopt;
}

// The first spelling of a side of `span` that starts at its start (or ends at its end),
// inside the span unless `inside` is false.
std::optional<std::string> side_name(const Period& span, bool start, bool inside,
                                     MonthDay fiscal_start) {
  const CivilDate date = civil_from_day(start ? span.first : span.last);
  for (const std::string& text : spellings_from(date, false)) {
    const auto side = read_back(text, fiscal_start);
    if (!side) continue;
    const bool meets = start ? side->first == span.first : side->last == span.last;
    const bool within = start ? side->last <= span.last : side->first >= span.first;
    if (meets && (within || !inside)) return text;
  }
  return std::nullopt;
}

}  // namespace

PeriodResult parse_period(std::string_view text, MonthDay fiscal_year_start) {
  std::size_t offset = 0;
  const std::string_view whole = trim(text, offset);
  const std::size_t dots = whole.find("..");
  if (dots == std::string_view::npos)
    return Reader(whole, whole, offset, fiscal_year_start, false).read();

  std::size_t a_offset = offset;
  std::size_t b_offset = offset + dots + 2;
  const std::string_view a = trim(whole.substr(0, dots), a_offset);
  const std::string_view b = trim(whole.substr(dots + 2), b_offset);
  if (a.empty() || b.empty()) {
    return PeriodError{offset + dots, 2,
                       "a span needs a period on each side of '..' in " + quoted(whole)};
  }
  const PeriodResult from = Reader(whole, a, a_offset, fiscal_year_start, false).read();
  if (std::holds_alternative<PeriodError>(from)) return from;
  const PeriodResult to = Reader(whole, b, b_offset, fiscal_year_start, false).read();
  if (std::holds_alternative<PeriodError>(to)) return to;
  const Period& first = std::get<Period>(from);
  const Period& last = std::get<Period>(to);
  if (last.last < first.first) {
    return PeriodError{b_offset, b.size(), quoted(b) + " ends before " + quoted(a) + " starts"};
  }
  return Period{first.first, last.last};
}

PeriodResult parse_date(std::string_view text) {
  std::size_t offset = 0;
  const std::string_view whole = trim(text, offset);
  return Reader(whole, whole, offset, MonthDay{1, 1}, true).read();
}

std::string period_name(const Period& period, MonthDay fiscal_year_start) {
  for (const std::string& text : spellings_from(civil_from_day(period.first), true)) {
    if (read_back(text, fiscal_year_start) == period) return text;
  }
  for (const bool inside : {true, false}) {
    const auto a = side_name(period, true, inside, fiscal_year_start);
    const auto b = side_name(period, false, inside, fiscal_year_start);
    if (a && b && read_back(*a + ".." + *b, fiscal_year_start) == period) return *a + ".." + *b;
  }
  // Not a period the grammar can write (a year outside 1000 to 9999): the days.
  return day_text(civil_from_day(period.first)) + ".." + day_text(civil_from_day(period.last));
}

}  // namespace cc
