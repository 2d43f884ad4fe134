#pragma once
// Exact numbers. Every value in crosscheck is a rational number, so interval endpoints
// are exact at rounding boundaries (428/1,317 is 32.498…%, inside "32 per cent").
//
// `Rational` keeps a small value inline: a 64-bit numerator and denominator in lowest
// terms (denominator > 0), with the products of the arithmetic in 128 bits; a result that
// does not fit falls back to GMP's mpq_t on the heap. The numbers of a fact base are
// small (13 bits on average in the solver, 70 at most on the benchmark), and GMP's mpq
// allocated for every value, bound and temporary: malloc/free and mpq init/clear were
// about 40% of a check. Boost.Multiprecision has no small-value rational over GMP
// (cpp_rational stores small values inline but its comparison in Boost 1.74 divides at
// every step); FLINT's fmpq does this in C but would bring FLINT, NTL and MPFR (Debian's
// libflint17) for the four operations and a comparison, and still needs the same class
// around it. See docs/ARCHITECTURE.md "Numbers".
//
// The representation is canonical: a value is inline exactly when its numerator lies in
// [-(2^63-1), 2^63-1] and its denominator in [1, 2^63-1] (INT64_MIN is left out so that
// negation never overflows), else it is an mpq_t. So equal values have equal
// representations, and results never depend on how a value was reached.

#include <boost/multiprecision/gmp.hpp>
#include <compare>
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <limits>
#include <string>
#include <type_traits>

namespace cc {

using BigInt = boost::multiprecision::mpz_int;

namespace number_detail {
__extension__ typedef __int128 Int128;  // GCC's and Clang's 128-bit integer (not ISO C++)
__extension__ typedef unsigned __int128 UInt128;
}  // namespace number_detail

class Rational {
 public:
  Rational() noexcept = default;  // 0
  template <std::integral T>
  Rational(T value) {  // NOLINT(google-explicit-constructor): 0, 1, 100 stand for numbers
    if constexpr (std::is_signed_v<T>) {
      if (static_cast<std::int64_t>(value) != std::numeric_limits<std::int64_t>::min()) {
        num_ = static_cast<std::int64_t>(value);
        return;
      }
    } else if (static_cast<std::uint64_t>(value) <= kMax) {
      num_ = static_cast<std::int64_t>(value);
      return;
    }
    set_big_integer(value);
  }
  Rational(const BigInt& value);  // NOLINT(google-explicit-constructor)
  // numerator / denominator, in lowest terms; a zero denominator throws std::overflow_error.
  Rational(std::int64_t numerator, std::int64_t denominator);
  Rational(const BigInt& numerator, const BigInt& denominator);

  Rational(const Rational& other) : num_(other.num_), den_(other.den_) {
    if (den_ == 0) copy_big(other);
  }
  Rational(Rational&& other) noexcept : num_(other.num_), den_(other.den_) {
    other.num_ = 0;
    other.den_ = 1;
  }
  Rational& operator=(const Rational& other) {
    if (den_ != 0 && other.den_ != 0) {
      num_ = other.num_;
      den_ = other.den_;
    } else if (this != &other) {
      assign_slow(other);
    }
    return *this;
  }
  Rational& operator=(Rational&& other) noexcept {
    std::swap(num_, other.num_);
    std::swap(den_, other.den_);
    return *this;
  }
  ~Rational() {
    if (den_ == 0) free_big();
  }

  [[nodiscard]] bool is_inline() const { return den_ != 0; }
  [[nodiscard]] int sign() const;
  [[nodiscard]] bool is_integer() const;
  [[nodiscard]] BigInt numerator() const;
  [[nodiscard]] BigInt denominator() const;
  // "-3/4", "7": GMP's mpq_get_str form, as Boost's mpq_rational wrote it.
  [[nodiscard]] std::string str() const;
  // double (correctly rounded, as Boost's convert_to<double>) or BigInt (truncated).
  template <class T>
  [[nodiscard]] T convert_to() const;

