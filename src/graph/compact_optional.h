#pragma once
// An optional index in the index's own bytes: the largest value stands for "none", where
// std::optional<std::uint32_t> takes 8 bytes for 4. It reads like std::optional (`if (c.fact)`,
// `*c.fact`, `= std::nullopt`) and converts to and from one, so the graph's readers are
// unchanged; a Constraint's fact and a Variable's defined_by are these.

#include <concepts>
#include <limits>
#include <optional>

namespace cc {

template <std::unsigned_integral T>
class CompactOptional {
 public:
  static constexpr T kNone = std::numeric_limits<T>::max();

  constexpr CompactOptional() = default;
  constexpr CompactOptional(std::nullopt_t) {}              // NOLINT(google-explicit-constructor)
  constexpr CompactOptional(T value) : value_(value) {}     // NOLINT(google-explicit-constructor)
  constexpr CompactOptional(const std::optional<T>& value)  // NOLINT(google-explicit-constructor)
      : value_(value ? *value : kNone) {}
  constexpr operator std::optional<T>() const {  // NOLINT(google-explicit-constructor)
    return has_value() ? std::optional<T>(value_) : std::nullopt;
  }

  [[nodiscard]] constexpr bool has_value() const { return value_ != kNone; }
  constexpr explicit operator bool() const { return has_value(); }
  [[nodiscard]] constexpr T operator*() const { return value_; }
  [[nodiscard]] constexpr T value() const {
    if (!has_value()) throw std::bad_optional_access();
    return value_;
  }
  [[nodiscard]] constexpr T value_or(T other) const { return has_value() ? value_ : other; }
  constexpr void reset() { value_ = kNone; }

  friend constexpr bool operator==(CompactOptional, CompactOptional) = default;

 private:
  T value_ = kNone;
};

}  // namespace cc
