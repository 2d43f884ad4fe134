#include "engine/check.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <exception>
#include <iterator>
#include <thread>
#include <tuple>
#include <unordered_set>

#include "checks/check.h"
#include "engine/rule_settings.h"
#include "explain/explain.h"
#include "model/provenance.h"
#include "solve/slips.h"

namespace cc {

namespace {

// The releases a fact's source traces to, as "NSPCC (2018-06-18)".
std::string releases_named(const FactBase& base, FactIndex fact) {
  std::string out;
  for (const Release& r : releases_of(base, base.facts[fact].source)) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} ({})", r.publisher, r.published);
  }
  return out;
}

// The diagnosis of a contradiction: the doubted fact, its slip, and why. Where the facts
// trace to outside releases, they are named: a misreported period or base year shows there.
FindingDiagnosis diagnose(const FactBase& base, const MinimalConflict& conflict) {
  FindingDiagnosis d;
  d.doubt = conflict.blame;
  d.because = conflict.because;
  if (conflict.slip) {
    d.cause = conflict.slip->cause;
    d.corrected = conflict.slip->corrected;
    d.detail = conflict.slip->detail;
  }
  if (!conflict.revision) {
    std::vector<std::string> named;
    for (const FactIndex f : conflict.facts) {
      const std::string r = releases_named(base, f);
      if (!r.empty() && std::find(named.begin(), named.end(), r) == named.end()) named.push_back(r);
    }
    if (!named.empty())
      d.because += fmt::format(" (the figures trace to {})", fmt::join(named, "; "));
  }
  return d;
}

// A figure an earlier release gave and a later release of the same publisher revised: a
// warning naming both, the later figure as the correction.
void mark_revision(const FactBase& base, const MinimalConflict& conflict, Finding& finding) {
  const FactIndex later =
      conflict.facts[0] == conflict.blame ? conflict.facts[1] : conflict.facts[0];
  finding.rule = FindingRule::revision;
  finding.severity = Severity::warning;
  finding.message =
      fmt::format("{} was revised from {} to {}", finding.quantity,
                  base.facts[conflict.blame].value.written, base.facts[later].value.written);
  finding.diagnosis->cause = "revision";
  finding.diagnosis->corrected = base.facts[later].value.written;
}

// The warn tolerance of a finding: the smallest of its figures' measures' (FORMAT §8),
// the vocabulary's where none of its facts is a figure.
const Rational& warn_tolerance(const FactBase& base, const Finding& finding) {
  const Rational* warn = nullptr;
  for (const FactIndex f : finding.facts) {
    const Fact& fact = base.facts[f];
    if (fact.kind != FactKind::figure) continue;
    const Rational& own = base.vocabulary.warn_of(base.keys.key(fact.key).measure);
    if (!warn || own < *warn) warn = &own;
  }
  return warn ? *warn : base.vocabulary.tolerances.warn;
}

}  // namespace

std::vector<Finding> explain_conflicts(const FactBase& base, const FactGraph& graph,
                                       const SolveResult& solved, const EngineOptions& options) {
  std::vector<Finding> findings;
  Propagator propagator(graph, options.solve.limits);
  const ConstraintsOfFacts of_facts(graph, base.facts.size());
  std::vector<char> mask(base.facts.size(), 0);
  for (const MinimalConflict& conflict : solved.conflicts) {
    Finding finding = explain_conflict(base, graph, propagator, conflict, of_facts, mask);
    for (const FactIndex f : conflict.restating) finding.facts.push_back(f);
    for (const FactIndex f : conflict.also_contradicts) finding.facts.push_back(f);
    finding.diagnosis = diagnose(base, conflict);
    if (conflict.revision) mark_revision(base, conflict, finding);
    finish_finding(base, finding);
    findings.push_back(std::move(finding));
  }
  return findings;
}

