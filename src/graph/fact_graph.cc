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
  // Vertices 0..V-1 are variables, V..V+C-1 constraints: the factor graph's components,
  // by union-find (Boost's disjoint sets: two arrays, where an adjacency_list would hold
  // a list node per edge).
  const std::size_t var_count = vars.size();
  const std::size_t vertex_count = var_count + constraints.size();
  std::vector<std::uint32_t> rank(vertex_count, 0);
  std::vector<std::uint32_t> parent(vertex_count, 0);
  boost::disjoint_sets<std::uint32_t*, std::uint32_t*> sets(rank.data(), parent.data());
  for (std::uint32_t v = 0; v < vertex_count; ++v) sets.make_set(v);
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    for (const VarId v : constraints[c].vars) {
      // A constant (365 days) is shared by every rate over a year but carries nothing
      // between them: it is never narrowed. Linking through it would fuse unrelated
      // parts of the graph into one component.
      if (vars[v].kind != VarKind::constant)
        sets.union_set(v, static_cast<std::uint32_t>(var_count + c));
    }
  }
  // Fully compressed: each vertex's parent is then its component's root.
  for (std::uint32_t v = 0; v < vertex_count; ++v) parent[v] = sets.find_set(v);
  rank = std::vector<std::uint32_t>();  // freed (`= {}` would keep the capacity)
  const std::vector<std::uint32_t>& component = parent;
  const std::size_t count = vertex_count;
  // Number components in order of their first constraint, so output order is stable.
  std::vector<std::int64_t> renumber(static_cast<std::size_t>(count), -1);
  components_.clear();
  constraint_component_.assign(constraints.size(), 0);
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    auto& slot = renumber[component[var_count + c]];
    if (slot < 0) {
      slot = static_cast<std::int64_t>(components_.size());
      components_.emplace_back();
    }
    components_[static_cast<std::size_t>(slot)].push_back(c);
    constraint_component_[c] = static_cast<std::uint32_t>(slot);
  }
}

}  // namespace cc
