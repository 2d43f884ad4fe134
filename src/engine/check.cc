#include "engine/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <unordered_set>

#include "checks/check.h"
#include "explain/explain.h"

namespace cc {

void finish_finding(const FactBase& base, Finding& finding) {
  if (finding.id.empty())
    finding.id = finding_id(base, finding.rule, finding.facts, finding.discriminator);
  if (finding.location == Mark{} && !finding.facts.empty())
    finding.location = base.facts[finding.facts[0]].mark;
  // Two facts with different notes (a fact without one says nothing either way).
  const std::string* first_note = nullptr;
  for (const FactIndex f : finding.facts) {
    const std::string& note = base.facts[f].note;
    if (note.empty()) continue;
    if (first_note && note != *first_note) finding.notes_differ = true;
    if (!first_note) first_note = &note;
  }

  const bool numeric_rule =
      finding.rule == FindingRule::conflict || finding.rule == FindingRule::recompute ||
      finding.rule == FindingRule::implied || finding.rule == FindingRule::containment ||
      finding.rule == FindingRule::record || finding.rule == FindingRule::hedge;
  if (numeric_rule) {
    const bool small = finding.gap && *finding.gap < base.vocabulary.tolerances.warn;
    finding.severity = small ? Severity::warning : Severity::error;
  }
}

void apply_accepts(const FactBase& base, std::vector<Finding>& findings) {
  std::vector<Finding> stale;
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    for (const Accept& accept : base.facts[f].accepts) {
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

CheckResult run_checks(const FactBase& base, const EngineOptions& options) {
  CheckResult result;
  result.graph = build_graph(base, options.build);
  const SolveResult solved = solve(base, result.graph, options.solve);
  result.set_aside = solved.set_aside;
  Propagator propagator(result.graph, options.solve.limits);
  for (const MinimalConflict& conflict : solved.conflicts) {
    Finding finding = explain_conflict(base, result.graph, propagator, conflict);
    for (const FactIndex f : conflict.restating) finding.facts.push_back(f);
    finish_finding(base, finding);
    result.findings.push_back(std::move(finding));
  }
  for (const FactCheck& check : fact_checks()) {
    const bool disabled =
        std::find(options.build.disabled_rules.begin(), options.build.disabled_rules.end(),
                  check.id) != options.build.disabled_rules.end();
    if (disabled) continue;
    std::vector<Finding> found;
    check.run(base, result.graph, found);
    for (Finding& f : found) {
      finish_finding(base, f);
      result.findings.push_back(std::move(f));
    }
  }
  result.implied = solved.implied;
  apply_accepts(base, result.findings);
  sort_findings(base, result.findings);
  for (const std::uint32_t c : solved.exhausted) {
    result.notices.push_back(
        fmt::format("a component of {} constraints reached the work bound before a fixpoint; its "
                    "contradictions may be incomplete",
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
