#pragma once
// The whole check after loading: build the graph, solve it, explain each contradiction,
// run the single-fact checks, apply accepts, and sort. Reporters take the result as is.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "explain/finding.h"
#include "rules/build.h"
#include "solve/conflicts.h"

namespace cc {

// What the solve and its explanation gave one component of the graph: a check --draft's
// cache keeps it for the components the draft leaves alone (cli/rest_cache.h), and a later
// check takes it instead of solving the component again.
struct ComponentOutcome {
  // The findings of its contradictions, explained and finished, before accepts and rule
  // settings, in the solve's order.
  std::vector<Finding> findings;
  std::vector<FactIndex> set_aside;                 // in the order set aside
  std::vector<std::pair<KeyId, Interval>> implied;  // its keys', in the order of their variables
  std::size_t exhausted = 0;                        // times listed in SolveResult::exhausted
  std::size_t truncated = 0;
  std::size_t bounded = 0;
};

struct EngineOptions {
  BuildOptions build;
  SolveOptions solve;
  // Called at the end of each phase of run_checks with its name ("build", "solve", …), on
  // the calling thread: for a caller that times them (cli's CROSSCHECK_TIMING).
  std::function<void(std::string_view phase)> on_phase;
  // Work that needs the built graph but not the solve's result (check --draft's check of the
  // rest: engine/without_draft.h): with more than one thread it runs on a thread of its own
  // while the components are solved, else after the solve; run_checks returns once it is
  // done. It must not touch what on_phase or the progress line use.
  std::function<void(const FactGraph& graph)> beside_solve;
  // Keep each component's outcome in CheckResult::outcomes.
  bool keep_outcomes = false;
  // Given the built graph, the outcome of each component known already (by component;
  // nullopt, or a vector shorter than the components: solve it). The graph is then solved
  // pruned to the others, and the known outcomes are taken as the solve's: the result is
  // the one a solve of the whole graph gives when they are what it would find.
  std::function<std::vector<std::optional<ComponentOutcome>>(const FactGraph& graph)>
      known_components;
};

struct CheckResult {
  FactGraph graph;
  std::vector<Finding> findings;     // sorted: errors first, then by location
  std::vector<FactIndex> set_aside;  // facts set aside to reach a consistent rest
  // What the consistent rest (every fact but those set aside) implies for each key's
  // quantity: indexed by KeyId. Charts draw these as bars; `explain` prints them.
  KeyIntervals implied;
  std::vector<std::string> notices;  // e.g. work bounds reached
  // The component of the graph of each finding of the solve, by finding id (a check of
  // the same fact base without a draft reuses those of the components it leaves alone:
  // engine/without_draft.h).
  std::unordered_map<std::string, std::uint32_t> solved_components;
  // With EngineOptions::keep_outcomes: each component's outcome (nullopt for none with facts).
  std::vector<std::optional<ComponentOutcome>> outcomes;
  std::size_t components_known = 0;  // those taken from EngineOptions::known_components
};

[[nodiscard]] CheckResult run_checks(const FactBase& base, const EngineOptions& options = {});

// The findings of the solve's minimal conflicts (explained, diagnosed, finished), in the
// order of solved.conflicts.
[[nodiscard]] std::vector<Finding> explain_conflicts(const FactBase& base, const FactGraph& graph,
                                                     const SolveResult& solved,
                                                     const EngineOptions& options);

// Appends the finished findings of the single-fact checks not turned off.
void run_fact_checks(const FactBase& base, const EngineOptions& options,
                     std::vector<Finding>& findings);

// Marks findings matched by an `accept` and adds a stale-accept finding for each accept
// that matches none.
void apply_accepts(const FactBase& base, std::vector<Finding>& findings);

// Fills id, severity (from the gap and tolerances.warn) and location where not set.
void finish_finding(const FactBase& base, Finding& finding);

void sort_findings(const FactBase& base, std::vector<Finding>& findings);

// Open findings by severity; accepted ones apart, whatever their severity.
struct Counts {
  std::size_t error = 0;
  std::size_t warning = 0;
  std::size_t info = 0;
  std::size_t accepted = 0;
};
[[nodiscard]] Counts count_findings(const std::vector<Finding>& findings);

}  // namespace cc
