#include "engine/without_draft.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "engine/rule_settings.h"

namespace cc {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Each fact of `base` → the same fact in `rest` (kNone for the draft's), or nullopt when
// rest's sources are not base's others, in order, with the same facts.
std::optional<std::vector<FactIndex>> match_facts(const FactBase& base,
                                                  const std::vector<bool>& in_draft,
                                                  const FactBase& rest) {
  std::vector<FactIndex> to_rest(base.facts.size(), kNone);
  std::size_t matched = 0;
  SourceIndex r = 0;
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    if (in_draft[s]) continue;
    if (r >= rest.sources.size()) return std::nullopt;
    const Source& whole = base.sources[s];
    const Source& part = rest.sources[r++];
    if (whole.id != part.id || whole.facts.size() != part.facts.size()) return std::nullopt;
    for (std::size_t k = 0; k < whole.facts.size(); ++k) {
      // The sources' ids are equal: the refs are equal when the facts' ids are.
      if (base.facts[whole.facts[k]].id != rest.facts[part.facts[k]].id) return std::nullopt;
      to_rest[whole.facts[k]] = part.facts[k];
    }
    matched += whole.facts.size();
  }
  if (r != rest.sources.size() || matched != rest.facts.size()) return std::nullopt;
  return to_rest;
}

// What must match for a component of rest's graph to be one of the whole graph unchanged:
// its constraints, the variables they bind, its facts.
struct Shape {
  std::size_t constraints = 0;
  std::size_t arity = 0;
  std::size_t facts = 0;
  bool operator==(const Shape&) const = default;
};

std::vector<Shape> shapes(const FactGraph& graph) {
  std::vector<Shape> out(graph.components().size());
  std::vector<std::uint32_t> seen_in;  // by fact: the component it was last counted in + 1
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const Constraint& constraint = graph.constraints[c];
    const std::uint32_t component = graph.component_of_constraint(c);
    Shape& shape = out[component];
    ++shape.constraints;
    shape.arity += constraint.vars.size();
    if (!constraint.fact) continue;
    if (*constraint.fact >= seen_in.size()) seen_in.resize(*constraint.fact + 1, 0);
    if (seen_in[*constraint.fact] != component + 1) {
      seen_in[*constraint.fact] = component + 1;
      ++shape.facts;
    }
  }
  return out;
}

// The components of the whole graph the draft's facts lie in: those of their constraints
// and of the constraints on their variables. A fact whose constraints lie in two
// components marks both (`fact_component` keeps the first).
std::vector<bool> touched_components(const FactGraph& graph, const std::vector<FactIndex>& to_rest,
                                     std::vector<std::uint32_t>& fact_component) {
  std::vector<bool> touched(graph.components().size(), false);
  fact_component.assign(to_rest.size(), kNone);
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const auto& fact = graph.constraints[c].fact;
    if (!fact) continue;
    const std::uint32_t component = graph.component_of_constraint(c);
    std::uint32_t& first = fact_component[*fact];
    if (first == kNone) first = component;
    if (first != component) touched[first] = touched[component] = true;
    if (to_rest[*fact] == kNone) touched[component] = true;
  }
  for (FactIndex f = 0; f < to_rest.size(); ++f) {
    if (to_rest[f] != kNone) continue;
    if (const auto var = graph.var_of_fact(f))
      for (const ConstraintId c : graph.constraints_of(*var))
        touched[graph.component_of_constraint(c)] = true;
  }
  return touched;
}

// Rest's graph and, for each of its components, the components of the whole graph its
// facts lay in.
struct RestComponents {
  std::vector<std::vector<std::uint32_t>> whole;
  std::vector<Shape> shape;
};

RestComponents rest_components(const FactGraph& graph, const std::vector<FactIndex>& to_whole,
                               const std::vector<std::uint32_t>& fact_component) {
  RestComponents out;
  out.whole.resize(graph.components().size());
  out.shape = shapes(graph);
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const auto& fact = graph.constraints[c].fact;
    if (!fact) continue;
    out.whole[graph.component_of_constraint(c)].push_back(fact_component[to_whole[*fact]]);
  }
  for (auto& list : out.whole) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

