// The least-cost hitting sets behind the diagnosis (src/solve/diagnosis.h), on conflicts
// given by hand: which units a diagnosis doubts, and how the cost order decides.
#include "catch.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "solve/diagnosis.h"

namespace {

cc::Units units_with(std::vector<cc::DoubtCost> costs) {
  cc::Units units;
  for (std::uint32_t i = 0; i < costs.size(); ++i) {
    cc::DoubtUnit unit;
    unit.facts = {i};
    unit.cost = costs[i];
    unit.rank = i;
    units.units.push_back(unit);
    units.unit_of.emplace_back(i, i);
  }
  return units;
}

cc::DoubtCost cost(std::uint64_t witnesses, std::uint64_t precision, double disagreement = 0) {
  return cc::DoubtCost{witnesses, precision, disagreement};
}

}  // namespace

TEST_CASE("a unit in every conflict is doubted alone, not the many it contradicts",
          "[solve][diagnosis]") {
  // 0 contradicts 1, 2 and 3, which agree with each other: {0} hits all three conflicts.
  const cc::Units units = units_with({cost(1, 2), cost(1, 2), cost(1, 2), cost(1, 2)});
  cc::HittingSets sets(units, 1000);
  sets.add_conflict({0, 1});
  sets.add_conflict({0, 2});
  sets.add_conflict({0, 3});
  CHECK(sets.best() == std::vector<cc::UnitId>{0});
  CHECK_FALSE(sets.bounded());
  // Keeping 0 means doubting the other three.
  CHECK(sets.without(0) == std::vector<cc::UnitId>{1, 2, 3});
}

TEST_CASE("where the witnesses are even, the less precise statement is doubted",
          "[solve][diagnosis]") {
  // One conflict of a bound (precision 0), a rounded figure (1) and an exact count (2).
  const cc::Units units = units_with({cost(1, 2), cost(1, 0), cost(1, 1)});
  cc::HittingSets sets(units, 1000);
  sets.add_conflict({0, 1, 2});
  CHECK(sets.best() == std::vector<cc::UnitId>{1});
}

TEST_CASE("fewer witnesses win over precision", "[solve][diagnosis]") {
  // Doubting the exact 0 costs one witness; the alternative, two bounds, costs two.
  const cc::Units units = units_with({cost(1, 2), cost(1, 0), cost(1, 0)});
  cc::HittingSets sets(units, 1000);
  sets.add_conflict({0, 1});
  sets.add_conflict({0, 2});
  CHECK(sets.best() == std::vector<cc::UnitId>{0});
}

TEST_CASE("where precision is even too, the statement farther from the rest is doubted",
          "[solve][diagnosis]") {
  // 1,003 / 1,001 / 3,001: any two; 3,001 lies farthest, then 1,001.
  const cc::Units units = units_with({cost(1, 2, 0.668), cost(1, 2, 0.669), cost(1, 2, 1.33)});
  cc::HittingSets sets(units, 1000);
  sets.add_conflict({0, 1});
  sets.add_conflict({0, 2});
  sets.add_conflict({1, 2});
  CHECK(sets.best() == std::vector<cc::UnitId>{1, 2});
}

TEST_CASE("conflicts that share no unit are solved apart, and merge when one joins them",
          "[solve][diagnosis]") {
  const cc::Units units = units_with({cost(1, 2), cost(1, 1), cost(1, 2), cost(1, 1), cost(1, 2)});
  cc::HittingSets sets(units, 1000);
  sets.add_conflict({0, 1});
  sets.add_conflict({2, 3});
  CHECK(sets.best() == std::vector<cc::UnitId>{1, 3});
  // 4 contradicts 0 and 2 too: doubting 0 and 2 (two) now beats 1, 3 and 4 (three).
  sets.add_conflict({0, 2, 4});
  sets.add_conflict({0, 4});
  sets.add_conflict({2, 4});
  CHECK(sets.best() == std::vector<cc::UnitId>{0, 2});
  // A conflict of 4 alone: 4 must go, and then 1 and 3 (less precise) rather than 0 and 2.
  sets.add_conflict({4});
  CHECK(sets.best() == std::vector<cc::UnitId>{1, 3, 4});
  CHECK_FALSE(sets.without(4).has_value());  // a conflict of 4 alone: it cannot be kept
}

