#pragma once
// Each key's implied interval (SolveResult::implied, CheckResult::implied), its two ends
// packed as PackedBounds packs them: 16 bytes a key where an Interval took 48 (352,620 keys
// at 1M facts: 5.6 MB where they were 17). Read like the vector of intervals it replaced,
// by KeyId; an interval is given back by value.

#include <cstddef>

#include "model/interval.h"
#include "model/key.h"
#include "solve/packed_bounds.h"

namespace cc {

class KeyIntervals {
 public:
  // `keys` keys, each `each`.
  void assign(std::size_t keys, const Interval& each);
  [[nodiscard]] std::size_t size() const { return ends_.size() / 2; }
  [[nodiscard]] bool empty() const { return ends_.empty(); }
  [[nodiscard]] Interval operator[](KeyId key) const;
  // Sets a key's interval. An interval equal to the key's is not written again (an end too
  // large for a word is held apart, and writing it again would hold it twice). Not for
  // several threads at once.
  void set(KeyId key, const Interval& interval);
  // The ends held apart, in full (a value too large for one word).
  [[nodiscard]] std::size_t apart() const { return ends_.apart(); }

  friend bool operator==(const KeyIntervals& a, const KeyIntervals& b) {
    return a.ends_ == b.ends_;
  }

 private:
  PackedBounds ends_;  // key k's lower end at 2k, its upper end at 2k + 1
};

}  // namespace cc
