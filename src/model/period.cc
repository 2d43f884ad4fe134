// Calendar arithmetic on periods: lengths, containment, days and civil dates.
#include "model/period.h"

#include <array>

namespace cc {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
  constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::int64_t length_in_days(const Period& period) {
  return std::int64_t{period.last} - std::int64_t{period.first} + 1;
}

std::optional<int> length_in_whole_months(const Period& period) {
  if (period.last < period.first) return std::nullopt;
  const CivilDate first = civil_from_day(period.first);
  const CivilDate last = civil_from_day(period.last);
  if (first.day != 1 || last.day != days_in_month(last.year, last.month)) return std::nullopt;
  return (last.year - first.year) * 12 + static_cast<int>(last.month) -
         static_cast<int>(first.month) + 1;
}

bool contains(const Period& outer, const Period& inner) {
  return outer.first <= inner.first && inner.last <= outer.last;
}

bool overlaps(const Period& a, const Period& b) {
  return a.first <= b.last && b.first <= a.last;
}

// Howard Hinnant's days_from_civil and civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), in 64-bit arithmetic.
Day day_from_civil(int year, unsigned month, unsigned day) {
  const std::int64_t y = std::int64_t{year} - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t m = month;
  const std::int64_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + std::int64_t{day} - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return static_cast<Day>(era * 146097 + day_of_era - 719468);
}

CivilDate civil_from_day(Day day) {
  const std::int64_t z = std::int64_t{day} + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t day_of_era = z - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const auto d = static_cast<unsigned>(day_of_year - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

}  // namespace cc
