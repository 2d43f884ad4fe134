// Ends of intervals packed in 8 bytes (solve/packed_bounds.h): what a propagator records of
// each narrowing (the ends it set) and the implied values of a solve. Every end reads back as
// it was written, whatever its value (a small fraction in one word, any other apart), and a
// small one takes 8 bytes.
#include "catch.h"

#include <cstdint>
#include <limits>
#include <vector>

#include "solve/packed_bounds.h"

using namespace cc;

namespace {

std::vector<OptionalBound> ends() {
  const std::int64_t i32_min = std::numeric_limits<std::int32_t>::min();
  const std::int64_t i32_max = std::numeric_limits<std::int32_t>::max();
  const std::int64_t den_max = (std::int64_t{1} << 30) - 1;
  std::vector<Rational> values = {0,
                                  1,
                                  -1,
                                  7062,
                                  -3746,
                                  Rational(428, 1317),
                                  Rational(-2, 3),
                                  Rational(i32_max),
                                  Rational(i32_min),
                                  Rational(i32_max + 1),  // one past: held apart
                                  Rational(i32_min - 1),
                                  Rational(1, den_max),
                                  Rational(1, den_max + 1),  // held apart
                                  Rational(i32_max, den_max),
                                  Rational(std::numeric_limits<std::int64_t>::max()),
                                  Rational(BigInt(1) << 200),  // a GMP value
                                  -Rational(BigInt(1) << 200),
                                  Rational(BigInt(3), BigInt(1) << 90)};
  std::vector<OptionalBound> out = {std::nullopt};
  for (const Rational& v : values) {
    out.emplace_back(Bound{v, false});
    out.emplace_back(Bound{v, true});
  }
  return out;
}

}  // namespace

TEST_CASE("a packed end reads back as it was written", "[solve][packed]") {
  const std::vector<OptionalBound> all = ends();
  PackedBounds packed;
  for (const OptionalBound& end : all) packed.push_back(end);
  REQUIRE(packed.size() == all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO(i);
    CHECK(packed[i] == all[i]);
    CHECK(packed[i].has_value() == all[i].has_value());
    if (all[i]) {
      CHECK(packed[i]->value == all[i]->value);
      CHECK(packed[i]->open == all[i]->open);
    }
  }
  // Those past 32 bits of numerator or 30 of denominator, and the GMP values, apart.
  CHECK(packed.apart() == 2 * 7);

  // Overwritten in place, in either direction.
  PackedBounds other;
  other.assign(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(!other[i]);
  for (std::size_t i = 0; i < all.size(); ++i) other.set(all.size() - 1 - i, all[i]);
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(other[all.size() - 1 - i] == all[i]);
  for (std::size_t i = 0; i < all.size(); ++i) other.set(i, all[i]);
  CHECK(other == packed);
  other.set(0, Bound{Rational(5), false});
  CHECK(!(other == packed));
}

TEST_CASE("a small end takes 8 bytes", "[solve][packed][memory]") {
  PackedBounds packed;
  constexpr std::size_t kEnds = 1000;
  for (std::size_t i = 0; i < kEnds; ++i)
    packed.push_back(Bound{Rational(static_cast<std::int64_t>(i) * 37, 1000), i % 2 == 0});
  CHECK(packed.apart() == 0);
  CHECK(packed.bytes() <= 2 * kEnds * 8);  // a vector's doubling at most
  CHECK(sizeof(OptionalBound) == 24);      // what each took before
  packed.clear();
  CHECK(packed.empty());
  packed.release();
  CHECK(packed.bytes() == 0);
}
