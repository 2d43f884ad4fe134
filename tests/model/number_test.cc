#include "catch.h"

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "model/number.h"

using cc::BigInt;
using cc::Rational;
using Oracle = boost::multiprecision::mpq_rational;  // GMP's mpq_t: what Rational replaced

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Oracle oracle(const Rational& value) {
  return Oracle(value.str());
}

// The oracle's value of a written fraction, in lowest terms (mpq_set_str does not reduce).
Oracle read(const std::string& text) {
  Oracle value(text);
  mpq_canonicalize(value.backend().data());
  return value;
}

// Inline exactly when both parts fit: numerator in [-(2^63-1), 2^63-1], denominator ≤ 2^63-1.
bool fits_inline(const Oracle& value) {
  const BigInt n = boost::multiprecision::numerator(value);
  const BigInt d = boost::multiprecision::denominator(value);
  return n <= kMax && n >= -kMax && d <= kMax;
}

std::string text(const BigInt& value) {
  return value.str();
}

// Values at and across the boundaries of the inline form, each written as text so that
// the oracle reads them independently of Rational.
std::vector<std::string> boundary_values() {
  const BigInt two63 = BigInt(1) << 63;
  const BigInt max = two63 - 1;
  return {"0",
          "1",
          "-1",
          "2",
          "-3",
          "1/3",
          "-2/7",
          "4294967295",
          "4294967296/3",
          "-4611686018427387904",
          "4611686018427387905/2",
          text(max),
          text(-max),
          text(-two63),      // INT64_MIN: big
          text(two63),       // 2^63: big
          "1/" + text(max),  // smallest inline denominator reach
          "-1/" + text(max),
          "1/" + text(two63),               // denominator 2^63: big
          text(max) + "/" + text(max - 1),  // both parts at the limit
          text(max - 1) + "/" + text(max),
          text(two63 + 1) + "/" + text(max),  // numerator just past
          "3/" + text(two63 * 3 + 1),
          text((BigInt(1) << 100) + 1) + "/3",
          "-" + text((BigInt(1) << 70) + 3) + "/" + text((BigInt(1) << 64) + 1)};
}

}  // namespace

TEST_CASE("rational: every operation matches GMP's mpq exactly across the inline boundary",
          "[number]") {
  const std::vector<std::string> values = boundary_values();
  for (const std::string& x : values) {
    const Oracle ox = read(x);
    const Rational a(boost::multiprecision::numerator(ox), boost::multiprecision::denominator(ox));
    INFO("a = " << x);
    REQUIRE(a.str() == ox.str());
    CHECK(a.is_inline() == fits_inline(ox));
    // The inline parts are the oracle's numerator and denominator in lowest terms; a GMP
    // value has none, and the out-parameters are left alone.
    std::int64_t numerator = 7;
    std::int64_t denominator = 7;
    if (a.inline_parts(numerator, denominator)) {
      CHECK(text(BigInt(numerator)) == text(boost::multiprecision::numerator(ox)));
      CHECK(text(BigInt(denominator)) == text(boost::multiprecision::denominator(ox)));
      CHECK(denominator > 0);
    } else {
      CHECK_FALSE(fits_inline(ox));
      CHECK(numerator == 7);
      CHECK(denominator == 7);
    }
    CHECK(oracle(-a).str() == Oracle(-ox).str());
    CHECK(oracle(abs(a)).str() == Oracle(abs(ox)).str());
    CHECK(cc::floor_of(a).str() ==
          BigInt(boost::multiprecision::numerator(ox) / boost::multiprecision::denominator(ox) -
                 ((ox < 0 && !cc::is_integer(a)) ? 1 : 0))
              .str());
    for (const std::string& y : values) {
      const Oracle oy = read(y);
      const Rational b(boost::multiprecision::numerator(oy),
                       boost::multiprecision::denominator(oy));
      INFO("b = " << y);
      const Oracle sum = ox + oy;
      const Oracle difference = ox - oy;
      const Oracle product = ox * oy;
      CHECK((a + b).str() == sum.str());
      CHECK((a + b).is_inline() == fits_inline(sum));
      CHECK((a - b).str() == difference.str());
      CHECK((a - b).is_inline() == fits_inline(difference));
      CHECK((a * b).str() == product.str());
      CHECK((a * b).is_inline() == fits_inline(product));
      if (oy != 0) {
        const Oracle quotient = ox / oy;
        CHECK((a / b).str() == quotient.str());
        CHECK((a / b).is_inline() == fits_inline(quotient));
      }
      CHECK((a < b) == (ox < oy));
      CHECK((a == b) == (ox == oy));
      CHECK((a > b) == (ox > oy));
      CHECK((a <= b) == (ox <= oy));
      Rational c = a;
      c += b;
      CHECK(c == a + b);
      c -= b;
      CHECK(c == a);
    }
  }
}

