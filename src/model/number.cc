#include "model/number.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <ostream>
#include <stdexcept>

namespace cc {

// The parts of a Rational, for the functions of this file.
class RationalAccess {
 public:
  [[nodiscard]] static bool is_inline(const Rational& r) { return r.den_ != 0; }
  [[nodiscard]] static std::int64_t num(const Rational& r) { return r.num_; }
  [[nodiscard]] static std::int64_t den(const Rational& r) { return r.den_; }
  [[nodiscard]] static mpq_ptr big(const Rational& r) { return std::bit_cast<mpq_ptr>(r.num_); }
  [[nodiscard]] static Rational raw(std::int64_t num, std::int64_t den) {
    return {num, den, Rational::Raw{}};
  }
  // Takes a heap mpq_t (canonical) over: inline when its value fits, else kept as it is.
  [[nodiscard]] static Rational adopt(mpq_ptr q) {
    Rational r;
    if (mpz_fits_slong_p(mpq_numref(q)) != 0 && mpz_fits_slong_p(mpq_denref(q)) != 0 &&
        mpz_cmp_si(mpq_numref(q), Rational::kMin) != 0) {
      r.num_ = mpz_get_si(mpq_numref(q));
      r.den_ = mpz_get_si(mpq_denref(q));
      mpq_clear(q);
      delete q;
    } else {
      r.num_ = std::bit_cast<std::int64_t>(q);
      r.den_ = 0;
    }
    return r;
  }
};

namespace {

using Access = RationalAccess;
using i128 = number_detail::Int128;
using u128 = number_detail::UInt128;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

mpq_ptr new_mpq() {
  auto* q = new __mpq_struct;
  mpq_init(q);
  return q;
}

std::uint64_t gcd64(std::uint64_t a, std::uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  // Most values the solver multiplies are whole (counts) or share nothing with a
  // denominator of 1: the loop below would take a step for each bit of the other.
  if (a == 1 || b == 1) return 1;
  const int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

u128 magnitude(i128 v) {
  return v < 0 ? -static_cast<u128>(v) : static_cast<u128>(v);
}

// gcd(|t|, g) for a 128-bit t and g > 0.
std::uint64_t gcd_with(i128 t, std::uint64_t g) {
  return gcd64(static_cast<std::uint64_t>(magnitude(t) % g), g);
}

void set_mpz(mpz_ptr z, i128 v) {
  const u128 m = magnitude(v);
  mpz_set_ui(z, static_cast<unsigned long>(m >> 64));
  mpz_mul_2exp(z, z, 64);
  mpz_add_ui(z, z, static_cast<unsigned long>(m & ~std::uint64_t{0}));
  if (v < 0) mpz_neg(z, z);
}

// A value from parts already in lowest terms, den > 0: inline when they fit.
Rational from_canonical(i128 num, i128 den) {
  if (num >= -kMax && num <= kMax && den <= kMax) {
    return Access::raw(static_cast<std::int64_t>(num), static_cast<std::int64_t>(den));
  }
  const mpq_ptr q = new_mpq();
  set_mpz(mpq_numref(q), num);
  set_mpz(mpq_denref(q), den);
  return Access::adopt(q);
}

// Any value as an mpq_t to read: the big value itself, or a temporary.
class MpqArg {
 public:
  explicit MpqArg(const Rational& r) {
    if (Access::is_inline(r)) {
      mpq_init(temporary_);
      mpq_set_si(temporary_, Access::num(r), static_cast<unsigned long>(Access::den(r)));
      owned_ = true;
      ptr_ = temporary_;
    } else {
      ptr_ = Access::big(r);
    }
  }
  ~MpqArg() {
    if (owned_) mpq_clear(temporary_);
  }
  MpqArg(const MpqArg&) = delete;
  MpqArg& operator=(const MpqArg&) = delete;
  [[nodiscard]] mpq_srcptr get() const { return ptr_; }

 private:
  mpq_t temporary_{};
  mpq_srcptr ptr_ = nullptr;
  bool owned_ = false;
};

[[noreturn]] void division_by_zero() {
  throw std::overflow_error("Division by zero.");
}

}  // namespace

Rational::Rational(const BigInt& value) {
  set_big(value);
}

Rational::Rational(std::int64_t numerator, std::int64_t denominator) {
  if (denominator == 0) division_by_zero();
  i128 n = numerator;
  i128 d = denominator;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const std::uint64_t g =
      gcd64(static_cast<std::uint64_t>(magnitude(n)), static_cast<std::uint64_t>(d));
  *this = from_canonical(n / g, d / g);
}

Rational::Rational(const BigInt& numerator, const BigInt& denominator) {
  if (denominator == 0) division_by_zero();
  const mpq_ptr q = new_mpq();
  mpz_set(mpq_numref(q), numerator.backend().data());
  mpz_set(mpq_denref(q), denominator.backend().data());
  mpq_canonicalize(q);
  *this = Access::adopt(q);
}

void Rational::set_big(const BigInt& value) {
  const mpq_ptr q = new_mpq();
  mpz_set(mpq_numref(q), value.backend().data());
  *this = Access::adopt(q);
}

void Rational::copy_big(const Rational& other) {
  const mpq_ptr q = new_mpq();
  mpq_set(q, Access::big(other));
  num_ = std::bit_cast<std::int64_t>(q);
}

void Rational::assign_slow(const Rational& other) {
  Rational copy(other);
  *this = std::move(copy);
}

void Rational::free_big() {
  const mpq_ptr q = Access::big(*this);
  mpq_clear(q);
  delete q;
}

int Rational::sign() const {
  if (den_ != 0) return (num_ > 0) - (num_ < 0);
  return mpq_sgn(Access::big(*this));
}

bool Rational::is_integer() const {
  if (den_ != 0) return den_ == 1;
  return mpz_cmp_ui(mpq_denref(Access::big(*this)), 1) == 0;
}

BigInt Rational::numerator() const {
  if (den_ != 0) return BigInt(num_);
  BigInt out;
  mpz_set(out.backend().data(), mpq_numref(Access::big(*this)));
  return out;
}

BigInt Rational::denominator() const {
  if (den_ != 0) return BigInt(den_);
  BigInt out;
  mpz_set(out.backend().data(), mpq_denref(Access::big(*this)));
  return out;
}

std::string Rational::str() const {
  if (den_ != 0) {
    std::string out = std::to_string(num_);
    if (den_ != 1) out += "/" + std::to_string(den_);
    return out;
  }
  char* text = mpq_get_str(nullptr, 10, Access::big(*this));
  std::string out(text);
  void (*free_function)(void*, std::size_t) = nullptr;
  mp_get_memory_functions(nullptr, nullptr, &free_function);
  free_function(text, out.size() + 1);
  return out;
}

Rational Rational::add(const Rational& a, const Rational& b, bool subtract) {
  if (a.den_ != 0 && b.den_ != 0) {
    const i128 bn = subtract ? -static_cast<i128>(b.num_) : b.num_;
    if (a.den_ == b.den_) {
      const i128 n = a.num_ + bn;
      if (a.den_ == 1) return from_canonical(n, 1);
      const auto g = static_cast<std::int64_t>(gcd_with(n, static_cast<std::uint64_t>(a.den_)));
      return from_canonical(n / g, a.den_ / g);
    }
    // GMP's mpq_add: g = gcd(b, d); t = a·(d/g) + c·(b/g); g2 = gcd(t, g);
    // a/b + c/d = (t/g2) / ((b/g)·(d/g2)).
    const auto g = static_cast<std::int64_t>(
        gcd64(static_cast<std::uint64_t>(a.den_), static_cast<std::uint64_t>(b.den_)));
    if (g == 1) {
      return from_canonical(a.num_ * static_cast<i128>(b.den_) + bn * a.den_,
                            static_cast<i128>(a.den_) * b.den_);
    }
    const std::int64_t ad = a.den_ / g;
    const std::int64_t bd = b.den_ / g;
    const i128 t = a.num_ * static_cast<i128>(bd) + bn * ad;
    const auto g2 = static_cast<std::int64_t>(gcd_with(t, static_cast<std::uint64_t>(g)));
    return from_canonical(t / g2, static_cast<i128>(ad) * (b.den_ / g2));
  }
  const MpqArg x(a);
  const MpqArg y(b);
  const mpq_ptr q = new_mpq();
  if (subtract) {
    mpq_sub(q, x.get(), y.get());
  } else {
    mpq_add(q, x.get(), y.get());
  }
  return Access::adopt(q);
}

Rational Rational::multiply(const Rational& a, const Rational& b) {
  if (a.den_ != 0 && b.den_ != 0) {
    // Cross-cancel first: the product of parts in lowest terms is then in lowest terms.
    const auto g1 = static_cast<std::int64_t>(
        gcd64(static_cast<std::uint64_t>(magnitude(a.num_)), static_cast<std::uint64_t>(b.den_)));
    const auto g2 = static_cast<std::int64_t>(
        gcd64(static_cast<std::uint64_t>(magnitude(b.num_)), static_cast<std::uint64_t>(a.den_)));
    return from_canonical(static_cast<i128>(a.num_ / g1) * (b.num_ / g2),
                          static_cast<i128>(a.den_ / g2) * (b.den_ / g1));
  }
  const MpqArg x(a);
  const MpqArg y(b);
  const mpq_ptr q = new_mpq();
  mpq_mul(q, x.get(), y.get());
  return Access::adopt(q);
}

Rational Rational::divide(const Rational& a, const Rational& b) {
  if (b.sign() == 0) division_by_zero();
  if (b.den_ != 0) {
    // The reciprocal of an inline value is inline (|numerator| ≤ 2^63 - 1).
    const Rational reciprocal(b.num_ < 0 ? -b.den_ : b.den_, b.num_ < 0 ? -b.num_ : b.num_, Raw{});
    return a * reciprocal;
  }
  const MpqArg x(a);
  const MpqArg y(b);
  const mpq_ptr q = new_mpq();
  mpq_div(q, x.get(), y.get());
  return Access::adopt(q);
}

Rational Rational::negate_big(const Rational& a) {
  Rational out(a);
  mpq_neg(Access::big(out), Access::big(out));
  return out;
}

int Rational::compare_slow(const Rational& a, const Rational& b) {
  if (a.den_ != 0 && b.den_ != 0) {
    const auto order = a <=> b;
    return order < 0 ? -1 : (order > 0 ? 1 : 0);
  }
  if (a.den_ != 0) return -compare_slow(b, a);
  if (b.den_ != 0) {
    // A big integer lies past ±(2^63 - 1), beyond every inline value (as ±2^200 does, which
    // the solver compares every bound with).
    if (mpz_cmp_ui(mpq_denref(Access::big(a)), 1) == 0) return mpq_sgn(Access::big(a));
    const int c = mpq_cmp_si(Access::big(a), b.num_, static_cast<unsigned long>(b.den_));
    return (c > 0) - (c < 0);
  }
  const int c = mpq_cmp(Access::big(a), Access::big(b));
  return (c > 0) - (c < 0);
}

std::ostream& operator<<(std::ostream& out, const Rational& value) {
  return out << value.str();
}

Rational pow10(int exponent) {
  const int magnitude_of = exponent < 0 ? -exponent : exponent;
  if (magnitude_of <= 18) {
    std::int64_t power = 1;
    for (int i = 0; i < magnitude_of; ++i) power *= 10;
    return exponent < 0 ? Access::raw(1, power) : Access::raw(power, 1);
  }
  BigInt power = 1;
  for (int i = 0; i < magnitude_of; ++i) power *= 10;
  return exponent < 0 ? Rational(BigInt(1), power) : Rational(power);
}

namespace {

// floor (direction -1) or ceiling (+1) of an inline value.
std::int64_t round_inline(std::int64_t num, std::int64_t den, int direction) {
  std::int64_t q = num / den;  // toward zero
  const std::int64_t r = num % den;
  if (r != 0 && (r < 0) == (direction < 0)) q += direction;
  return q;
}

}  // namespace

// GMP directly for a big value: Boost's numerator() and denominator() return copies.
BigInt floor_of(const Rational& value) {
  if (Access::is_inline(value))
    return BigInt(round_inline(Access::num(value), Access::den(value), -1));
  BigInt quotient;
  const mpq_srcptr q = Access::big(value);
  mpz_fdiv_q(quotient.backend().data(), mpq_numref(q), mpq_denref(q));
  return quotient;
}

BigInt ceil_of(const Rational& value) {
  if (Access::is_inline(value))
    return BigInt(round_inline(Access::num(value), Access::den(value), +1));
  BigInt quotient;
  const mpq_srcptr q = Access::big(value);
  mpz_cdiv_q(quotient.backend().data(), mpq_numref(q), mpq_denref(q));
  return quotient;
}

Rational floor_rational(const Rational& value) {
  if (Access::is_inline(value))
    return Access::raw(round_inline(Access::num(value), Access::den(value), -1), 1);
  return Rational(floor_of(value));
}

Rational ceil_rational(const Rational& value) {
  if (Access::is_inline(value))
    return Access::raw(round_inline(Access::num(value), Access::den(value), +1), 1);
  return Rational(ceil_of(value));
}

double to_double(const Rational& value) {
  // Both parts exact in a double: one IEEE division rounds correctly, as Boost's
  // conversion of an mpq_rational does (to nearest, ties to even).
  constexpr std::int64_t exact = std::int64_t{1} << 53;
  if (Access::is_inline(value) && Access::num(value) >= -exact && Access::num(value) <= exact &&
      Access::den(value) <= exact) {
    return static_cast<double>(Access::num(value)) / static_cast<double>(Access::den(value));
  }
  boost::multiprecision::mpq_rational copy;
  const MpqArg q(value);
  mpq_set(copy.backend().data(), q.get());
  return copy.convert_to<double>();
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
  if (Access::is_inline(value)) {
    const auto num = static_cast<std::uint64_t>(std::abs(Access::num(value)));
    const auto den = static_cast<std::uint64_t>(Access::den(value));
    return static_cast<std::size_t>(std::bit_width(num) + std::bit_width(den));
  }
  const mpq_srcptr q = Access::big(value);
  const std::size_t num_bits = mpz_sgn(mpq_numref(q)) == 0 ? 0 : mpz_sizeinbase(mpq_numref(q), 2);
  return num_bits + mpz_sizeinbase(mpq_denref(q), 2);
}

}  // namespace cc
