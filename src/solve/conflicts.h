#pragma once
// Solving: per component, set aside the facts that an earlier release of the same
// publisher gives and a later one revises; then diagnose the rest (diagnosis.h): collect
// minimal conflict sets lazily and take the least-cost set of facts to doubt that hits
// them all. Each doubted fact (with its copies) is one finding, explained by a minimal set
// of the facts that stand; every other fact stays silent. Then test each doubted fact for
// the usual newsroom slips (slips.h).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "graph/fact_graph.h"
#include "solve/key_intervals.h"
#include "solve/propagate.h"

namespace cc {

// What kind of slip a doubted figure looks like, with the value that makes everything
// agree (docs/ARCHITECTURE.md, "What kind of slip").
struct Slip {
  std::string cause;      // "digits", "scale", "points", "base-period", "whole", "direction"
  std::string corrected;  // what it should have been, as an editor would write it
  std::string detail;     // one clause: "two digits swapped"
};

struct MinimalConflict {
  // The doubted fact and a minimal set of the facts that stand which it contradicts
  // (minimal: remove any one and the rest are consistent); sorted by fact index.
  std::vector<FactIndex> facts;
  FactIndex blame = 0;  // the doubted fact (it is set aside)
  // Its copies: facts stating the same quantity with the same value from the same witness
  // (its own source, or one sharing an upstream release). Set aside with it, in its finding.
  std::vector<FactIndex> restating;
  // Other facts that stand and state the blamed fact's quantity with a value it misses
  // (the consensus it departs from, beyond the one in `facts`).
  std::vector<FactIndex> also_contradicts;
  // A `revision`: an earlier release of the same publisher, revised by `facts`' other fact.
  bool revision = false;
  std::string because;       // one sentence: why this fact is the one doubted
  std::optional<Slip> slip;  // the slip that, corrected, makes everything agree
  std::uint32_t component = 0;
  // What the facts still in play at the end (every fact of the component but those set
  // aside) imply for the blamed fact's variable; nullopt when the component was cut short
  // by a work bound. The gap is measured against it.
  std::optional<Interval> implied_for_blame;
};

struct SolveOptions {
  PropagationLimits limits;
  std::size_t max_conflicts_per_component = 500;
  // Branch-and-bound nodes for one group of conflicts; past it, the greedy order decides
  // and a notice says so.
  std::size_t diagnosis_node_budget = 20000;
  // Called after each component with the facts solved so far and in all (for a progress
  // line; the core never prints).
  // (Called in component order, one call at a time, from a solving thread.)
  std::function<void(std::size_t done, std::size_t total)> progress;
  // Threads solving components at once; 0: one per core. The result is the same whatever
  // the number (components are independent and joined in a fixed order).
  unsigned threads = 0;
  // The constraints the components solved at once may hold together, so that two very
  // large ones are not solved at once (a component larger than it is solved alone); 0:
  // an eighth more than the largest component's, or 200,000 when that is less. The result
  // is the same whatever it is (tests/solve/at_once_test.cc).
  std::size_t constraints_at_once = 0;
  // For tests: called with each contradiction's support (docs/ARCHITECTURE.md, "Solving")
  // before its facts are shrunk on it, to change it (emptied, the shrink goes back to the
  // component; the whole component, it probes as a shrink on the component does).
  std::function<void(std::vector<ConstraintId>&)> adjust_support;
  // For tests: whether the doubted facts' own runs go on from one run of the facts that
  // stand, taken step by step (docs/ARCHITECTURE.md, "Solving"): nullopt, where the steps
  // they share outweigh the cost of a third propagator; true, wherever two or more are run;
  // false, never (each runs from the start). The result is the same.
  std::optional<bool> step_own_runs;
  // Whether each doubted fact is tried for the usual slips (MinimalConflict::slip: the
  // likely cause a finding's diagnosis names). A check whose findings' ids alone are read
  // (check --draft's rest: engine/without_draft.h) turns it off; nothing else changes.
  bool slips = true;
  // For the bench: called after the solver of each component that holds a fact, with the
  // component's index and the seconds it took (the slip checks, made after every component,
  // are not in it); from the solving thread, one call at a time, as the components finish.
  std::function<void(std::uint32_t component, double seconds)> component_solved;
};

// The threads used for `asked` (SolveOptions::threads, `check --threads`): the number
// asked, or one per core for 0. The solve, the check's other phases and the loader all ask
// here.
[[nodiscard]] unsigned thread_count(unsigned asked);

// What the shrinking probes cost (docs/ARCHITECTURE.md, "Solving"): counts over a solve.
struct ProbeStats {
  std::size_t shrinks = 0;
  // Shrinks on the component from the start (a doubted fact's own conflict); the others
  // try the contradiction's support first.
  std::size_t component_shrinks = 0;
  // Shrinks whose facts all together did not contradict on their support (the probes ran
  // on the component).
  std::size_t support_not_enough = 0;
  std::size_t support_probes = 0;    // runs restricted to a support
  std::size_t component_probes = 0;  // runs on the whole component
  std::size_t reused = 0;            // verdicts taken from an earlier probe of the same facts
  std::size_t support_visits = 0;    // constraints applied by the runs on a support
  std::size_t component_visits = 0;  // ... on the component
  std::size_t main_visits = 0;       // by the diagnosis loop's and alternatives' runs
  std::size_t other_visits = 0;      // by the doubted facts' own runs and the slip probes
  // Doubted facts' own runs gone on from the stepped run of the facts that stand.
  std::size_t stepped_own_runs = 0;
  // ... of which gone on past their first seed (Propagator::go_on_later).
  std::size_t own_runs_gone_on_later = 0;

  ProbeStats& operator+=(const ProbeStats& other);
};

struct SolveResult {
  std::vector<MinimalConflict> conflicts;
  std::vector<FactIndex> set_aside;      // blamed facts, in the order they were set aside
  std::vector<std::uint32_t> exhausted;  // components where the work budget ran out
  std::vector<std::uint32_t> truncated;  // components with more conflicts than allowed
  std::vector<std::uint32_t> bounded;    // components whose diagnosis search hit its bound
  // What the facts still in play imply for each key's quantity (indexed by KeyId): the
  // final fixpoint of each component; a component cut short keeps its initial intervals.
  KeyIntervals implied;
  ProbeStats probes;
};

[[nodiscard]] SolveResult solve(const FactBase& base, const FactGraph& graph,
                                const SolveOptions& options = {});

// The last, fixed order among facts the evidence cannot tell apart: the least precise
// statement first (an unbounded hedge before a rounded figure before an exact count, by
// relative width), then a record claim, then the newer source, then the later fact.
[[nodiscard]] bool more_to_blame(const FactBase& base, const FactGraph& graph, FactIndex a,
                                 FactIndex b);

// What more_to_blame compares, worked out once per fact (for sorting many facts).
struct BlameKey {
  std::optional<Rational> width;  // relative width as written; nullopt: a one-sided bound
  bool record = false;
  const std::string* published = nullptr;
  FactIndex index = 0;
};
[[nodiscard]] BlameKey blame_key(const FactBase& base, const FactGraph& graph, FactIndex f);
[[nodiscard]] bool more_to_blame(const BlameKey& a, const BlameKey& b);

// The facts whose constraints lie in each component (sorted).
[[nodiscard]] std::vector<std::vector<FactIndex>> facts_by_component(const FactGraph& graph);
// The same for one component: facts_by_component(graph)[component].
[[nodiscard]] std::vector<FactIndex> facts_of_component(const FactGraph& graph,
                                                        std::uint32_t component);

}  // namespace cc
