#include "model/number.h"

#include <algorithm>

namespace cc {

Rational pow10(int exponent) {
  BigInt power = 1;
  for (int i = 0; i < (exponent < 0 ? -exponent : exponent); ++i) power *= 10;
  return exponent < 0 ? Rational(BigInt(1), power) : Rational(power);
}

// GMP directly: Boost's numerator() and denominator() return copies of the parts.
BigInt floor_of(const Rational& value) {
  BigInt quotient;
  const mpq_t& q = value.backend().data();
  mpz_fdiv_q(quotient.backend().data(), mpq_numref(q), mpq_denref(q));
  return quotient;
}

BigInt ceil_of(const Rational& value) {
  BigInt quotient;
  const mpq_t& q = value.backend().data();
  mpz_cdiv_q(quotient.backend().data(), mpq_numref(q), mpq_denref(q));
  return quotient;
}

bool is_integer(const Rational& value) {
  return mpz_cmp_ui(mpq_denref(value.backend().data()), 1) == 0;
}

double to_double(const Rational& value) {
  return value.convert_to<double>();
}

namespace {

std::string group_thousands(const std::string& digits) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// value rounded to `decimals` decimals in the given direction: 0 nearest (half away from
// zero), -1 down, +1 up; written with separators and without trailing zeros.
std::string write_rounded(const Rational& value, int decimals, int direction) {
  const Rational scaled = value * pow10(decimals);
  BigInt units;
  if (direction < 0) {
    units = floor_of(scaled);
  } else if (direction > 0) {
    units = ceil_of(scaled);
  } else {
    units = scaled < 0 ? -floor_of(-scaled + Rational(1, 2)) : floor_of(scaled + Rational(1, 2));
  }
  const bool negative = units < 0;
  if (negative) units = -units;
  std::string digits = units.str();
  if (static_cast<int>(digits.size()) <= decimals) {
    digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
  }
  std::string whole = digits.substr(0, digits.size() - static_cast<std::size_t>(decimals));
  std::string fraction = digits.substr(digits.size() - static_cast<std::size_t>(decimals));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string out = group_thousands(whole);
  if (!fraction.empty()) out += "." + fraction;
  if (negative && out != "0") out = "-" + out;  // (insert(0, "-") trips GCC 12's -Wrestrict)
  return out;
}

}  // namespace

std::string format_number(const Rational& value, int max_decimals) {
  return write_rounded(value, std::max(0, max_decimals), 0);
}

std::string format_bound(const Rational& value, int outward, int significant) {
  if (is_integer(value)) return write_rounded(value, 0, 0);
  // A value with a short exact decimal form (a rounding boundary such as 1,234.45) is
  // written exactly: rounding it would hide the very digit that matters.
  for (int decimals = 1; decimals <= 6; ++decimals) {
    if (is_integer(value * pow10(decimals))) return write_rounded(value, decimals, 0);
  }
  // Enough decimals to show `significant` digits of the value, at least 0, at most 12.
  Rational magnitude = value < 0 ? Rational(-value) : value;
  int integer_digits = 0;
  while (magnitude >= 1 && integer_digits < 40) {
    magnitude /= 10;
    ++integer_digits;
  }
  int decimals = std::max(1, significant - integer_digits);
  if (integer_digits == 0) {
    Rational small = value < 0 ? Rational(-value) : value;
    while (small < Rational(1, 10) && small > 0 && decimals < 12) {
      small *= 10;
      ++decimals;
    }
  }
  decimals = std::min(decimals, 12);
  return write_rounded(value, decimals, outward);
}

std::size_t size_in_bits(const Rational& value) {
  const mpq_t& q = value.backend().data();
  const std::size_t num_bits = mpz_sgn(mpq_numref(q)) == 0 ? 0 : mpz_sizeinbase(mpq_numref(q), 2);
  return num_bits + mpz_sizeinbase(mpq_denref(q), 2);
}

}  // namespace cc
