#include "graph/fact_graph.h"

#include <fmt/format.h>
#include <boost/pending/disjoint_sets.hpp>

namespace cc {

std::optional<VarId> FactGraph::var_of_fact(FactIndex fact) const {
  return fact_vars.var_of(fact);
}

std::optional<VarId> FactGraph::var_of_key(KeyId key) const {
  if (key >= key_var_count) return std::nullopt;
  return key;
}

const Interval FactGraph::everything_;

void FactGraph::set_value(Constraint& c, Interval value) {
  if (value == everything_) {
    c.value = kNoValue;
    return;
  }
  c.value = static_cast<std::uint32_t>(values.size());
  values.push_back(std::move(value));
}

VarId FactGraph::add_constant(Rational value) {
  const auto id = static_cast<VarId>(vars.size());
  Variable v;
  v.kind = VarKind::constant;
  v.constant_index = static_cast<std::uint32_t>(constants.size());
  constants.push_back(std::move(value));
  vars.push_back(std::move(v));
  return id;
}

void FactGraph::reserve_facts(std::size_t facts) {
  fact_vars.reserve(facts);
  fact_statements_.reserve(facts);
}

std::optional<ConstraintId> FactGraph::statement_of_fact(FactIndex fact) const {
  if (fact >= fact_statements_.size() || fact_statements_[fact] == kNoConstraint)
    return std::nullopt;
  return fact_statements_[fact];
}

void FactGraph::set_statement_of_fact(FactIndex fact, ConstraintId statement) {
  if (fact >= fact_statements_.size()) fact_statements_.resize(fact + 1, kNoConstraint);
  if (fact_statements_[fact] == kNoConstraint) fact_statements_[fact] = statement;
}

void FactGraph::finish() {
  // The builder's spare capacity is kept: never written, it holds no memory (a large
  // vector's buffer is mapped on demand), where shrink_to_fit() would copy every constraint
  // while the old buffer is still held, the peak of a check.
  build_adjacency();
  build_components();
}

void FactGraph::build_adjacency() {
  // Counted first, then filled: one array for all variables, a constraint listed once per
  // variable it binds (even twice).
  adjacency_start_.assign(vars.size() + 1, 0);
  std::vector<ConstraintId> last(vars.size(), kNoConstraint);
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    for (const VarId v : constraints[c].vars) {
      if (last[v] == c) continue;
      last[v] = c;
      ++adjacency_start_[v + 1];
    }
  }
  for (std::size_t v = 0; v < vars.size(); ++v) adjacency_start_[v + 1] += adjacency_start_[v];
  adjacency_.assign(adjacency_start_.back(), 0);
  std::vector<std::uint32_t> filled(adjacency_start_.begin(), adjacency_start_.end() - 1);
  last.assign(vars.size(), kNoConstraint);
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    for (const VarId v : constraints[c].vars) {
      if (last[v] == c) continue;
      last[v] = c;
      adjacency_[filled[v]++] = c;
    }
  }
}

void FactGraph::build_components() {
  // The components, by union-find over the variables (Boost's disjoint sets: two arrays,
  // where an adjacency_list would hold a list node per edge): a constraint joins the
  // variables it binds, and lies in their component. Over the variables alone, not the
  // variables and the constraints (the constraints are three times as many): the same
  // components, with a fifth of the arrays.
  const auto var_count = static_cast<std::uint32_t>(vars.size());
  std::vector<std::uint32_t> rank(var_count, 0);
  std::vector<std::uint32_t> parent(var_count, 0);
  boost::disjoint_sets<std::uint32_t*, std::uint32_t*> sets(rank.data(), parent.data());
  for (std::uint32_t v = 0; v < var_count; ++v) sets.make_set(v);
  for (const Constraint& c : constraints) {
    const VarId first = first_linking_var(c);
    if (first == kNoVar) continue;
    for (const VarId v : c.vars) {
      if (vars[v].kind != VarKind::constant) sets.union_set(first, v);
    }
  }
  // Fully compressed: each variable's parent is then its component's root.
  for (std::uint32_t v = 0; v < var_count; ++v) parent[v] = sets.find_set(v);
  rank = std::vector<std::uint32_t>();  // freed (`= {}` would keep the capacity)
  // Numbered in order of their first constraint, so output order is stable; a constraint
  // with no variable but constants is a component of its own.
  std::vector<std::uint32_t> number(var_count, kNoVar);  // by root variable
  std::uint32_t count = 0;
  constraint_component_.assign(constraints.size(), 0);
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    const VarId first = first_linking_var(constraints[c]);
    if (first == kNoVar) {
      constraint_component_[c] = count++;
      continue;
    }
    std::uint32_t& slot = number[parent[first]];
    if (slot == kNoVar) slot = count++;
    constraint_component_[c] = slot;
  }
  components_.assign(constraint_component_, count);
}

VarId FactGraph::first_linking_var(const Constraint& c) const {
  for (const VarId v : c.vars) {
    // A constant (365 days) is shared by every rate over a year but carries nothing
    // between them: it is never narrowed. Linking through it would fuse unrelated parts
    // of the graph into one component.
    if (vars[v].kind != VarKind::constant) return v;
  }
  return kNoVar;
}

void ComponentList::assign(const std::vector<std::uint32_t>& component_of, std::size_t count) {
  start_.assign(count + 1, 0);
  for (const std::uint32_t c : component_of) ++start_[c + 1];
  for (std::size_t i = 0; i < count; ++i) start_[i + 1] += start_[i];
  constraints_.assign(component_of.size(), 0);
  std::vector<std::uint32_t> filled(start_.begin(), start_.end() - 1);
  for (ConstraintId c = 0; c < component_of.size(); ++c)
    constraints_[filled[component_of[c]]++] = c;  // in id order within each component
}

}  // namespace cc
