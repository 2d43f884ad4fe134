#include "engine/without_draft.h"

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>
#include <span>

#include "checks/check.h"
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
  out.constants = std::move(graph.constants);
  out.key_var_count = graph.key_var_count;
  out.fact_vars = std::move(graph.fact_vars);
  out.finish();
  return out;
}

// Whether `rule` is a single-fact check's.
bool is_fact_check(FindingRule rule) {
  const std::span<const FactCheck> checks = fact_checks();
  return std::any_of(checks.begin(), checks.end(),
                     [&](const FactCheck& c) { return c.id == finding_rule_id(rule); });
}

// The single-fact checks' findings of the rest: the whole check's on the rest's facts. A
// check looks at one fact, its source (the article) and the measures of its keys, all the
// same in the rest; rule settings drop or grade them alike. A finding of a draft fact is
// not the rest's.
void reuse_fact_checks(const CheckResult& checked, const std::vector<FactIndex>& to_rest,
                       std::vector<Finding>& findings) {
  for (const Finding& finding : checked.findings) {
    if (!is_fact_check(finding.rule)) continue;
    Finding kept = finding;
    kept.accepted.reset();
    for (FactIndex& f : kept.facts) f = to_rest[f];
    if (std::any_of(kept.facts.begin(), kept.facts.end(), [](FactIndex f) { return f == kNone; }))
      continue;
    findings.push_back(std::move(kept));
  }
}

std::unordered_set<std::string> ids_of(const std::vector<Finding>& findings) {
  std::unordered_set<std::string> ids;
  for (const Finding& f : findings) ids.insert(f.id);
  return ids;
}

// The options of the rest's check: no progress line, no phases (it may run on a thread of
// its own), no slip checks (a slip names a finding's likely cause, not its rule or facts:
// the ids are the same without), and the rules vocabulary.yaml turns off when
// `turned_off`, as run_checks.
EngineOptions rest_options(const FactBase& rest, const EngineOptions& given, bool turned_off) {
  EngineOptions options = given;
  options.solve.slips = false;
  options.solve.progress = nullptr;
  options.on_phase = nullptr;
  options.beside_solve = nullptr;
  options.keep_outcomes = false;
  options.known_components = nullptr;
  if (!turned_off) return options;
  for (std::string& id : rules_turned_off(rest))
    options.build.disabled_rules.push_back(std::move(id));
  return options;
}

}  // namespace

std::vector<bool> components_of_draft(const FactBase& base, const FactGraph& graph,
                                      const std::vector<SourceIndex>& draft) {
  std::vector<FactIndex> to_rest(base.facts.size(), 0);
  for (const SourceIndex s : draft)
    for (const FactIndex f : base.sources[s].facts) to_rest[f] = kNone;
  std::vector<std::uint32_t> fact_component;
  return touched_components(graph, to_rest, fact_component);
}

FactGraph build_rest_graph(const FactBase& rest, const EngineOptions& given) {
  return build_graph(rest, rest_options(rest, given, true).build);
}

RestSolved solve_rest(const FactBase& base, const FactGraph& whole,
                      const std::vector<SourceIndex>& draft, const FactBase& rest,
                      const EngineOptions& options) {
  return solve_rest(base, whole, draft, rest, build_rest_graph(rest, options), options);
}

RestSolved solve_rest(const FactBase& base, const FactGraph& whole,
                      const std::vector<SourceIndex>& draft, const FactBase& rest, FactGraph graph,
                      const EngineOptions& given) {
  const EngineOptions options = rest_options(rest, given, true);
  std::vector<bool> in_draft(base.sources.size(), false);
  for (const SourceIndex s : draft) in_draft[s] = true;
  RestSolved out;
  out.to_rest = match_facts(base, in_draft, rest);
  if (!out.to_rest) return out;
  const std::vector<FactIndex>& to_rest = *out.to_rest;
  std::vector<FactIndex> to_whole(rest.facts.size(), kNone);
  for (FactIndex f = 0; f < to_rest.size(); ++f)
    if (to_rest[f] != kNone) to_whole[to_rest[f]] = f;

  std::vector<std::uint32_t> fact_component;
  out.covered = touched_components(whole, to_rest, fact_component);
  const RestComponents components = rest_components(graph, to_whole, fact_component);
  const std::vector<bool> again = components_to_solve(components, shapes(whole), out.covered);
  for (std::size_t r = 0; r < again.size(); ++r) {
    if (components.whole[r].empty()) continue;
    ++out.components;
    if (again[r]) ++out.solved_again;
  }
  graph = pruned(std::move(graph), again);
  const SolveResult solved = solve(rest, graph, options.solve);
  out.findings = explain_conflicts(rest, graph, solved, options);
  return out;
}

WithoutDraft finish_without_draft(const CheckResult& checked, RestSolved solved,
                                  const FactBase& rest, const EngineOptions& given) {
  WithoutDraft out;
  out.components = solved.components;
  out.solved_again = solved.solved_again;
  const auto in_full = [&] {
    out.full = true;
    out.ids = ids_of(run_checks(rest, rest_options(rest, given, false)).findings);
    return out;
  };
  if (!solved.to_rest) return in_full();
  const std::vector<FactIndex>& to_rest = *solved.to_rest;
  // The findings of the components left alone, as the whole check found them.
  std::vector<Finding> findings;
  for (const Finding& finding : checked.findings) {
    const auto it = checked.solved_components.find(finding.id);
    if (it == checked.solved_components.end() || solved.covered[it->second]) continue;
    Finding kept = finding;
    kept.accepted.reset();
    for (FactIndex& f : kept.facts) f = to_rest[f];
    const bool in_rest =
        std::none_of(kept.facts.begin(), kept.facts.end(), [](FactIndex f) { return f == kNone; });
    // A draft fact in a component left alone: cannot be; check in full.
    if (!in_rest) return in_full();
    findings.push_back(std::move(kept));
  }
  // Those of the components solved again, and the single-fact checks of the rest.
  std::move(solved.findings.begin(), solved.findings.end(), std::back_inserter(findings));
  reuse_fact_checks(checked, to_rest, findings);
  apply_accepts(rest, findings);
  apply_rule_settings(rest, findings);
  out.ids = ids_of(findings);
  return out;
}

WithoutDraft check_without_draft(const FactBase& base, const CheckResult& checked,
                                 const std::vector<SourceIndex>& draft, const FactBase& rest,
                                 const EngineOptions& options) {
  return finish_without_draft(checked, solve_rest(base, checked.graph, draft, rest, options), rest,
                              options);
}

}  // namespace cc
