#pragma once
// `check --draft`: the findings of the fact base without the draft's sources, to tell
// whether the draft changed the rest ("unchanged" / "changed by the draft: 1 new, 1 gone").
// The check of the whole fact base has solved every component already; removing the
// draft's facts changes only the components they lie in. So only those are solved again
// (on the graph of the rest, pruned to them); the findings of every other component are
// those of the whole check. The result is the ids run_checks(rest) gives (docs/ARCHITECTURE.md,
// "The commands' paths, the draft and the baseline").

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/check.h"

namespace cc {

struct WithoutDraft {
  std::unordered_set<std::string> ids;  // the ids of run_checks(rest)'s findings
  // How they were found: the components of rest's graph solved again, of those with facts;
  // `full` when the rest could not be matched to the whole fact base and run_checks(rest)
  // ran in full.
  std::size_t solved_again = 0;
  std::size_t components = 0;
  bool full = false;
};

// `base` is the whole fact base and `checked` its run_checks result; `rest` is the same
// fact base without the files of the `draft` sources (loaded so, or load/without_sources.h);
// `options` those of `checked`.
[[nodiscard]] WithoutDraft check_without_draft(const FactBase& base, const CheckResult& checked,
                                               const std::vector<SourceIndex>& draft,
                                               const FactBase& rest, const EngineOptions& options);

// check_without_draft in two steps. The first needs the whole check's graph, not its
// findings: it may run while the whole check solves (EngineOptions::beside_solve). It
// matches the rest's facts to the whole's, builds the rest's graph and solves the
// components the draft can have changed.
struct RestSolved {
  std::optional<std::vector<FactIndex>> to_rest;  // nullopt: no match, the rest is checked in full
  std::vector<bool> covered;      // the whole graph's components whose findings are not reused
  std::vector<Finding> findings;  // the explained findings of the components solved again
  std::size_t solved_again = 0;
  std::size_t components = 0;
};
[[nodiscard]] RestSolved solve_rest(const FactBase& base, const FactGraph& whole,
                                    const std::vector<SourceIndex>& draft, const FactBase& rest,
                                    const EngineOptions& options);
// The rest's graph, as solve_rest builds it. It needs neither the whole check nor its graph,
// so it may be built beside the whole graph's build; then give it to solve_rest.
[[nodiscard]] FactGraph build_rest_graph(const FactBase& rest, const EngineOptions& options);
[[nodiscard]] RestSolved solve_rest(const FactBase& base, const FactGraph& whole,
                                    const std::vector<SourceIndex>& draft, const FactBase& rest,
                                    FactGraph rest_graph, const EngineOptions& options);
// The components of `graph` (the whole fact base's) that the `draft` sources can change:
// those holding a draft fact or a constraint on a draft fact's variable, and those sharing
// a fact with another component. The others are the same in the graph without the draft.
[[nodiscard]] std::vector<bool> components_of_draft(const FactBase& base, const FactGraph& graph,
                                                    const std::vector<SourceIndex>& draft);

// The second: the whole check's findings of the components left alone, the rest's
// single-fact findings, accepts and rule settings.
[[nodiscard]] WithoutDraft finish_without_draft(const CheckResult& checked, RestSolved solved,
                                                const FactBase& rest, const EngineOptions& options);

}  // namespace cc
