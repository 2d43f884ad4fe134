#pragma once
// A hash of an interval for the open-addressing tables that keep each distinct interval once
// (model/interval_pool.h, the graph builder's statement intervals).

#include <cstdint>

#include "model/interval.h"

namespace cc {

// Equal intervals hash alike (a rational's double is a function of its value); mixed, so
// that a table may take the low bits.
[[nodiscard]] std::uint64_t interval_hash(const Interval& interval);

}  // namespace cc