TEST_CASE("rational: construction normalises sign and common factors", "[number]") {
  CHECK(Rational(3, -6).str() == "-1/2");
  CHECK(Rational(-3, -6) == Rational(1, 2));
  CHECK(Rational(0, -5).str() == "0");
  CHECK(Rational(kMin, 2).str() == "-4611686018427387904");
  CHECK(Rational(kMin, 2).is_inline());
  CHECK(Rational(kMin, -1).str() == "9223372036854775808");
  CHECK_FALSE(Rational(kMin, -1).is_inline());
  CHECK(Rational(kMin).str() == "-9223372036854775808");
  CHECK_FALSE(Rational(kMin).is_inline());
  CHECK(Rational(kMax).is_inline());
  CHECK(Rational(std::numeric_limits<std::uint64_t>::max()).str() == "18446744073709551615");
  CHECK(Rational(BigInt(6), BigInt(-4)).str() == "-3/2");
  CHECK(Rational(BigInt(6), BigInt(-4)).is_inline());
  CHECK_THROWS_AS(Rational(1, 0), std::overflow_error);
  CHECK_THROWS_AS(Rational(1) / Rational(0), std::overflow_error);
  CHECK_THROWS_AS(Rational(BigInt(1) << 80) / Rational(0), std::overflow_error);
}

TEST_CASE("rational: overflowing sums and products move to GMP and come back", "[number]") {
  const Rational max(kMax);
  const Rational past = max + 1;
  CHECK_FALSE(past.is_inline());
  CHECK(past.str() == "9223372036854775808");
  CHECK(past - 1 == max);
  CHECK((past - 1).is_inline());
  CHECK(-max - 1 == Rational(kMin));
  CHECK_FALSE((-max - 1).is_inline());
  CHECK(-max - 1 + 1 == -max);
  const Rational square = max * max;
  CHECK(square.str() == "85070591730234615847396907784232501249");
  CHECK(square / max == max);
  CHECK((square / max).is_inline());
  // Denominators: 1/(2^63-1) + 1/(2^63-2) needs a 126-bit denominator.
  const Rational tiny = Rational(1, kMax) + Rational(1, kMax - 1);
  CHECK_FALSE(tiny.is_inline());
  CHECK(tiny - Rational(1, kMax - 1) == Rational(1, kMax));
  CHECK((tiny - Rational(1, kMax - 1)).is_inline());
  // A sum whose parts cancel back to a small value.
  CHECK(Rational(kMax, 3) + Rational(kMax, 6) == Rational(kMax, 2));
  CHECK(Rational(kMax - 1, kMax) * Rational(kMax, kMax - 1) == 1);
  // Comparisons across the forms, and with integers.
  CHECK(past > max);
  CHECK(max < past);
  CHECK(-past < -max);
  CHECK(past != max);
  CHECK(Rational(1, kMax) > Rational(1) / (past));
  CHECK(Rational(kMax, kMax - 1) > 1);
  CHECK(0 < Rational(1, kMax));
  CHECK(Rational(-1, kMax) < 0);
}

TEST_CASE("rational: size in bits counts numerator and denominator", "[number]") {
  CHECK(cc::size_in_bits(Rational(0)) == 1);
  CHECK(cc::size_in_bits(Rational(1)) == 2);
  CHECK(cc::size_in_bits(Rational(-3, 4)) == 5);
  CHECK(cc::size_in_bits(Rational(kMax)) == 64);
  CHECK(cc::size_in_bits(Rational(1, kMax)) == 64);
  CHECK(cc::size_in_bits(Rational(kMax) + 1) == 65);
  CHECK(cc::size_in_bits(Rational(kMin)) == 65);
  CHECK(cc::size_in_bits(Rational(BigInt(1) << 100) / 3) == 103);
}

