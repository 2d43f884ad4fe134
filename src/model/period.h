#pragma once
// The period grammar (FORMAT §3): what `when` may say, as a span of whole days.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

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

// Where in the text the grammar stopped understanding: `offset` and `length` are in
// bytes of the text given, so the loader can point at the column.
struct PeriodError {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;  // lower-case, no final period: "month 13 does not exist"
};

using PeriodResult = std::variant<Period, PeriodError>;

// `2019`, `2017-18` (fiscal, from fiscal_year_start), `2019-04`, `2019-Q2`, `2019-04-03`,
// and `A..B` (start of A to end of B). Surrounding white space is ignored.
[[nodiscard]] PeriodResult parse_period(std::string_view text, MonthDay fiscal_year_start);

// "YYYY-MM-DD" (FORMAT's published dates are days; a reduced-precision date such as
// "2023" or "2023-08" is accepted too and means that whole year or month; "2011-12" is
// always a month here). A time of day after the date ("T10:30:00Z") is ignored.
[[nodiscard]] PeriodResult parse_date(std::string_view text);

[[nodiscard]] std::int64_t length_in_days(const Period& period);
// The number of whole calendar months when the period starts on the 1st of a month and
// ends on the last day of a month; nullopt otherwise.
[[nodiscard]] std::optional<int> length_in_whole_months(const Period& period);

[[nodiscard]] bool contains(const Period& outer, const Period& inner);
[[nodiscard]] bool overlaps(const Period& a, const Period& b);

// The shortest standard spelling of the period: "2019", "2017-18", "2019-Q2", "2019-04",
// "2019-04-03", else "A..B" where A is the longest year, fiscal year, month or day that
// starts the span inside it, and B the one that ends it ("2018-07..2019-06"). The name
// always reads back to the same days (December 2011 is "2011-12-01..2011-12-31").
[[nodiscard]] std::string period_name(const Period& period, MonthDay fiscal_year_start);

[[nodiscard]] Day day_from_civil(int year, unsigned month, unsigned day);
struct CivilDate {
  int year;
  unsigned month;
  unsigned day;
};
[[nodiscard]] CivilDate civil_from_day(Day day);

}  // namespace cc
