// ApartIndex (src/solve/apart.h) finds the statements of a quantity whose values do not
// overlap a given one without comparing every pair; it must give exactly the positions a
// walk over every pair gives, in order, whatever the ends (open, closed, unbounded, equal,
// empty intervals).
#include "catch.h"

#include <random>

#include "model/interval.h"
#include "solve/apart.h"

namespace {

std::optional<cc::Bound> random_end(std::mt19937& rng) {
  std::uniform_int_distribution<int> pick(0, 9);
  const int k = pick(rng);
  if (k == 0) return std::nullopt;  // unbounded
  // Few distinct values, so that ends often meet.
  return cc::Bound{cc::Rational(std::uniform_int_distribution<int>(0, 6)(rng), 2), k % 3 == 0};
}

cc::Interval random_interval(std::mt19937& rng) {
  auto lo = random_end(rng);
  auto hi = random_end(rng);
  return {lo, hi};
}

std::vector<std::size_t> by_every_pair(const std::vector<cc::Interval>& values,
                                       const cc::Interval& value) {
  std::vector<std::size_t> out;
  for (std::size_t j = 0; j < values.size(); ++j)
    if (!values[j].overlaps(value)) out.push_back(j);
  return out;
}

}  // namespace

TEST_CASE("the statements apart from a value are those no pair-by-pair walk finds overlapping",
          "[diagnosis][apart]") {
  std::mt19937 rng(13);
  std::size_t empties = 0;
  std::size_t found = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<cc::Interval> values;
    const int n = std::uniform_int_distribution<int>(0, 40)(rng);
    for (int i = 0; i < n; ++i) values.push_back(random_interval(rng));
    std::vector<const cc::Interval*> pointers;
    for (const cc::Interval& v : values) {
      pointers.push_back(&v);
      if (v.is_empty()) ++empties;
    }
    const cc::ApartIndex index(pointers);
    std::vector<std::size_t> apart;
    for (int probe = 0; probe < 20; ++probe) {
      // Probe with the index's own values and with others.
      const cc::Interval value = (probe % 2 == 0 && n > 0)
                                     ? values[static_cast<std::size_t>(probe) % values.size()]
                                     : random_interval(rng);
      index.apart_from(value, apart);
      CHECK(apart == by_every_pair(values, value));
      found += apart.size();
    }
  }
  CHECK(empties > 0);  // the random intervals include empty ones
  CHECK(found > 0);
}

TEST_CASE("overlaps is the intersection not being empty", "[interval]") {
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    const cc::Interval a = random_interval(rng);
    const cc::Interval b = random_interval(rng);
    CHECK(a.overlaps(b) == !a.intersect(b).is_empty());
    CHECK(a.overlaps(b) == b.overlaps(a));
  }
}
