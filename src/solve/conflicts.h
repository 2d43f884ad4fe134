#pragma once
// Minimal conflict sets: per component, propagate; where a contradiction appears, trace it
// back to the facts it came from, shrink them to a minimal set (deletion filtering: remove
// any one and the rest are consistent), set the fact most to blame aside, and repeat on
// the rest, so each independent contradiction is one finding and none makes a cascade.

#include <cstdint>
#include <functional>
#include <vector>

#include "graph/fact_graph.h"
#include "solve/propagate.h"

namespace cc {

struct MinimalConflict {
  std::vector<FactIndex> facts;  // minimal; sorted by fact index
  FactIndex blame = 0;           // the fact most to blame (it is set aside afterwards)
  // Other facts stating the blamed fact's quantity at least as narrowly: they would give
  // the same contradiction again, so they are set aside with it and shown in its finding.
  std::vector<FactIndex> restating;
  std::uint32_t component = 0;
  // What the facts still in play at the end (every fact of the component but those set
  // aside) imply for the blamed fact's variable; nullopt when the component was cut short
  // by a work bound. The gap is measured against it.
  std::optional<Interval> implied_for_blame;
};

struct SolveOptions {
  PropagationLimits limits;
  std::size_t max_conflicts_per_component = 500;
  // Called after each component with the facts solved so far and in all (for a progress
  // line; the core never prints).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct SolveResult {
  std::vector<MinimalConflict> conflicts;
  std::vector<FactIndex> set_aside;      // blamed facts, in the order they were set aside
  std::vector<std::uint32_t> exhausted;  // components where the work budget ran out
  std::vector<std::uint32_t> truncated;  // components with more conflicts than allowed
  // What the facts still in play imply for each key's quantity (indexed by KeyId): the
  // final fixpoint of each component; a component cut short keeps its initial intervals.
  std::vector<Interval> implied;
};

[[nodiscard]] SolveResult solve(const FactBase& base, const FactGraph& graph,
                                const SolveOptions& options = {});

// Blame order: is `a` more to blame than `b`? The least precise statement first (an
// unbounded hedge before a rounded figure before an exact count, by relative width), then
// a record claim, then the newer source, then the later fact. The solver first prefers a
// fact whose removal alone makes the whole component consistent; this order breaks ties.
[[nodiscard]] bool more_to_blame(const FactBase& base, const FactGraph& graph, FactIndex a,
                                 FactIndex b);

// The facts whose constraints lie in each component (sorted).
[[nodiscard]] std::vector<std::vector<FactIndex>> facts_by_component(const FactGraph& graph);

}  // namespace cc
