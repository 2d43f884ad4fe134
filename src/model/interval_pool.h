#pragma once
// Each distinct interval once: the fact base's facts point at their value's interval here
// (docs/ARCHITECTURE.md, "Loading and the fact base in memory"), where most facts' intervals
// repeat (the 1M bench base states 68,078 distinct intervals in 1,000,000 facts).

#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "model/interval.h"

namespace cc {

class IntervalPool {
 public:
  IntervalPool() = default;
  IntervalPool(const IntervalPool&) = delete;  // the facts point into it: shared, never copied
  IntervalPool& operator=(const IntervalPool&) = delete;
  ~IntervalPool() = default;

  // The pool's interval equal to `interval`, added if there is none: its address stays valid
  // while the pool lives. Safe to call from several threads at once.
  [[nodiscard]] const Interval& keep(const Interval& interval);
  // How many distinct intervals it holds.
  [[nodiscard]] std::size_t size() const;

 private:
  void grow();
  mutable std::mutex mutex_;
  std::deque<Interval> intervals_;    // a deque: adding never moves those kept
  std::vector<std::uint32_t> slots_;  // open addressing: indexes into intervals_
};

}  // namespace cc
