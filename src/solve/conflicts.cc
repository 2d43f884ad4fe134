#include "solve/conflicts.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace cc {
namespace {

// Relative width of a statement: 0 for a point, unbounded (nullopt) for a one-sided hedge.
std::optional<Rational> relative_width(const Interval& i) {
  if (!i.lo() || !i.hi()) return std::nullopt;
  const Rational width = i.hi()->value - i.lo()->value;
  const Rational scale = std::max(abs(i.hi()->value), abs(i.lo()->value));
  if (scale == 0) return Rational(0);
  return width / scale;
}

class ComponentSolver {
 public:
  ComponentSolver(const FactBase& base, const FactGraph& graph, Propagator& propagator,
                  std::span<const ConstraintId> component, std::uint32_t index)
      : base_(base), graph_(graph), propagator_(propagator), component_(component), index_(index) {}

  [[nodiscard]] bool infeasible(const std::unordered_set<FactIndex>& facts) {
    const auto outcome = propagator_.run(component_, [&](FactIndex f) { return facts.count(f) > 0; }, false);
    return outcome.contradiction.has_value();
  }

  // The facts behind the current contradiction of the propagator.
  [[nodiscard]] std::vector<FactIndex> traced_facts(const Contradiction& contradiction) const {
    const EventId roots[] = {contradiction.lower, contradiction.upper};
    std::set<FactIndex> facts;
    for (const EventId e : propagator_.derivation(roots)) {
      const auto& fact = graph_.constraints[propagator_.events()[e].cause].fact;
      if (fact) facts.insert(*fact);
    }
    return {facts.begin(), facts.end()};
  }

  // Deletion filtering: facts least to blame are tried for removal first, those of the
  // likely culprit's own source last, so the set kept is the one nearest the culprit.
  [[nodiscard]] std::vector<FactIndex> minimize(std::vector<FactIndex> candidates) {
    const FactIndex culprit = *std::max_element(candidates.begin(), candidates.end(), [&](FactIndex a, FactIndex b) {
      return more_to_blame(base_, graph_, b, a);
    });
    const SourceIndex culprit_source = base_.facts[culprit].source;
    std::vector<FactIndex> order = candidates;
    std::sort(order.begin(), order.end(), [&](FactIndex a, FactIndex b) {
      const bool a_near = base_.facts[a].source == culprit_source;
      const bool b_near = base_.facts[b].source == culprit_source;
      if (a_near != b_near) return !a_near;
      return more_to_blame(base_, graph_, b, a);
    });
    std::unordered_set<FactIndex> kept(candidates.begin(), candidates.end());
    for (const FactIndex f : order) {
      kept.erase(f);
      if (!infeasible(kept)) kept.insert(f);
    }
    std::vector<FactIndex> minimal(kept.begin(), kept.end());
    std::sort(minimal.begin(), minimal.end());
    return minimal;
  }

  void run(const std::vector<FactIndex>& facts, const SolveOptions& options, SolveResult& result) {
    std::unordered_set<FactIndex> active(facts.begin(), facts.end());
    for (std::size_t round = 0;; ++round) {
      if (round >= options.max_conflicts_per_component) {
        result.truncated.push_back(index_);
        return;
      }
      const auto outcome = propagator_.run(component_, [&](FactIndex f) { return active.count(f) > 0; }, true);
      if (outcome.exhausted) {
        result.exhausted.push_back(index_);
        return;
      }
      if (!outcome.contradiction) return;
      const std::vector<FactIndex> traced = traced_facts(*outcome.contradiction);
      if (traced.empty()) return;  // cannot happen: defaults alone are consistent
      MinimalConflict conflict;
      conflict.facts = minimize(traced);
      conflict.blame = *std::max_element(conflict.facts.begin(), conflict.facts.end(), [&](FactIndex a, FactIndex b) {
        return more_to_blame(base_, graph_, b, a);
      });
      conflict.component = index_;
      conflict.restating = restating(conflict.blame, active);
      active.erase(conflict.blame);
      result.set_aside.push_back(conflict.blame);
      for (const FactIndex f : conflict.restating) {
        active.erase(f);
        result.set_aside.push_back(f);
      }
      result.conflicts.push_back(std::move(conflict));
    }
  }

 private:
  [[nodiscard]] std::vector<FactIndex> restating(FactIndex blame, const std::unordered_set<FactIndex>& active) const {
    std::vector<FactIndex> out;
    const auto var = graph_.var_of_fact(blame);
    const auto statement = graph_.statement_of_fact(blame);
    if (!var || !statement) return out;
    const Interval& claimed = graph_.constraints[*statement].value;
    for (const FactIndex f : active) {
      if (f == blame || graph_.var_of_fact(f) != var) continue;
      const auto other = graph_.statement_of_fact(f);
      if (other && graph_.constraints[*other].value.within(claimed)) out.push_back(f);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  const FactBase& base_;
  const FactGraph& graph_;
  Propagator& propagator_;
  std::span<const ConstraintId> component_;
  std::uint32_t index_;
};

bool has_record_claim(const Fact& fact) { return fact.record.kind != RecordKind::none; }

}  // namespace

bool more_to_blame(const FactBase& base, const FactGraph& graph, FactIndex a, FactIndex b) {
  const auto width = [&](FactIndex f) -> std::optional<Rational> {
    const auto statement = graph.statement_of_fact(f);
    if (!statement) return Rational(0);
    return relative_width(graph.constraints[*statement].value);
  };
  const auto wa = width(a);
  const auto wb = width(b);
  if (wa != wb) {
    if (!wa) return true;   // unbounded: the least precise
    if (!wb) return false;
    return *wa > *wb;
  }
  const bool ra = has_record_claim(base.facts[a]);
  const bool rb = has_record_claim(base.facts[b]);
  if (ra != rb) return ra;
  const std::string& pa = base.sources[base.facts[a].source].published;
  const std::string& pb = base.sources[base.facts[b].source].published;
  if (pa != pb) return pa > pb;
  return a > b;
}

std::vector<std::vector<FactIndex>> facts_by_component(const FactGraph& graph) {
  std::vector<std::set<FactIndex>> sets(graph.components().size());
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    if (graph.constraints[c].fact) sets[graph.component_of_constraint(c)].insert(*graph.constraints[c].fact);
  }
  std::vector<std::vector<FactIndex>> out;
  out.reserve(sets.size());
  for (const auto& s : sets) out.emplace_back(s.begin(), s.end());
  return out;
}

SolveResult solve(const FactBase& base, const FactGraph& graph, const SolveOptions& options) {
  SolveResult result;
  Propagator propagator(graph, options.limits);
  const auto facts = facts_by_component(graph);
  for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
    if (facts[c].empty()) continue;
    ComponentSolver solver(base, graph, propagator, graph.components()[c], c);
    solver.run(facts[c], options, result);
  }
  return result;
}

}  // namespace cc
