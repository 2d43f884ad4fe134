#include "model/interval_pool.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace cc {

namespace {

constexpr std::uint32_t kEmpty = 0xffffffffU;

// Equal intervals hash alike: a rational's double is a function of its value.
std::uint64_t hash_of(const OptionalBound& bound) {
  if (!bound) return 0x9e3779b97f4a7c15U;
  return std::hash<double>{}(to_double(bound->value)) * 2 + (bound->open ? 1 : 0);
}

std::uint64_t hash_of(const Interval& interval) {
  const std::uint64_t h = hash_of(interval.lo()) * 0x9e3779b97f4a7c15U ^ hash_of(interval.hi());
  return (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9U;  // mixed: the table takes the low bits
}

}  // namespace

const Interval& IntervalPool::keep(const Interval& interval) {
  const std::uint64_t hash = hash_of(interval);  // outside the lock
  const std::lock_guard<std::mutex> lock(mutex_);
  if (2 * (intervals_.size() + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    std::uint32_t& slot = slots_[at];
    if (slot == kEmpty) {
      slot = static_cast<std::uint32_t>(intervals_.size());
      return intervals_.emplace_back(interval);
    }
    if (intervals_[slot] == interval) return intervals_[slot];
  }
}

std::size_t IntervalPool::size() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return intervals_.size();
}

// Four slots an interval (at least 256), those kept placed again: a quarter is used after,
// half when it grows next.
void IntervalPool::grow() {
  slots_.assign(std::max<std::size_t>(256, std::bit_ceil(4 * (intervals_.size() + 1))), kEmpty);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t i = 0; i < intervals_.size(); ++i) {
    std::size_t at = hash_of(intervals_[i]) & mask;
    while (slots_[at] != kEmpty) at = (at + 1) & mask;
    slots_[at] = i;
  }
}

}  // namespace cc
