#include "model/interval_pool.h"

#include <algorithm>
#include <bit>

#include "model/interval_hash.h"

namespace cc {

namespace {

constexpr std::uint32_t kEmpty = 0xffffffffU;

}  // namespace

const Interval& IntervalPool::keep(const Interval& interval) {
  const std::uint64_t hash = interval_hash(interval);  // outside the lock
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
    std::size_t at = interval_hash(intervals_[i]) & mask;
    while (slots_[at] != kEmpty) at = (at + 1) & mask;
    slots_[at] = i;
  }
}

}  // namespace cc