TEST_CASE("rational: floor and ceiling round toward -inf and +inf", "[number]") {
  CHECK(cc::floor_of(Rational(-7, 2)) == -4);
  CHECK(cc::ceil_of(Rational(-7, 2)) == -3);
  CHECK(cc::floor_of(Rational(7, 2)) == 3);
  CHECK(cc::ceil_of(Rational(7, 2)) == 4);
  CHECK(cc::floor_of(Rational(-4)) == -4);
  CHECK(cc::ceil_of(Rational(-4)) == -4);
  CHECK(cc::floor_rational(Rational(-1, kMax)) == -1);
  CHECK(cc::ceil_rational(Rational(-1, kMax)) == 0);
  CHECK(cc::ceil_rational(Rational(-kMax, 2)) == Rational(-(kMax / 2)));
  CHECK(cc::floor_rational(Rational(-kMax, 2)) == Rational(-(kMax / 2) - 1));
  const Rational big_negative = -(Rational(BigInt(1) << 70) + Rational(1, 3));
  CHECK(cc::floor_of(big_negative) == -(BigInt(1) << 70) - 1);
  CHECK(cc::ceil_of(big_negative) == -(BigInt(1) << 70));
  CHECK(cc::floor_rational(big_negative) == Rational(-(BigInt(1) << 70) - 1));
  CHECK(cc::ceil_rational(Rational(1, BigInt(1) << 70)) == 1);
}

TEST_CASE("rational: conversions to double round to nearest as Boost's did", "[number]") {
  CHECK(cc::to_double(Rational(1, 3)) == 1.0 / 3.0);
  CHECK(cc::to_double(Rational(-7, 2)) == -3.5);
  const Rational big = Rational(BigInt(1) << 80, 3);
  CHECK(cc::to_double(big) == Oracle(big.str()).convert_to<double>());
  const Rational wide(kMax - 2, 3);  // parts past 2^53: the exact path
  CHECK(cc::to_double(wide) == Oracle(wide.str()).convert_to<double>());
  CHECK(cc::pow10(20).convert_to<BigInt>().str() == "100000000000000000000");
  CHECK(cc::pow10(18).is_inline());
  CHECK_FALSE(cc::pow10(19).is_inline());
  CHECK(cc::pow10(-3) == Rational(1, 1000));
}

TEST_CASE("rational: numbers are written the same in both forms", "[number]") {
  CHECK(cc::format_number(Rational(-7, 2), 0) == "-4");  // half away from zero
  CHECK(cc::format_number(Rational(7, 2), 0) == "4");
  CHECK(cc::format_number(Rational(-1, 3)) == "-0.33");
  CHECK(cc::format_number(Rational(-1, 300)) == "0");
  CHECK(cc::format_number(Rational(kMax)) == "9,223,372,036,854,775,807");
  CHECK(cc::format_number(Rational(kMax) + 1) == "9,223,372,036,854,775,808");
  CHECK(cc::format_number(Rational(kMin)) == "-9,223,372,036,854,775,808");
  CHECK(cc::format_number(Rational(BigInt(1) << 70) + Rational(1, 8)) ==
        "1,180,591,620,717,411,303,424.13");
  CHECK(cc::format_number(Rational(1, kMax), 2) == "0");
  CHECK(cc::format_bound(Rational(1, 3), -1) == "0.3333");
  CHECK(cc::format_bound(Rational(1, 3), +1) == "0.3334");
  CHECK(cc::format_bound(Rational(-1, 3), -1) == "-0.3334");
  CHECK(cc::format_bound(Rational(BigInt(1) << 70, 3), +1) == "393,530,540,239,137,101,141.4");
  CHECK(cc::format_bound(Rational(BigInt(1) << 70, 3), -1) == "393,530,540,239,137,101,141.3");
  CHECK(cc::format_bound(Rational(123445, 100), +1) == "1,234.45");
  CHECK(Rational(-3, 4).str() == "-3/4");
  CHECK((Rational(kMax) * 2 / 3).str() == "18446744073709551614/3");
}
