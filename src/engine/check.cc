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
  for (const MinimalConflict& conflict : solved.conflicts) {
    Finding finding = explain_conflict(base, graph, propagator, conflict);
    for (const FactIndex f : conflict.restating) finding.facts.push_back(f);
    for (const FactIndex f : conflict.also_contradicts) finding.facts.push_back(f);
    finding.diagnosis = diagnose(base, conflict);
    if (conflict.revision) mark_revision(base, conflict, finding);
    finish_finding(base, finding);
    findings.push_back(std::move(finding));
  }
  return findings;
}

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
  const SolveResult solved = solve(base, result.graph, options.solve);
  phase("solve");
  if (options.beside_solve && !beside_thread.joinable()) beside();
  result.set_aside = solved.set_aside;
  result.findings = explain_conflicts(base, result.graph, solved, options);
  for (std::size_t i = 0; i < solved.conflicts.size(); ++i)
    result.solved_components.emplace(result.findings[i].id, solved.conflicts[i].component);
  phase("explain");
  if (checker.joinable()) {
    checker.join();
  } else {
    check_facts();
  }
  if (check_failed) std::rethrow_exception(check_failed);
  std::move(checked.begin(), checked.end(), std::back_inserter(result.findings));
  phase("single-fact checks");
  result.implied = solved.implied;
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
