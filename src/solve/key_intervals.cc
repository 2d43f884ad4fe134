#include "solve/key_intervals.h"

namespace cc {

void KeyIntervals::assign(std::size_t keys, const Interval& each) {
  ends_.clear();
  for (std::size_t k = 0; k < keys; ++k) {
    ends_.push_back(each.lo());
    ends_.push_back(each.hi());
  }
}

Interval KeyIntervals::operator[](KeyId key) const {
  return Interval(ends_[2 * std::size_t{key}], ends_[2 * std::size_t{key} + 1]);
}

void KeyIntervals::set(KeyId key, const Interval& interval) {
  const std::size_t at = 2 * std::size_t{key};
  if (!(ends_[at] == interval.lo())) ends_.set(at, interval.lo());
  if (!(ends_[at + 1] == interval.hi())) ends_.set(at + 1, interval.hi());
}

}  // namespace cc
