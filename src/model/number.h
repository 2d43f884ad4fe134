#pragma once
// Exact numbers. Every value in crosscheck is a rational number, so interval endpoints
// are exact at rounding boundaries (428/1,317 is 32.498…%, inside "32 per cent").
// Boost.Multiprecision over GMP (mpq_t, mpz_t): GMP compares and adds small rationals
// several times faster than cpp_rational, whose comparison in Boost 1.74 runs a
// continued fraction with a division per step (the solver spent half its time there).

#include <boost/multiprecision/gmp.hpp>
#include <string>

namespace cc {

using Rational = boost::multiprecision::mpq_rational;
using BigInt = boost::multiprecision::mpz_int;

[[nodiscard]] Rational pow10(int exponent);
[[nodiscard]] BigInt floor_of(const Rational& value);
[[nodiscard]] BigInt ceil_of(const Rational& value);
[[nodiscard]] bool is_integer(const Rational& value);
[[nodiscard]] double to_double(const Rational& value);

// Decimal text with thousands separators and at most `max_decimals` decimals, rounded
// to nearest ("7,062", "3,726.65", "0.885"). Trailing zeros are dropped.
[[nodiscard]] std::string format_number(const Rational& value, int max_decimals = 2);

// As format_number, but rounded away from the interval's inside so the written text
// never claims more than the arithmetic: `outward` is -1 for a lower bound (round down)
// and +1 for an upper bound (round up). Used where intervals are written out in steps.
[[nodiscard]] std::string format_bound(const Rational& value, int outward, int significant = 4);

// The number of significant bits of numerator and denominator together; the solver
// simplifies a bound outward when it grows past a limit.
[[nodiscard]] std::size_t size_in_bits(const Rational& value);

}  // namespace cc