TEST_CASE("past the node budget the greedy order decides, and says so", "[solve][diagnosis]") {
  // Twelve pairwise conflicts over 24 units: an exact search needs more than 5 nodes.
  std::vector<cc::DoubtCost> costs(24, cost(1, 2));
  const cc::Units units = units_with(costs);
  cc::HittingSets sets(units, 5);
  for (cc::UnitId u = 0; u < 24; u += 2) sets.add_conflict({u, u + 1, (u + 2) % 24});
  CHECK(sets.bounded());
  // Whatever it chose hits every conflict.
  const auto best = sets.best();
  for (const auto& conflict : sets.conflicts()) {
    CHECK(std::any_of(conflict.begin(), conflict.end(), [&](cc::UnitId u) {
      return std::find(best.begin(), best.end(), u) != best.end();
    }));
  }
}

TEST_CASE("a long chain of conflicts is solved exactly within a small budget",
          "[solve][diagnosis]") {
  // Sixty units in a chain, each in conflict with the next (one group); the even ones are
  // less precise, so doubting the thirty even ones is the one cheapest set. Without a bound
  // on what the conflicts left to hit must still cost, the search would try every set of
  // thirty that takes an odd unit too, each down to its last conflict (far more than 2,000
  // nodes). With it, a branch that takes an odd unit ends once the conflicts left, taken
  // apart, cannot be hit for less: the thirty pairs that share no unit need thirty units.
  std::vector<cc::DoubtCost> costs;
  for (int u = 0; u < 60; ++u) costs.push_back(cost(1, u % 2 == 0 ? 1 : 2));
  const cc::Units units = units_with(costs);
  cc::HittingSets sets(units, 2000);
  for (cc::UnitId u = 0; u + 1 < 60; ++u) sets.add_conflict({u, u + 1});
  CHECK_FALSE(sets.bounded());
  std::vector<cc::UnitId> even;
  for (cc::UnitId u = 0; u < 60; u += 2) even.push_back(u);
  CHECK(sets.best() == even);
  // Keeping unit 0 means doubting 1, and the rest of the chain as cheaply as it goes.
  const auto kept = sets.without(0);
  REQUIRE(kept.has_value());
  CHECK(kept->front() == 1);
  CHECK_FALSE(sets.bounded());
}

TEST_CASE("the least-cost set is the one an exhaustive search finds", "[solve][diagnosis]") {
  // Random small instances (fixed seed): the search's set hits every conflict and costs no
  // more than the cheapest of all 2^n sets that do, whatever the bounds cut.
  std::uint64_t state = 12345;
  const auto next = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  const auto hits_all = [](const std::vector<std::vector<cc::UnitId>>& conflicts,
                           const std::vector<char>& in) {
    return std::all_of(conflicts.begin(), conflicts.end(), [&](const auto& c) {
      return std::any_of(c.begin(), c.end(), [&](cc::UnitId u) { return in[u] != 0; });
    });
  };
  for (int round = 0; round < 300; ++round) {
    const std::size_t n = 3 + next(10);
    std::vector<cc::DoubtCost> costs;
    for (std::size_t u = 0; u < n; ++u)
      costs.push_back(cost(1 + next(3), next(3), static_cast<double>(next(4)) / 4));
    const cc::Units units = units_with(costs);
    std::vector<std::vector<cc::UnitId>> conflicts;
    const std::size_t count = 1 + next(8);
    for (std::size_t k = 0; k < count; ++k) {
      std::vector<cc::UnitId> conflict;
      for (cc::UnitId u = 0; u < n; ++u)
        if (next(3) == 0) conflict.push_back(u);
      if (conflict.empty()) conflict.push_back(static_cast<cc::UnitId>(next(n)));
      conflicts.push_back(conflict);
    }
    cc::HittingSets sets(units, 1'000'000);
    for (const auto& conflict : conflicts) sets.add_conflict(conflict);
    REQUIRE_FALSE(sets.bounded());
    std::vector<char> chosen(n, 0);
    cc::DoubtCost found;
    for (const cc::UnitId u : sets.best()) {
      chosen[u] = 1;
      found += costs[u];
    }
    INFO("round " << round);
    CHECK(hits_all(conflicts, chosen));
    std::optional<cc::DoubtCost> least;
    for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
      std::vector<char> in(n, 0);
      cc::DoubtCost c;
      for (std::size_t u = 0; u < n; ++u) {
        if ((mask >> u) & 1U) {
          in[u] = 1;
          c += costs[u];
        }
      }
      if (hits_all(conflicts, in) && (!least || c < *least)) least = c;
    }
    REQUIRE(least.has_value());
    CHECK_FALSE(*least < found);
  }
}
