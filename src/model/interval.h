#pragma once
// An interval of rational numbers, each end closed, open or unbounded. This is what a
// written number means (FORMAT §2) and what the solver narrows.

#include <optional>
#include <string>

#include "model/number.h"

namespace cc {

struct Bound {
  Rational value;
  bool open = false;
  friend bool operator==(const Bound&, const Bound&) = default;
};

// An end of an interval: a Bound, or none (unbounded). It reads like std::optional<Bound>
// and converts to and from one, but keeps its flag in the Bound's padding: 24 bytes where
// std::optional<Bound> takes 32, so an Interval is 48 bytes, not 64 (docs/ARCHITECTURE.md,
// "Loading and the fact base in memory"). The Bound is a base so that its tail padding is
// reused (a non-POD base's padding is, by the Itanium C++ ABI).
class OptionalBound : private Bound {
 public:
  OptionalBound() = default;
  OptionalBound(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): reads as optional
  OptionalBound(Bound bound)        // NOLINT(google-explicit-constructor)
      : Bound(std::move(bound)), engaged_(true) {}
  OptionalBound(const std::optional<Bound>& bound) {  // NOLINT(google-explicit-constructor)
    if (bound) *this = OptionalBound(*bound);
  }
  // From a temporary: its value is moved, not copied (a value past 64 bits is on the heap).
  OptionalBound(std::optional<Bound>&& bound) {  // NOLINT(google-explicit-constructor)
    if (bound) *this = OptionalBound(std::move(*bound));
  }
  operator std::optional<Bound>() const {  // NOLINT(google-explicit-constructor)
    return engaged_ ? std::optional<Bound>(**this) : std::nullopt;
  }

  [[nodiscard]] bool has_value() const { return engaged_; }
  explicit operator bool() const { return engaged_; }
  [[nodiscard]] const Bound& operator*() const { return *this; }
  [[nodiscard]] const Bound* operator->() const { return this; }
  [[nodiscard]] Bound& operator*() { return *this; }
  [[nodiscard]] Bound* operator->() { return this; }
  void reset() { *this = OptionalBound(); }

  friend bool operator==(const OptionalBound& a, const OptionalBound& b) {
    return a.engaged_ == b.engaged_ && (!a.engaged_ || *a == *b);
  }

 private:
  bool engaged_ = false;
};

class Interval {
 public:
  Interval() = default;  // the whole real line
  Interval(OptionalBound lo, OptionalBound hi) : lo_(std::move(lo)), hi_(std::move(hi)) {}

  [[nodiscard]] static Interval everything() { return {}; }
  [[nodiscard]] static Interval point(const Rational& value);
  [[nodiscard]] static Interval closed(const Rational& lo, const Rational& hi);
  [[nodiscard]] static Interval half_open(const Rational& lo, const Rational& hi);  // [lo, hi)
  [[nodiscard]] static Interval above(const Rational& lo, bool open);  // (lo, ∞) or [lo, ∞)
  [[nodiscard]] static Interval below(const Rational& hi, bool open);  // (-∞, hi) or (-∞, hi]
  [[nodiscard]] static Interval nonnegative() { return above(0, false); }
  [[nodiscard]] static Interval empty_set();

  [[nodiscard]] const OptionalBound& lo() const { return lo_; }
  [[nodiscard]] const OptionalBound& hi() const { return hi_; }
  void set_lo(OptionalBound lo) { lo_ = std::move(lo); }
  void set_hi(OptionalBound hi) { hi_ = std::move(hi); }

  [[nodiscard]] bool is_empty() const;
  [[nodiscard]] bool is_point() const;
  [[nodiscard]] bool is_bounded() const { return lo_ && hi_; }
  [[nodiscard]] bool contains(const Rational& value) const;
  [[nodiscard]] bool contains_zero() const { return contains(0); }
  // Whether the intersection is not empty (without making it).
  [[nodiscard]] bool overlaps(const Interval& other) const;
  // True when every value of this interval lies in `other`.
  [[nodiscard]] bool within(const Interval& other) const;

  [[nodiscard]] Interval intersect(const Interval& other) const;
  [[nodiscard]] Interval hull(const Interval& other) const;
  // The integers inside, as a closed interval (an interval with no integer is empty).
  [[nodiscard]] Interval integers() const;

  friend Interval operator+(const Interval& a, const Interval& b);
  friend Interval operator-(const Interval& a, const Interval& b);
  friend Interval operator*(const Interval& a, const Interval& b);
  friend Interval operator-(const Interval& a);
  friend bool operator==(const Interval&, const Interval&) = default;

 private:
  OptionalBound lo_;
  OptionalBound hi_;
};

// a / b where it is defined for every value pair that can occur: nullopt when b may be
// zero (then a / b says nothing). When `a` excludes zero, a zero end of b is excluded
// too, since a = b·q with a ≠ 0 forces b ≠ 0.
[[nodiscard]] std::optional<Interval> divide(const Interval& a, const Interval& b);

// Bound comparison helpers: is lower bound x tighter (greater) than y, and so on.
[[nodiscard]] bool lower_tighter(const OptionalBound& x, const OptionalBound& y);
[[nodiscard]] bool upper_tighter(const OptionalBound& x, const OptionalBound& y);

// "3,727…3,746", "more than 10,000", "at most 0.5", "7,062"; with `percent`,
// values are written as percentages ("88.5%…89.5%").
[[nodiscard]] std::string describe(const Interval& interval, bool percent = false);
// Debug form with brackets: "[0.885, 0.895)".
[[nodiscard]] std::string to_string(const Interval& interval);

}  // namespace cc
