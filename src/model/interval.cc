#include "model/interval.h"

#include <array>
#include <functional>

#include "model/interval_hash.h"

namespace cc {

Interval Interval::point(const Rational& value) {
  return {Bound{value, false}, Bound{value, false}};
}

Interval Interval::closed(const Rational& lo, const Rational& hi) {
  return {Bound{lo, false}, Bound{hi, false}};
}

Interval Interval::half_open(const Rational& lo, const Rational& hi) {
  return {Bound{lo, false}, Bound{hi, true}};
}

Interval Interval::above(const Rational& lo, bool open) {
  return {Bound{lo, open}, std::nullopt};
}

Interval Interval::below(const Rational& hi, bool open) {
  return {std::nullopt, Bound{hi, open}};
}

Interval Interval::empty_set() {
  return {Bound{1, false}, Bound{0, false}};
}

namespace {

// Is there no number from `lo` to `hi`?
bool empty_between(const OptionalBound& lo, const OptionalBound& hi) {
  if (!lo || !hi) return false;
  if (lo->value > hi->value) return true;
  return lo->value == hi->value && (lo->open || hi->open);
}

}  // namespace

bool Interval::is_empty() const {
  return empty_between(lo_, hi_);
}

bool Interval::is_point() const {
  return lo_ && hi_ && !is_empty() && lo_->value == hi_->value;
}

bool Interval::contains(const Rational& value) const {
  if (lo_ && (value < lo_->value || (value == lo_->value && lo_->open))) return false;
  if (hi_ && (value > hi_->value || (value == hi_->value && hi_->open))) return false;
  return true;
}

bool lower_tighter(const OptionalBound& x, const OptionalBound& y) {
  if (!x) return false;
  if (!y) return true;
  if (x->value != y->value) return x->value > y->value;
  return x->open && !y->open;
}

bool upper_tighter(const OptionalBound& x, const OptionalBound& y) {
  if (!x) return false;
  if (!y) return true;
  if (x->value != y->value) return x->value < y->value;
  return x->open && !y->open;
}

bool Interval::within(const Interval& other) const {
  if (is_empty()) return true;
  return !lower_tighter(other.lo_, lo_) && !upper_tighter(other.hi_, hi_);
}

bool Interval::overlaps(const Interval& other) const {
  return !empty_between(lower_tighter(other.lo_, lo_) ? other.lo_ : lo_,
                        upper_tighter(other.hi_, hi_) ? other.hi_ : hi_);
}

Interval Interval::intersect(const Interval& other) const {
  return {lower_tighter(other.lo_, lo_) ? other.lo_ : lo_,
          upper_tighter(other.hi_, hi_) ? other.hi_ : hi_};
}

Interval Interval::hull(const Interval& other) const {
  if (is_empty()) return other;
  if (other.is_empty()) return *this;
  return {lower_tighter(lo_, other.lo_) ? other.lo_ : lo_,
          upper_tighter(hi_, other.hi_) ? other.hi_ : hi_};
}

Interval Interval::integers() const {
  OptionalBound lo;
  OptionalBound hi;
  // A closed whole-number end is kept as it is (no new number is made).
  if (lo_ && !lo_->open && is_integer(lo_->value)) {
    lo = lo_;
  } else if (lo_) {
    Rational c = ceil_rational(lo_->value);
    if (lo_->open && is_integer(lo_->value)) c += 1;
    lo = Bound{std::move(c), false};
  }
  if (hi_ && !hi_->open && is_integer(hi_->value)) {
    hi = hi_;
  } else if (hi_) {
    Rational f = floor_rational(hi_->value);
    if (hi_->open && is_integer(hi_->value)) f -= 1;
    hi = Bound{std::move(f), false};
  }
  return {std::move(lo), std::move(hi)};
}

namespace {

// An end of an interval in extended arithmetic: a value, or -∞ / +∞.
struct End {
  int infinite = 0;  // -1, 0 or +1
  Rational value;
  bool open = false;
};

End lower_end(const Interval& i) {
  return i.lo() ? End{0, i.lo()->value, i.lo()->open} : End{-1, 0, true};
}
End upper_end(const Interval& i) {
  return i.hi() ? End{0, i.hi()->value, i.hi()->open} : End{+1, 0, true};
}

int sign_of(const End& e) {
  if (e.infinite != 0) return e.infinite;
  return e.value > 0 ? 1 : (e.value < 0 ? -1 : 0);
}

End times(const End& a, const End& b) {
  // A closed zero times anything (even an unbounded end) is an attained zero.
  if ((a.infinite == 0 && a.value == 0 && !a.open) ||
      (b.infinite == 0 && b.value == 0 && !b.open)) {
    return End{0, 0, false};
  }
  const int sign = sign_of(a) * sign_of(b);
  if (a.infinite != 0 || b.infinite != 0) {
    if (sign == 0) return End{0, 0, true};  // an open zero times ∞: approached, not attained
    return End{sign, 0, true};
  }
  return End{0, a.value * b.value, a.open || b.open};
}

// Is x a smaller lower end than y (for choosing the minimum of candidates)?
bool less_as_lower(const End& x, const End& y) {
  if (x.infinite != y.infinite) return x.infinite < y.infinite;
  if (x.infinite != 0) return false;
  if (x.value != y.value) return x.value < y.value;
  return !x.open && y.open;  // a closed end reaches further
}

bool greater_as_upper(const End& x, const End& y) {
  if (x.infinite != y.infinite) return x.infinite > y.infinite;
  if (x.infinite != 0) return false;
  if (x.value != y.value) return x.value > y.value;
  return !x.open && y.open;
}

std::optional<Bound> as_lower(const End& e) {
  if (e.infinite < 0) return std::nullopt;
  if (e.infinite > 0) return Bound{0, false};  // cannot happen for a non-empty product
  return Bound{e.value, e.open};
}

std::optional<Bound> as_upper(const End& e) {
  if (e.infinite > 0) return std::nullopt;
  if (e.infinite < 0) return Bound{0, false};
  return Bound{e.value, e.open};
}

}  // namespace

Interval operator+(const Interval& a, const Interval& b) {
  std::optional<Bound> lo;
  std::optional<Bound> hi;
  if (a.lo() && b.lo()) lo = Bound{a.lo()->value + b.lo()->value, a.lo()->open || b.lo()->open};
  if (a.hi() && b.hi()) hi = Bound{a.hi()->value + b.hi()->value, a.hi()->open || b.hi()->open};
  return {std::move(lo), std::move(hi)};
}

Interval operator-(const Interval& a) {
  std::optional<Bound> lo;
  std::optional<Bound> hi;
  if (a.hi()) lo = Bound{-a.hi()->value, a.hi()->open};
  if (a.lo()) hi = Bound{-a.lo()->value, a.lo()->open};
  return {std::move(lo), std::move(hi)};
}

Interval operator-(const Interval& a, const Interval& b) {
  return a + (-b);
}

Interval operator*(const Interval& a, const Interval& b) {
  if (a.is_empty() || b.is_empty()) return Interval::empty_set();
  // Both within [0, ∞), as quantities are: the product grows with each factor, so its
  // lower end is the lower ends' product and its upper end the upper ends' (an end of
  // equal value among the other two candidates is that same product, or a closed zero,
  // which times() already gives). Two products instead of four.
  if (a.lo() && b.lo() && a.lo()->value.sign() >= 0 && b.lo()->value.sign() >= 0) {
    return {as_lower(times(lower_end(a), lower_end(b))),
            as_upper(times(upper_end(a), upper_end(b)))};
  }
  const std::array<End, 4> candidates = {
      times(lower_end(a), lower_end(b)), times(lower_end(a), upper_end(b)),
      times(upper_end(a), lower_end(b)), times(upper_end(a), upper_end(b))};
  End lo = candidates[0];
  End hi = candidates[0];
  for (const End& c : candidates) {
    if (less_as_lower(c, lo)) lo = c;
    if (greater_as_upper(c, hi)) hi = c;
  }
  return {as_lower(lo), as_upper(hi)};
}

std::optional<Interval> divide(const Interval& a, const Interval& b) {
  if (a.is_empty() || b.is_empty()) return Interval::empty_set();
  Interval divisor = b;
  if (!a.contains_zero()) {
    // a = b·q with a ≠ 0 rules out b = 0.
    if (divisor.lo() && divisor.lo()->value == 0) divisor.set_lo(Bound{0, true});
    if (divisor.hi() && divisor.hi()->value == 0) divisor.set_hi(Bound{0, true});
    if (divisor.is_empty()) return Interval::empty_set();
  }
  const bool positive =
      divisor.lo() && (divisor.lo()->value > 0 || (divisor.lo()->value == 0 && divisor.lo()->open));
  const bool negative =
      divisor.hi() && (divisor.hi()->value < 0 || (divisor.hi()->value == 0 && divisor.hi()->open));
  if (!positive && !negative) return std::nullopt;
  const Interval d = negative ? -divisor : divisor;
  // 1/d for d ⊆ (0, ∞): ends swap; an unbounded end becomes an open zero, an open zero
  // end becomes unbounded.
  std::optional<Bound> lo;
  std::optional<Bound> hi;
  if (d.hi()) {
    lo = Bound{1 / d.hi()->value, d.hi()->open};
  } else {
    lo = Bound{0, true};
  }
  if (d.lo()->value != 0) hi = Bound{1 / d.lo()->value, d.lo()->open};
  const Interval reciprocal{std::move(lo), std::move(hi)};
  const Interval quotient = a * reciprocal;
  return negative ? -quotient : quotient;
}

namespace {

std::string describe_value(const Rational& v, int outward, bool percent) {
  if (percent) return format_bound(v * 100, outward, 3) + "%";
  return format_bound(v, outward);
}

}  // namespace

std::string describe(const Interval& i, bool percent) {
  if (i.is_empty()) return "nothing";
  const auto& lo = i.lo();
  const auto& hi = i.hi();
  if (i.is_point()) return describe_value(lo->value, 0, percent);
  // Quantities are never negative: [0, X) reads "less than X".
  if (lo && hi && lo->value == 0 && !lo->open) {
    return (hi->open ? "less than " : "at most ") + describe_value(hi->value, +1, percent);
  }
  if (lo && hi) {
    return describe_value(lo->value, -1, percent) + "…" + describe_value(hi->value, +1, percent);
  }
  if (lo) return (lo->open ? "more than " : "at least ") + describe_value(lo->value, -1, percent);
  if (hi) return (hi->open ? "less than " : "at most ") + describe_value(hi->value, +1, percent);
  return "any value";
}

std::string to_string(const Interval& i) {
  const auto end = [](const std::optional<Bound>& b, bool lower) {
    if (!b) return std::string(lower ? "(-inf" : "inf)");
    const std::string v = b->value.str();
    return lower ? (b->open ? "(" : "[") + v : v + (b->open ? ")" : "]");
  };
  return end(i.lo(), true) + ", " + end(i.hi(), false);
}

namespace {

std::uint64_t bound_hash(const OptionalBound& bound) {
  if (!bound) return 0x9e3779b97f4a7c15U;
  return std::hash<double>{}(to_double(bound->value)) * 2 + (bound->open ? 1 : 0);
}

}  // namespace

std::uint64_t interval_hash(const Interval& interval) {
  const std::uint64_t h =
      bound_hash(interval.lo()) * 0x9e3779b97f4a7c15U ^ bound_hash(interval.hi());
  return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9U;  // mixed: the table takes the low bits
}

}  // namespace cc