  friend Rational operator+(const Rational& a, const Rational& b) {
    if (a.den_ == 1 && b.den_ == 1) {
      std::int64_t sum = 0;
      if (!__builtin_add_overflow(a.num_, b.num_, &sum) && sum != kMin) return {sum, 1, Raw{}};
    }
    return add(a, b, false);
  }
  friend Rational operator-(const Rational& a, const Rational& b) {
    if (a.den_ == 1 && b.den_ == 1) {
      std::int64_t difference = 0;
      if (!__builtin_sub_overflow(a.num_, b.num_, &difference) && difference != kMin) {
        return {difference, 1, Raw{}};
      }
    }
    return add(a, b, true);
  }
  friend Rational operator*(const Rational& a, const Rational& b) {
    if (a.den_ == 1 && b.den_ == 1) {
      std::int64_t product = 0;
      if (!__builtin_mul_overflow(a.num_, b.num_, &product) && product != kMin) {
        return {product, 1, Raw{}};
      }
    }
    return multiply(a, b);
  }
  friend Rational operator/(const Rational& a, const Rational& b) { return divide(a, b); }
  friend Rational operator-(const Rational& a) {
    if (a.den_ != 0) return {-a.num_, a.den_, Raw{}};
    return negate_big(a);
  }
  friend Rational abs(const Rational& a) {
    if (a.den_ != 0) return {a.num_ < 0 ? -a.num_ : a.num_, a.den_, Raw{}};
    return a.sign() < 0 ? negate_big(a) : a;
  }
  Rational& operator+=(const Rational& b) { return *this = *this + b; }
  Rational& operator-=(const Rational& b) { return *this = *this - b; }
  Rational& operator*=(const Rational& b) { return *this = *this * b; }
  Rational& operator/=(const Rational& b) { return *this = *this / b; }

  // GCC 12 warns that a moved-from std::optional<Bound>'s Rational "may be used
  // uninitialized" where a sort compares optional bounds (propagate.cc): a false positive of
  // its optional tracking, silenced here, where it points (for GCC alone: clang has no such
  // warning, and warns of the unknown name in every file that includes this one).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
  friend bool operator==(const Rational& a, const Rational& b) {
    if (a.den_ != 0 && b.den_ != 0) return a.num_ == b.num_ && a.den_ == b.den_;
    if (a.den_ != 0 || b.den_ != 0) return false;  // canonical: a big value is never small
    return compare_slow(a, b) == 0;
  }
  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    if (a.den_ != 0 && b.den_ != 0) {
      if (a.den_ == b.den_) return a.num_ <=> b.num_;
      const number_detail::Int128 left = static_cast<number_detail::Int128>(a.num_) * b.den_;
      const number_detail::Int128 right = static_cast<number_detail::Int128>(b.num_) * a.den_;
      return left <=> right;
    }
    return compare_slow(a, b) <=> 0;
  }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

  // An inline value's numerator and denominator, in lowest terms with the denominator
  // positive (false, and nothing set, for a value kept in GMP): what a compact copy of the
  // value needs (solve/packed_bounds.h) without making a BigInt.
  [[nodiscard]] bool inline_parts(std::int64_t& numerator, std::int64_t& denominator) const {
    if (den_ == 0) return false;
    numerator = num_;
    denominator = den_;
    return true;
  }

 private:
  static constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  static constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  struct Raw {};  // the parts are already canonical and inline
  Rational(std::int64_t numerator, std::int64_t denominator, Raw)
      : num_(numerator), den_(denominator) {}

  template <class T>
  void set_big_integer(T value) {
    set_big(BigInt(value));
  }
  void set_big(const BigInt& value);
  void copy_big(const Rational& other);
  void assign_slow(const Rational& other);
  void free_big();
  [[nodiscard]] static Rational add(const Rational& a, const Rational& b, bool subtract);
  [[nodiscard]] static Rational multiply(const Rational& a, const Rational& b);
  [[nodiscard]] static Rational divide(const Rational& a, const Rational& b);
  [[nodiscard]] static Rational negate_big(const Rational& a);
  [[nodiscard]] static int compare_slow(const Rational& a, const Rational& b);

  friend class RationalAccess;  // number.cc: the inline parts and the mpq_t

  // Inline: num_/den_ in lowest terms, den_ > 0. Big: den_ == 0 and num_ holds the
  // address of a heap mpq_t (__mpq_struct) whose value does not fit inline.
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

[[nodiscard]] double to_double(const Rational& value);

template <class T>
T Rational::convert_to() const {
  if constexpr (std::is_same_v<T, double>) {
    return to_double(*this);
  } else {
    static_assert(std::is_same_v<T, BigInt>, "Rational converts to double or BigInt");
    const BigInt n = numerator();
    const BigInt d = denominator();
    return BigInt(n / d);  // truncated toward zero, as mpz_tdiv_q
  }
}

std::ostream& operator<<(std::ostream& out, const Rational& value);

[[nodiscard]] inline BigInt numerator(const Rational& value) {
  return value.numerator();
}
[[nodiscard]] inline BigInt denominator(const Rational& value) {
  return value.denominator();
}

[[nodiscard]] Rational pow10(int exponent);
[[nodiscard]] BigInt floor_of(const Rational& value);
[[nodiscard]] BigInt ceil_of(const Rational& value);
// floor and ceiling as Rationals: no BigInt is made for an inline value.
[[nodiscard]] Rational floor_rational(const Rational& value);
[[nodiscard]] Rational ceil_rational(const Rational& value);
[[nodiscard]] inline bool is_integer(const Rational& value) {
  return value.is_integer();
}

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
