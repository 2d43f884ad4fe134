#pragma once
// Ends of intervals packed in 8 bytes each where an OptionalBound takes 24: the numbers a
// solve records are small fractions (a count, a share of two counts), so an end whose value
// has a numerator of at most 32 bits and a denominator of at most 30 is held in one word,
// and any other end (a GMP value, a large fraction) apart, in full. Reading gives back the
// same OptionalBound, value, openness and all (docs/ARCHITECTURE.md, "What a solving thread
// holds").

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "model/interval.h"

namespace cc {

class PackedBounds {
 public:
  void push_back(const OptionalBound& bound) { words_.push_back(pack(bound)); }
  // Overwrites end `i` (an end held apart before stays held, unread).
  void set(std::size_t i, const OptionalBound& bound) { words_[i] = pack(bound); }
  [[nodiscard]] OptionalBound operator[](std::size_t i) const { return unpack(words_[i]); }
  [[nodiscard]] std::size_t size() const { return words_.size(); }
  [[nodiscard]] bool empty() const { return words_.empty(); }
  // `n` ends, each unbounded.
  void assign(std::size_t n) {
    words_.assign(n, kUnbounded);
    apart_.clear();
  }
  // Keeps the capacity, as a vector's clear() does.
  void clear() {
    words_.clear();
    apart_.clear();
  }
  // Gives the memory back.
  void release() {
    words_ = std::vector<std::uint64_t>();
    apart_ = std::vector<OptionalBound>();
  }
  // The bytes allocated (the capacity of both arrays).
  [[nodiscard]] std::size_t bytes() const {
    return words_.capacity() * sizeof(std::uint64_t) + apart_.capacity() * sizeof(OptionalBound);
  }
  // The ends held apart, in full (a value too large for one word).
  [[nodiscard]] std::size_t apart() const { return apart_.size(); }

  friend bool operator==(const PackedBounds& a, const PackedBounds& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!(a[i] == b[i])) return false;
    return true;
  }

 private:
  // A word: 0, unbounded; bit 0 set, a value held in it (the numerator in the upper 32
  // bits, the denominator in bits 2–31, bit 1 open); else (the index apart + 1) << 1.
  static constexpr std::uint64_t kUnbounded = 0;
  static constexpr std::int64_t kMaxDenominator = (std::int64_t{1} << 30) - 1;

  [[nodiscard]] std::uint64_t pack(const OptionalBound& bound) {
    if (!bound) return kUnbounded;
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    if (bound->value.inline_parts(numerator, denominator) &&
        numerator >= std::numeric_limits<std::int32_t>::min() &&
        numerator <= std::numeric_limits<std::int32_t>::max() && denominator <= kMaxDenominator) {
      const auto high = static_cast<std::uint32_t>(static_cast<std::int32_t>(numerator));
      return (std::uint64_t{high} << 32) | (static_cast<std::uint64_t>(denominator) << 2) |
             (bound->open ? 2U : 0U) | 1U;
    }
    apart_.push_back(bound);
    return static_cast<std::uint64_t>(apart_.size()) << 1;
  }
  [[nodiscard]] OptionalBound unpack(std::uint64_t word) const {
    if (word == kUnbounded) return std::nullopt;
    if ((word & 1U) == 0) return apart_[(word >> 1) - 1];
    const auto numerator = static_cast<std::int32_t>(static_cast<std::uint32_t>(word >> 32));
    const auto denominator = static_cast<std::int64_t>((word >> 2) & kMaxDenominator);
    return Bound{Rational(std::int64_t{numerator}, denominator), (word & 2U) != 0};
  }

  std::vector<std::uint64_t> words_;
  std::vector<OptionalBound> apart_;
};

}  // namespace cc