namespace {

// What run_checks takes from the solve, in the whole graph's terms.
struct Solved {
  std::vector<Finding> findings;  // the explained contradictions, in the solve's order
  std::vector<std::uint32_t> finding_component;
  std::vector<FactIndex> set_aside;
  KeyIntervals implied;
  std::vector<std::uint32_t> exhausted;
  std::vector<std::uint32_t> bounded;
  std::vector<std::uint32_t> truncated;
  std::vector<std::optional<ComponentOutcome>> outcomes;  // by component, when kept
  std::size_t known = 0;
};

// The solve's result (and `findings`, its conflicts explained) cut by component of `graph`:
// nullopt for a component without facts.
std::vector<std::optional<ComponentOutcome>> outcomes_of(const FactGraph& graph,
                                                         const SolveResult& solved,
                                                         std::vector<Finding> findings) {
  std::vector<std::optional<ComponentOutcome>> out(graph.components().size());
  const auto facts = facts_by_component(graph);
  for (std::size_t c = 0; c < out.size(); ++c)
    if (!facts[c].empty()) out[c].emplace();
  for (std::size_t i = 0; i < solved.conflicts.size(); ++i) {
    const MinimalConflict& conflict = solved.conflicts[i];
    ComponentOutcome& outcome = *out[conflict.component];
    outcome.findings.push_back(std::move(findings[i]));
    outcome.set_aside.push_back(conflict.blame);
    outcome.set_aside.insert(outcome.set_aside.end(), conflict.restating.begin(),
                             conflict.restating.end());
  }
  for (VarId v = 0; v < graph.vars.size(); ++v) {
    const Variable& var = graph.vars[v];
    const auto constraints = graph.constraints_of(v);
    if (var.kind != VarKind::key || constraints.empty()) continue;
    auto& outcome = out[graph.component_of_constraint(constraints.front())];
    if (outcome) outcome->implied.emplace_back(var.key, solved.implied[var.key]);
  }
  for (const std::uint32_t c : solved.exhausted) ++out[c]->exhausted;
  for (const std::uint32_t c : solved.truncated) ++out[c]->truncated;
  for (const std::uint32_t c : solved.bounded) ++out[c]->bounded;
  return out;
}

// The components of `graph` whose keys the slip checks of the doubted facts `doubted` may
// read.
std::vector<std::uint32_t> slip_components(const FactBase& base, const FactGraph& graph,
                                           const std::vector<FactIndex>& doubted) {
  std::vector<std::uint32_t> out;
  for (const FactIndex f : doubted) {
    for (const KeyId k : slip_keys(base, base.facts[f])) {
      const auto var = graph.var_of_key(k);
      if (!var || graph.constraints_of(*var).empty()) continue;
      out.push_back(graph.component_of_constraint(graph.constraints_of(*var).front()));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// A copy of `graph` with only the constraints of the components `keep` marks (its variables
// all kept), and the component of `graph` of each of its components.
std::pair<FactGraph, std::vector<std::uint32_t>> pruned_copy(const FactGraph& graph,
                                                             const std::vector<bool>& keep) {
  FactGraph out;
  std::vector<ConstraintId> from;  // by constraint of out: its index in graph
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    if (!keep[graph.component_of_constraint(c)]) continue;
    const auto fact = graph.constraints[c].fact;
    if (fact && graph.statement_of_fact(*fact) == c)
      out.set_statement_of_fact(*fact, static_cast<ConstraintId>(out.constraints.size()));
    out.constraints.push_back(graph.constraints[c]);
    from.push_back(c);
  }
  out.values = graph.values;
  out.vars = graph.vars;
  out.constants = graph.constants;
  out.key_var_count = graph.key_var_count;
  out.fact_vars = graph.fact_vars;
  out.finish();
  std::vector<std::uint32_t> whole;
  for (const auto& component : out.components())
    whole.push_back(graph.component_of_constraint(from[component.front()]));
  return {std::move(out), std::move(whole)};
}

// The whole graph solved, as it always was.
Solved solve_whole(const FactBase& base, const FactGraph& graph, const EngineOptions& options,
                   const std::function<void()>& solved_now) {
  SolveResult solved = solve(base, graph, options.solve);
  solved_now();
  Solved out;
  out.findings = explain_conflicts(base, graph, solved, options);
  for (const MinimalConflict& conflict : solved.conflicts)
    out.finding_component.push_back(conflict.component);
  out.set_aside = solved.set_aside;
  out.exhausted = solved.exhausted;
  out.bounded = solved.bounded;
  out.truncated = solved.truncated;
  if (options.keep_outcomes) out.outcomes = outcomes_of(graph, solved, out.findings);
  // Moved, not copied: a value a key (48 bytes each, 17 MB at 1M facts).
  out.implied = std::move(solved.implied);
  return out;
}

// The known outcomes whose slip checks read keys of a component solved again (its implied
// values may have changed): solved again too.
void drop_reading_solved(const FactBase& base, const FactGraph& graph,
                         std::vector<std::optional<ComponentOutcome>>& known) {
  std::vector<bool> solved(known.size());
  for (std::size_t c = 0; c < known.size(); ++c) solved[c] = !known[c];
  for (auto& outcome : known) {
    if (!outcome) continue;
    std::vector<FactIndex> doubted;
    for (const Finding& f : outcome->findings)
      if (f.diagnosis) doubted.push_back(f.diagnosis->doubt);
    for (const std::uint32_t c : slip_components(base, graph, doubted)) {
      if (solved[c]) {
        outcome.reset();
        break;
      }
    }
  }
}

// The components whose outcome is `known` taken from it, the others solved on the graph
// pruned to them; joined in component order, as the solve joins its components. The slip
// checks of the components solved read the implied values of the keys of others: a known
// component they read is solved too, and the graph solved again with it.
Solved solve_unknown(const FactBase& base, const FactGraph& graph,
                     std::vector<std::optional<ComponentOutcome>> known,
                     const EngineOptions& options, const std::function<void()>& solved_now) {
  const std::size_t count = graph.components().size();
  known.resize(count);
  drop_reading_solved(base, graph, known);
  std::optional<std::pair<FactGraph, std::vector<std::uint32_t>>> pruned;
  std::optional<SolveResult> solved;
  while (true) {
    std::vector<bool> keep(count);
    for (std::size_t c = 0; c < count; ++c) keep[c] = !known[c];
    pruned = pruned_copy(graph, keep);
    solved = solve(base, pruned->first, options.solve);
    std::vector<FactIndex> doubted;
    for (const MinimalConflict& conflict : solved->conflicts)
      if (!conflict.revision) doubted.push_back(conflict.blame);
    bool again = false;
    for (const std::uint32_t c : slip_components(base, graph, doubted)) {
      if (!known[c]) continue;
      known[c].reset();
      again = true;
    }
    if (!again) break;
  }
  solved_now();
  const FactGraph& part = pruned->first;
  const std::vector<std::uint32_t>& whole = pruned->second;
  std::vector<std::optional<ComponentOutcome>> all =
      outcomes_of(part, *solved, explain_conflicts(base, part, *solved, options));
  Solved out;
  out.implied = std::move(solved->implied);
  std::vector<std::optional<ComponentOutcome>> outcomes(count);
  for (std::size_t p = 0; p < all.size(); ++p) outcomes[whole[p]] = std::move(all[p]);
  for (std::size_t c = 0; c < count; ++c) {
    if (!known[c]) continue;
    outcomes[c] = std::move(known[c]);
    ++out.known;
  }
  for (std::uint32_t c = 0; c < count; ++c) {
    if (!outcomes[c]) continue;
    const ComponentOutcome& outcome = *outcomes[c];
    out.findings.insert(out.findings.end(), outcome.findings.begin(), outcome.findings.end());
    out.finding_component.insert(out.finding_component.end(), outcome.findings.size(), c);
    out.set_aside.insert(out.set_aside.end(), outcome.set_aside.begin(), outcome.set_aside.end());
    for (const auto& [key, interval] : outcome.implied) out.implied.set(key, interval);
    out.exhausted.insert(out.exhausted.end(), outcome.exhausted, c);
    out.truncated.insert(out.truncated.end(), outcome.truncated, c);
    out.bounded.insert(out.bounded.end(), outcome.bounded, c);
  }
  if (options.keep_outcomes) out.outcomes = std::move(outcomes);
  return out;
}

}  // namespace

void run_fact_checks(const FactBase& base, const EngineOptions& options,
                     std::vector<Finding>& findings) {
  for (const FactCheck& check : fact_checks()) {
    const bool disabled =
        std::find(options.build.disabled_rules.begin(), options.build.disabled_rules.end(),
                  check.id) != options.build.disabled_rules.end();
    if (disabled) continue;
    std::vector<Finding> found;
    check.run(base, found);
    for (Finding& f : found) {
      finish_finding(base, f);
      findings.push_back(std::move(f));
    }
  }
}

void finish_finding(const FactBase& base, Finding& finding) {
  if (finding.id.empty())
    finding.id = finding_id(base, finding.rule, finding.facts, finding.discriminator);
  if (finding.location == Mark{} && !finding.facts.empty())
    finding.location = base.facts[finding.facts[0]].mark;
  // Two facts with different notes (a fact without one says nothing either way).
  std::optional<std::string_view> first_note;
  for (const FactIndex f : finding.facts) {
    const std::string_view note = base.facts[f].note();
    if (note.empty()) continue;
    if (first_note && note != *first_note) finding.notes_differ = true;
    if (!first_note) first_note = note;
  }

  const bool numeric_rule =
      finding.rule == FindingRule::conflict || finding.rule == FindingRule::recompute ||
      finding.rule == FindingRule::implied || finding.rule == FindingRule::containment ||
      finding.rule == FindingRule::record || finding.rule == FindingRule::hedge;
  if (numeric_rule) {
    const bool small = finding.gap && *finding.gap < warn_tolerance(base, finding);
    finding.severity = small ? Severity::warning : Severity::error;
  }
}

void apply_accepts(const FactBase& base, std::vector<Finding>& findings) {
  std::vector<Finding> stale;
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    for (const Accept& accept : base.facts[f].accepts()) {
      bool matched = false;
      for (Finding& finding : findings) {
        if (finding_rule_id(finding.rule) != accept.rule) continue;
        const auto has = [&](FactIndex g) {
          return std::find(finding.facts.begin(), finding.facts.end(), g) != finding.facts.end();
        };
        if (!has(f) || (accept.with_fact && !has(*accept.with_fact))) continue;
        matched = true;
        if (!finding.accepted) finding.accepted = Acceptance{accept.reason, f};
      }
      if (matched) continue;
      Finding finding;
      finding.rule = FindingRule::stale_accept;
      finding.severity = Severity::warning;
      finding.facts = {f};
      if (accept.with_fact) finding.facts.push_back(*accept.with_fact);
      finding.location = accept.mark;
      finding.discriminator = accept.rule + "|" + accept.with;
      finding.message = accept.with.empty()
                            ? fmt::format("the accept of '{}' on '{}' matches no finding",
                                          accept.rule, base.ref(f))
                            : fmt::format("the accept of '{}' with '{}' on '{}' matches no finding",
                                          accept.rule, accept.with, base.ref(f));
      finding.steps = {
          fmt::format("no '{}' finding involves '{}'{}", accept.rule, base.ref(f),
                      accept.with.empty() ? std::string() : fmt::format(" and '{}'", accept.with)),
          "remove the accept, or the data it excused has changed: review it again"};
      finish_finding(base, finding);
      stale.push_back(std::move(finding));
    }
  }
  findings.insert(findings.end(), stale.begin(), stale.end());
}

void sort_findings(const FactBase& base, std::vector<Finding>& findings) {
  const auto key = [&](const Finding& f) {
    return std::tuple(static_cast<int>(f.severity), base.file_of(f.location), f.location.line,
                      f.location.column, finding_rule_id(f.rule), f.id);
  };
  std::sort(findings.begin(), findings.end(),
            [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

Counts count_findings(const std::vector<Finding>& findings) {
  Counts counts;
  for (const Finding& f : findings) {
    if (f.accepted) {
      ++counts.accepted;
    } else if (f.severity == Severity::error) {
      ++counts.error;
    } else if (f.severity == Severity::warning) {
      ++counts.warning;
    } else {
      ++counts.info;
    }
  }
  return counts;
}

CheckResult run_checks(const FactBase& base, const EngineOptions& given) {
  EngineOptions options = given;  // with the rules vocabulary.yaml turns off
  for (std::string& id : rules_turned_off(base))
    options.build.disabled_rules.push_back(std::move(id));
  const auto phase = [&](std::string_view name) {
    if (options.on_phase) options.on_phase(name);
  };
  // The single-fact checks read the base alone: with more than one thread they run on a
  // thread of their own beside the build and the solve, and their findings are joined after
  // the solve's, as one thread would append them.
  std::vector<Finding> checked;
  std::exception_ptr check_failed;
  const auto check_facts = [&] {
    try {
      run_fact_checks(base, options, checked);
    } catch (...) {
      check_failed = std::current_exception();
    }
  };
  std::jthread checker;
  if (thread_count(options.solve.threads) > 1) checker = std::jthread(check_facts);
  CheckResult result;
  result.graph = build_graph(base, options.build);
  phase("build");
  std::exception_ptr beside_failed;
  const auto beside = [&] {
    try {
      options.beside_solve(result.graph);
    } catch (...) {
      beside_failed = std::current_exception();
    }
  };
  std::jthread beside_thread;
  if (options.beside_solve && checker.joinable()) beside_thread = std::jthread(beside);
  std::vector<std::optional<ComponentOutcome>> known;
  if (options.known_components) {
    known = options.known_components(result.graph);
    phase("the components known");
  }
  const bool any_known =
      std::any_of(known.begin(), known.end(), [](const auto& k) { return k.has_value(); });
  const auto solved_now = [&] {
    phase("solve");
    if (options.beside_solve && !beside_thread.joinable()) beside();
  };
  Solved solved = any_known
                      ? solve_unknown(base, result.graph, std::move(known), options, solved_now)
                      : solve_whole(base, result.graph, options, solved_now);
  result.set_aside = std::move(solved.set_aside);
  result.findings = std::move(solved.findings);
  for (std::size_t i = 0; i < result.findings.size(); ++i)
    result.solved_components.emplace(result.findings[i].id, solved.finding_component[i]);
  result.outcomes = std::move(solved.outcomes);
  result.components_known = solved.known;
  phase("explain");
  if (checker.joinable()) {
    checker.join();
  } else {
    check_facts();
  }
  if (check_failed) std::rethrow_exception(check_failed);
  std::move(checked.begin(), checked.end(), std::back_inserter(result.findings));
  phase("single-fact checks");
  result.implied = std::move(solved.implied);
  apply_accepts(base, result.findings);
  apply_rule_settings(base, result.findings);
  sort_findings(base, result.findings);
  phase("accepts and sort");
  if (beside_thread.joinable()) beside_thread.join();
  if (beside_failed) std::rethrow_exception(beside_failed);
  if (options.beside_solve) phase("beside the solve");
  for (const std::uint32_t c : solved.exhausted) {
    result.notices.push_back(
        fmt::format("a component of {} constraints reached the work bound before a fixpoint; its "
                    "contradictions may be incomplete",
                    result.graph.components()[c].size()));
  }
  for (const std::uint32_t c : solved.bounded) {
    result.notices.push_back(fmt::format(
        "in a component of {} constraints the search for the facts to doubt reached its bound; "
        "the greedy order chose them",
        result.graph.components()[c].size()));
  }
  for (const std::uint32_t c : solved.truncated) {
    result.notices.push_back(fmt::format(
        "a component of {} constraints has more than {} contradictions; the rest are not reported",
        result.graph.components()[c].size(), options.solve.max_conflicts_per_component));
  }
  return result;
}

}  // namespace cc
