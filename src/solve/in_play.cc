#include "solve/in_play.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace cc {

ConstraintsOfFacts::ConstraintsOfFacts(const FactGraph& graph, std::size_t fact_count)
    : graph_(&graph), listed_(fact_count, false) {
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const auto& f = graph.constraints[c].fact;
    if (f && graph.statement_of_fact(*f) != c) listed_.at(*f) = true;
  }
  // An unlisted fact's constraints are read as its statement, which must be its own (the
  // builder makes each fact's statement for it).
  for (FactIndex f = 0; f < fact_count; ++f) {
    const auto statement = graph.statement_of_fact(f);
    if (statement && graph.constraints[*statement].fact != f)
      throw std::logic_error("ConstraintsOfFacts: a fact's statement is another fact's");
  }
  std::vector<std::pair<FactIndex, ConstraintId>> pairs;
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const auto& f = graph.constraints[c].fact;
    if (f && listed_[*f]) pairs.emplace_back(*f, c);
  }
  std::stable_sort(pairs.begin(), pairs.end(),  // by fact, each fact's in id order
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [fact, c] : pairs) {
    if (facts_.empty() || facts_.back() != fact) {
      facts_.push_back(fact);
      begin_.push_back(static_cast<std::uint32_t>(list_.size()));
    }
    list_.push_back(c);
  }
  begin_.push_back(static_cast<std::uint32_t>(list_.size()));
}

std::span<const ConstraintId> ConstraintsOfFacts::listed(FactIndex fact) const {
  // A listed fact was listed for a constraint of its own: it is in facts_.
  const auto i = static_cast<std::size_t>(std::lower_bound(facts_.begin(), facts_.end(), fact) -
                                          facts_.begin());
  return {list_.data() + begin_[i], list_.data() + begin_[i + 1]};
}

InPlay::InPlay(const FactGraph& graph, const ConstraintsOfFacts& of_facts, std::vector<char>& mask,
               std::span<const ConstraintId> component)
    : graph_(graph),
      of_facts_(of_facts),
      mask_(mask),
      component_(component),
      index_(component.empty() ? 0 : graph.component_of_constraint(component.front())) {}

Propagator::Outcome InPlay::run(Propagator& propagator, Recording recording) {
  if (!listed_) {  // the first run on many facts lists them (a run among few never needs it)
    for (const ConstraintId c : component_)
      if (const auto& f = graph_.constraints[c].fact) fact_constraints_.emplace_back(c, *f);
    listed_ = true;
  }
  seeds_.clear();
  for (const auto& [c, fact] : fact_constraints_)
    if (mask_[fact]) seeds_.push_back(c);
  return propagator.run(component_, seeds_, mask_, recording);
}

void InPlay::constraints_of(std::span<const FactIndex> facts,
                            std::vector<ConstraintId>& out) const {
  for (const FactIndex f : facts) {
    for (const ConstraintId c : of_facts_.of(f))
      if (graph_.component_of_constraint(c) == index_) out.push_back(c);
  }
}

Propagator::Outcome InPlay::resume(Propagator& propagator, std::span<const FactIndex> added,
                                   EventId kept_before) {
  seeds_.clear();
  for (const FactIndex f : added) {
    for (const ConstraintId c : of_facts_.of(f))
      if (graph_.component_of_constraint(c) == index_) seeds_.push_back(c);
  }
  std::sort(seeds_.begin(), seeds_.end());
  seeds_.erase(std::unique(seeds_.begin(), seeds_.end()), seeds_.end());
  return propagator.resume(component_, seeds_, mask_, kept_before);
}

Propagator::Outcome InPlay::resume_from(Propagator& propagator, std::span<const FactIndex> before,
                                        std::span<const FactIndex> now) {
  std::vector<FactIndex> added;
  std::set_difference(now.begin(), now.end(), before.begin(), before.end(),
                      std::back_inserter(added));
  return resume(propagator, added);
}

Propagator::Outcome InPlay::run_among(Propagator& propagator, std::span<const FactIndex> facts,
                                      Recording recording) {
  seeds_.clear();
  for (const FactIndex f : facts) {
    if (!mask_[f]) continue;
    for (const ConstraintId c : of_facts_.of(f))
      if (graph_.component_of_constraint(c) == index_) seeds_.push_back(c);
  }
  // The component's order, as a run on many facts takes them (a fact listed twice counts once).
  std::sort(seeds_.begin(), seeds_.end());
  seeds_.erase(std::unique(seeds_.begin(), seeds_.end()), seeds_.end());
  return propagator.run(component_, seeds_, mask_, recording);
}

}  // namespace cc
