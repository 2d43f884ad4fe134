#include "graph/fact_graph.h"

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

namespace cc {

std::optional<VarId> FactGraph::var_of_fact(FactIndex fact) const {
  const auto it = fact_vars.find(fact);
  if (it == fact_vars.end()) return std::nullopt;
  return it->second;
}

std::optional<VarId> FactGraph::var_of_key(KeyId key) const {
  const auto it = key_vars.find(key);
  if (it == key_vars.end()) return std::nullopt;
  return it->second;
}

std::optional<ConstraintId> FactGraph::statement_of_fact(FactIndex fact) const {
  const auto it = fact_statements.find(fact);
  if (it == fact_statements.end()) return std::nullopt;
  return it->second;
}

void FactGraph::finish() {
  adjacency_.assign(vars.size(), {});
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    for (const VarId v : constraints[c].vars) {
      auto& list = adjacency_[v];
      if (list.empty() || list.back() != c) list.push_back(c);
    }
  }
  // Vertices 0..V-1 are variables, V..V+C-1 constraints: the factor graph.
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  const std::size_t var_count = vars.size();
  Graph g(var_count + constraints.size());
  for (ConstraintId c = 0; c < constraints.size(); ++c) {
    for (const VarId v : constraints[c].vars) {
      // A constant (365 days) is shared by every rate over a year but carries nothing
      // between them: it is never narrowed. Linking through it would fuse unrelated
      // parts of the graph into one component.
      if (vars[v].kind != VarKind::constant) boost::add_edge(v, var_count + c, g);
    }
  }
  std::vector<std::uint32_t> component(boost::num_vertices(g));
  const auto count = boost::connected_components(g, component.data());
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
