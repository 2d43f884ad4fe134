#pragma once
// Which facts to doubt (model-based diagnosis: Reiter 1987, de Kleer & Williams 1987).
// A diagnosis is a set of facts whose removal makes the rest consistent; the diagnoses
// are the hitting sets of the minimal conflict sets. The solver collects conflicts lazily
// (conflicts.cc: propagate what is left, shrink the contradiction to a minimal set, add
// it) and asks here for the hitting set of least cost, until what is left is consistent:
// the last answer is then the cheapest diagnosis of all the conflicts, found or not.
//
// What is doubted is a **unit**: a fact with its copies, the facts that state the same
// quantity with the same value and the same record claim from one witness (one source, or
// sources that share an upstream release: `based_on`). Doubting a unit sets all its facts aside.
// Doubted units of one witness and one quantity make one finding (a headline's "about 200" beside
// its body's 200, both doubted).
//
// The cost of doubting a unit (docs/ARCHITECTURE.md, "Which fact to doubt"), compared in
// this order:
//   1. witnesses: one for each independent witness that states the unit's quantity with a
//      value that agrees with it (overlaps), its own included: a figure four independent
//      sources agree on costs four to doubt, a lone one costs one, copies count once;
//   2. precision: a point (an exact count) costs 2, a range (a rounded figure) 1, a
//      one-sided bound ("more than 10,000") 0 — it only decides where the evidence is even;
//   3. agreement: where that is even too, the statement farther from the other statements
//      of its quantity is doubted first (3,001 beside 1,001 and 1,003);
//   4. then, deterministically, a record claim, the newer source, the later fact.

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/fact_graph.h"

namespace cc {

using UnitId = std::uint32_t;

struct DoubtCost {
  std::uint64_t witnesses = 0;
  std::uint64_t precision = 0;
  double disagreement = 0;  // larger is cheaper to doubt

  DoubtCost& operator+=(const DoubtCost& other);
  friend DoubtCost operator+(DoubtCost a, const DoubtCost& b) { return a += b; }
  // Lexicographic: fewer witnesses, then less precision, then more disagreement.
  friend bool operator<(const DoubtCost& a, const DoubtCost& b);
};

struct DoubtUnit {
  std::vector<FactIndex> facts;  // sorted; the first is the unit's representative
  DoubtCost cost;
  std::uint32_t rank = 0;  // 0 = most to blame by the last, deterministic criteria
  // Its record claim took part in a contradiction found: the claim, a comparison with every
  // other period, is doubted as a bound is (precision 0), whatever its figure's precision.
  bool record_in_play = false;
};

// The units of a component's facts, with their costs; `unit_of` maps each fact of
// `facts` to its unit (indexed by position in `facts` order through the returned map).
struct Units {
  std::vector<DoubtUnit> units;
  std::vector<std::pair<FactIndex, UnitId>> unit_of;  // sorted by fact

  [[nodiscard]] UnitId of(FactIndex fact) const;
};

[[nodiscard]] Units make_units(const FactBase& base, const FactGraph& graph,
                               const std::vector<FactIndex>& facts,
                               const std::vector<std::uint32_t>& witness_of_source);

// The least-cost hitting sets of a growing list of conflicts (each a set of units). The
// conflicts fall into groups that share no unit; each group is solved exactly by branch
// and bound, at most `node_budget` nodes, past which a greedy choice is taken (and
// `bounded()` says so).
class HittingSets {
 public:
  HittingSets(const Units& units, std::size_t node_budget) : units_(units), budget_(node_budget) {}

  void add_conflict(std::vector<UnitId> conflict);
  // The current least-cost hitting set of every conflict added, sorted.
  [[nodiscard]] std::vector<UnitId> best() const;
  [[nodiscard]] bool bounded() const { return bounded_; }
  [[nodiscard]] const std::vector<std::vector<UnitId>>& conflicts() const { return conflicts_; }
  // The conflicts that hold `unit`.
  [[nodiscard]] std::vector<std::size_t> conflicts_of(UnitId unit) const;
  // The cheapest set of units without `unit` that hits every conflict added (what keeping
  // it would cost instead); nullopt when a conflict holds `unit` alone.
  [[nodiscard]] std::optional<std::vector<UnitId>> without(UnitId unit) const;

 private:
  struct Group {
    std::vector<std::size_t> conflicts;
    std::vector<UnitId> solution;
  };
  [[nodiscard]] std::vector<UnitId> solve(const std::vector<std::vector<UnitId>>& conflicts,
                                          const std::vector<UnitId>& excluded) const;

  const Units& units_;
  std::size_t budget_;
  std::vector<std::vector<UnitId>> conflicts_;
  std::vector<Group> groups_;  // a group emptied by a merge keeps no conflicts
  mutable bool bounded_ = false;
};

}  // namespace cc
