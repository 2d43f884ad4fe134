#pragma once
// The facts in play for a propagation run, as the propagator takes them: a mask indexed by
// fact and the constraints of those facts in id order (the run's seeds). Setting a fact in
// or out costs one byte, so the solver never copies a set of facts per run, and a run on a
// few facts (a probe of the minimal-set shrinking) gathers only their constraints instead
// of visiting every constraint of the component (docs/ARCHITECTURE.md, "Solving").

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "graph/fact_graph.h"
#include "solve/propagate.h"

namespace cc {

// The constraints of each fact (its statement, its record claims), in id order. Most facts
// have their statement only: theirs is read from the graph (FactGraph::statement_span), and
// only the others are listed here, so the table holds a bit a fact rather than an index a
// fact and a constraint (9 MB at 1M facts).
class ConstraintsOfFacts {
 public:
  ConstraintsOfFacts(const FactGraph& graph, std::size_t fact_count);
  [[nodiscard]] std::span<const ConstraintId> of(FactIndex fact) const {
    if (fact < listed_.size() && listed_[fact]) return listed(fact);
    return graph_->statement_span(fact);
  }

 private:
  [[nodiscard]] std::span<const ConstraintId> listed(FactIndex fact) const;
  const FactGraph* graph_;
  std::vector<bool> listed_;          // by fact: its constraints are not its statement alone
  std::vector<FactIndex> facts_;      // the listed facts, in order
  std::vector<std::uint32_t> begin_;  // facts_[i]'s constraints: list_[begin_[i], begin_[i + 1])
  std::vector<ConstraintId> list_;
};

// One component's runs. `mask` is the solving thread's own (one byte per fact of the base);
// it is all zeros between runs: every function that puts facts in play takes them out.
class InPlay {
 public:
  InPlay(const FactGraph& graph, const ConstraintsOfFacts& of_facts, std::vector<char>& mask,
         std::span<const ConstraintId> component);

  void put(std::span<const FactIndex> facts, bool in) {
    for (const FactIndex f : facts) mask_[f] = in ? 1 : 0;
  }
  void put(FactIndex fact, bool in) { mask_[fact] = in ? 1 : 0; }
  [[nodiscard]] bool in(FactIndex fact) const { return mask_[fact] != 0; }
  // The facts in play, as a propagator takes them.
  [[nodiscard]] std::span<const char> mask() const { return mask_; }

  // A run on the facts in play now, many of them: the seeds are the component's fact
  // constraints whose fact is in play.
  Propagator::Outcome run(Propagator& propagator, Recording recording);
  // A run on the facts in play now, all of them among `facts` (few): the seeds are
  // gathered from those facts alone.
  Propagator::Outcome run_among(Propagator& propagator, std::span<const FactIndex> facts,
                                Recording recording);
  // Appends the constraints of `facts` in this component to `out`.
  void constraints_of(std::span<const FactIndex> facts, std::vector<ConstraintId>& out) const;
  // Goes on from the propagator's last traced run on this component to the facts in play
  // now (Propagator::resume); `added` holds the facts that came into play since, and no
  // fact whose events come before `kept_before` left play (Propagator::resume).
  Propagator::Outcome resume(Propagator& propagator, std::span<const FactIndex> added,
                             EventId kept_before = 0);
  // The same, from the facts in play at that run (`before`) to those now (`now`), both
  // sorted: the facts added are those of `now` not in `before`.
  Propagator::Outcome resume_from(Propagator& propagator, std::span<const FactIndex> before,
                                  std::span<const FactIndex> now);

 private:
  const FactGraph& graph_;
  const ConstraintsOfFacts& of_facts_;
  std::vector<char>& mask_;
  std::span<const ConstraintId> component_;
  std::uint32_t index_;
  // The component's constraints that belong to a fact, with the fact, in id order: listed
  // by the first run(), so an InPlay for runs among few facts costs no pass over it.
  std::vector<std::pair<ConstraintId, FactIndex>> fact_constraints_;
  bool listed_ = false;
  std::vector<ConstraintId> seeds_;
};

}  // namespace cc
