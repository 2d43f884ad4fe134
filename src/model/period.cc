// Calendar arithmetic on periods: lengths, containment, days and civil dates.
#include "model/period.h"

#include <chrono>

namespace cc {

namespace chrono = std::chrono;

bool is_leap(int year) {
  return chrono::year{year}.is_leap();
}

unsigned days_in_month(int year, unsigned month) {
  const chrono::year_month_day_last last{chrono::year{year},
                                         chrono::month_day_last{chrono::month{month}}};
  return static_cast<unsigned>(last.day());
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

// The proleptic Gregorian calendar of <chrono> (the grammar reads years 1000 to 9999, well
// inside std::chrono::year's -32767 to 32767).
Day day_from_civil(int year, unsigned month, unsigned day) {
  const chrono::sys_days days{chrono::year{year} / chrono::month{month} / chrono::day{day}};
  return static_cast<Day>(days.time_since_epoch().count());
}

CivilDate civil_from_day(Day day) {
  const chrono::year_month_day date{chrono::sys_days{chrono::days{day}}};
  return CivilDate{static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                   static_cast<unsigned>(date.day())};
}

}  // namespace cc
