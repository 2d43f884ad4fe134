#pragma once
// The period grammar (FORMAT §3): what `when` may say, as a span of whole days, and the
// standard spelling of a span (its name). The data types are model/period.h.

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "model/period.h"

namespace cc {

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

// The shortest standard spelling of the period: "2019", "2017-18", "2019-Q2", "2019-04",
// "2019-04-03", else "A..B" where A is the longest year, fiscal year, month or day that
// starts the span inside it, and B the one that ends it ("2018-07..2019-06"). The name
// always reads back to the same days (December 2011 is "2011-12-01..2011-12-31").
[[nodiscard]] std::string period_name(const Period& period, MonthDay fiscal_year_start);

}  // namespace cc