// Which of rest's components to solve again: those holding facts of a touched component,
// of several components, or of one that changed shape; and then, until none is added,
// those holding facts of a component another one solved again held. `covered` starts as
// the touched components of the whole graph and ends as every one whose findings come
// from the new solve.
std::vector<bool> components_to_solve(const RestComponents& rest,
                                      const std::vector<Shape>& whole_shape,
                                      std::vector<bool>& covered) {
  std::vector<bool> again(rest.whole.size(), false);
  for (bool added = true; added;) {
    added = false;
    for (std::size_t r = 0; r < rest.whole.size(); ++r) {
      const auto& whole = rest.whole[r];
      if (again[r] || whole.empty()) continue;
      const bool changed = whole.size() > 1 || whole[0] == kNone || covered[whole[0]] ||
                           !(rest.shape[r] == whole_shape[whole[0]]);
      if (!changed) continue;
      again[r] = true;
      added = true;
      for (const std::uint32_t w : whole)
        if (w != kNone) covered[w] = true;
    }
  }
  return again;
}

// `graph` with only the constraints of the components `keep` marks (its variables all
// kept, so keys and facts keep their variables).
FactGraph pruned(FactGraph graph, const std::vector<bool>& keep) {
  FactGraph out;
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    if (!keep[graph.component_of_constraint(c)]) continue;
    const auto fact = graph.constraints[c].fact;
    if (fact && graph.statement_of_fact(*fact) == c)
      out.set_statement_of_fact(*fact, static_cast<ConstraintId>(out.constraints.size()));
    out.constraints.push_back(std::move(graph.constraints[c]));
  }
  out.values = std::move(graph.values);  // the kept constraints' indexes into it stay right
  out.vars = std::move(graph.vars);
  out.key_var_count = graph.key_var_count;
  out.fact_vars = std::move(graph.fact_vars);
  out.finish();
  return out;
}

std::unordered_set<std::string> ids_of(const std::vector<Finding>& findings) {
  std::unordered_set<std::string> ids;
  for (const Finding& f : findings) ids.insert(f.id);
  return ids;
}

}  // namespace

WithoutDraft check_without_draft(const FactBase& base, const CheckResult& checked,
                                 const std::vector<SourceIndex>& draft, const FactBase& rest,
                                 const EngineOptions& given) {
  EngineOptions plain = given;  // no progress line for this second check
  plain.solve.progress = nullptr;
  EngineOptions options = plain;  // with the rules vocabulary.yaml turns off, as run_checks
  for (std::string& id : rules_turned_off(rest))
    options.build.disabled_rules.push_back(std::move(id));
  std::vector<bool> in_draft(base.sources.size(), false);
  for (const SourceIndex s : draft) in_draft[s] = true;
  const auto to_rest = match_facts(base, in_draft, rest);
  WithoutDraft out;
  if (!to_rest) {
    out.full = true;
    out.ids = ids_of(run_checks(rest, plain).findings);
    return out;
  }
  std::vector<FactIndex> to_whole(rest.facts.size(), kNone);
  for (FactIndex f = 0; f < to_rest->size(); ++f)
    if ((*to_rest)[f] != kNone) to_whole[(*to_rest)[f]] = f;

  std::vector<std::uint32_t> fact_component;
  std::vector<bool> covered = touched_components(checked.graph, *to_rest, fact_component);
  FactGraph graph = build_graph(rest, options.build);
  const RestComponents components = rest_components(graph, to_whole, fact_component);
  const std::vector<bool> again = components_to_solve(components, shapes(checked.graph), covered);
  for (std::size_t r = 0; r < again.size(); ++r) {
    if (components.whole[r].empty()) continue;
    ++out.components;
    if (again[r]) ++out.solved_again;
  }

  // The findings of the components left alone, as the whole check found them.
  std::vector<Finding> findings;
  for (const Finding& finding : checked.findings) {
    const auto it = checked.solved_components.find(finding.id);
    if (it == checked.solved_components.end() || covered[it->second]) continue;
    Finding kept = finding;
    kept.accepted.reset();
    for (FactIndex& f : kept.facts) f = (*to_rest)[f];
    const bool in_rest =
        std::none_of(kept.facts.begin(), kept.facts.end(), [](FactIndex f) { return f == kNone; });
    if (!in_rest) {  // a draft fact in a component left alone: cannot be; check in full
      out.full = true;
      out.ids = ids_of(run_checks(rest, plain).findings);
      return out;
    }
    findings.push_back(std::move(kept));
  }
  // Those of the components solved again, and the single-fact checks of the rest.
  graph = pruned(std::move(graph), again);
  const SolveResult solved = solve(rest, graph, options.solve);
  for (Finding& f : explain_conflicts(rest, graph, solved, options))
    findings.push_back(std::move(f));
  run_fact_checks(rest, options, findings);
  apply_accepts(rest, findings);
  apply_rule_settings(rest, findings);
  out.ids = ids_of(findings);
  return out;
}

}  // namespace cc
