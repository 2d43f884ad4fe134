#include "solve/apart.h"

#include <algorithm>

namespace cc {
namespace {

// Sorts positions by one end's value, the open ends of a value before its closed ones.
void sort_by_end(std::vector<std::size_t>& positions, const std::vector<const Interval*>& values,
                 bool lower) {
  const auto end = [&](std::size_t i) -> const Bound& {
    return lower ? *values[i]->lo() : *values[i]->hi();
  };
  std::stable_sort(positions.begin(), positions.end(), [&](std::size_t a, std::size_t b) {
    const Bound& x = end(a);
    const Bound& y = end(b);
    if (x.value != y.value) return x.value < y.value;
    return x.open && !y.open;
  });
}

}  // namespace

ApartIndex::ApartIndex(std::vector<const Interval*> values) : values_(std::move(values)) {
  for (std::size_t i = 0; i < values_.size(); ++i) {
    const Interval& v = *values_[i];
    if (v.is_empty()) {
      empty_.push_back(i);
      continue;
    }
    if (v.lo()) by_lo_.push_back(i);
    if (v.hi()) by_hi_.push_back(i);
  }
  sort_by_end(by_lo_, values_, true);
  sort_by_end(by_hi_, values_, false);
}

// Two non-empty intervals are apart exactly when one lies wholly beyond the other: its
// lower end above the other's upper end, or at it with either end open.
void ApartIndex::apart_from(const Interval& value, std::vector<std::size_t>& out) const {
  out.clear();
  if (value.is_empty()) {
    for (std::size_t i = 0; i < values_.size(); ++i) out.push_back(i);
    return;
  }
  out = empty_;
  // Within one value the open ends come first, so the ends at a closed bound of `value`
  // that are apart from it (the open ones) are a prefix of their equal range.
  const auto add_open_prefix = [&](auto begin, auto end, bool lower) {
    for (auto it = begin; it != end; ++it) {
      const Bound& b = lower ? *values_[*it]->lo() : *values_[*it]->hi();
      if (!b.open) break;
      out.push_back(*it);
    }
  };
  const auto lo_less = [&](std::size_t i, const Rational& x) {
    return values_[i]->lo()->value < x;
  };
  const auto less_lo = [&](const Rational& x, std::size_t i) {
    return x < values_[i]->lo()->value;
  };
  const auto hi_less = [&](std::size_t i, const Rational& x) {
    return values_[i]->hi()->value < x;
  };
  const auto less_hi = [&](const Rational& x, std::size_t i) {
    return x < values_[i]->hi()->value;
  };
  if (const auto& hi = value.hi()) {
    // Lower ends above `hi`, and at it the open ones (all of them when `hi` is open).
    const auto at = std::lower_bound(by_lo_.begin(), by_lo_.end(), hi->value, lo_less);
    const auto above = std::upper_bound(at, by_lo_.end(), hi->value, less_lo);
    if (hi->open) {
      out.insert(out.end(), at, above);
    } else {
      add_open_prefix(at, above, true);
    }
    out.insert(out.end(), above, by_lo_.end());
  }
  if (const auto& lo = value.lo()) {
    // Upper ends below `lo`, and at it the open ones (all of them when `lo` is open).
    const auto at = std::lower_bound(by_hi_.begin(), by_hi_.end(), lo->value, hi_less);
    const auto past = std::upper_bound(at, by_hi_.end(), lo->value, less_hi);
    out.insert(out.end(), by_hi_.begin(), at);
    if (lo->open) {
      out.insert(out.end(), at, past);
    } else {
      add_open_prefix(at, past, false);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

}  // namespace cc
