#pragma once
// Periods as spans of whole days, and the calendar arithmetic on them. What `when` may
// say, and a period's written name, are the period grammar: grammar/period.h.

#include <cstdint>
#include <optional>

namespace cc {

// A day as a count of days since 1970-01-01 (the proleptic Gregorian calendar).
using Day = std::int32_t;

struct MonthDay {
  int month = 4;  // 1..12
  int day = 1;    // 1..31, valid for the month in a leap year
  friend bool operator==(const MonthDay&, const MonthDay&) = default;
};

// Inclusive span of days. Two spellings of the same days are the same period.
struct Period {
  Day first = 0;
  Day last = 0;
  friend bool operator==(const Period&, const Period&) = default;
  friend auto operator<=>(const Period&, const Period&) = default;
};

[[nodiscard]] std::int64_t length_in_days(const Period& period);
// The number of whole calendar months when the period starts on the 1st of a month and
// ends on the last day of a month; nullopt otherwise.
[[nodiscard]] std::optional<int> length_in_whole_months(const Period& period);

[[nodiscard]] bool contains(const Period& outer, const Period& inner);
[[nodiscard]] bool overlaps(const Period& a, const Period& b);

[[nodiscard]] bool is_leap(int year);
[[nodiscard]] unsigned days_in_month(int year, unsigned month);  // month 1..12

// The calendar (std::chrono's): days of the years -32767 to 32767, which hold every day a
// period names (its years are 1000 to 9999: grammar/period.h).
[[nodiscard]] Day day_from_civil(int year, unsigned month, unsigned day);
struct CivilDate {
  int year;
  unsigned month;
  unsigned day;
};
[[nodiscard]] CivilDate civil_from_day(Day day);

}  // namespace cc
