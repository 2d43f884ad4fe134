#pragma once
// Lengths of periods in the units of rates and intervals.

#include "model/fact.h"

namespace cc {

// The length of `period` in `unit`: days × 24, × 1,440 or × 86,400 for hours, minutes
// and seconds; days ÷ 7 for weeks; whole months (or days ÷ 30.436875, a mean Gregorian
// month) for months; whole months ÷ 12 (or days ÷ 365.2425) for years.
[[nodiscard]] Rational period_length_in(const Period& period, TimeUnit unit);

// A relation claim's value in the terms of its variable (a change's multiplier; a
// difference's to − from, which is minus the size of a fall).
[[nodiscard]] Interval value_in_var_terms(const Fact& fact);
// The same for another value or direction of the claim (a slip's correction, solve/slips.cc).
[[nodiscard]] Interval value_in_var_terms(const Fact& fact, const Interval& value,
                                          Direction direction);

}  // namespace cc
