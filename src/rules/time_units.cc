#include "rules/time_units.h"

namespace cc {

Rational period_length_in(const Period& period, TimeUnit unit) {
  const Rational days(length_in_days(period));
  const std::optional<int> months = length_in_whole_months(period);
  const Rational mean_year_days(3652425, 10000);
  switch (unit) {
    case TimeUnit::second:
      return days * 86400;
    case TimeUnit::minute:
      return days * 1440;
    case TimeUnit::hour:
      return days * 24;
    case TimeUnit::day:
      return days;
    case TimeUnit::week:
      return days / 7;
    case TimeUnit::month:
      return months ? Rational(*months) : days * 12 / mean_year_days;
    case TimeUnit::year:
      return months ? Rational(*months, 12) : days / mean_year_days;
  }
  return days;
}

}  // namespace cc
