#pragma once
// `check --draft`: the findings of the fact base without the draft's sources, to tell
// whether the draft changed the rest ("unchanged" / "changed by the draft: 1 new, 1 gone").
// The check of the whole fact base has solved every component already; removing the
// draft's facts changes only the components they lie in. So only those are solved again
// (on the graph of the rest, pruned to them); the findings of every other component are
// those of the whole check. The result is the ids run_checks(rest) gives (docs/ARCHITECTURE.md,
// "The commands' paths, the draft and the baseline").

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
// fact base loaded without the files of the `draft` sources; `options` those of `checked`.
[[nodiscard]] WithoutDraft check_without_draft(const FactBase& base, const CheckResult& checked,
                                               const std::vector<SourceIndex>& draft,
                                               const FactBase& rest, const EngineOptions& options);

}  // namespace cc
