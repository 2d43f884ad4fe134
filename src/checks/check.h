#pragma once
// Checks of single facts, outside the solver (hedge, quote, units): each looks at one
// fact at a time and appends its findings. A check reads the fact base alone (no graph), so
// the engine runs the checks beside the build and the solve, on a thread of their own. One check
// per file, src/checks/<id>.cc; all_checks.cc is the one explicit registry and the only place a
// check's id is written.

#include <span>
#include <string_view>
#include <vector>

#include "explain/finding.h"
#include "model/fact.h"

namespace cc {

struct FactCheck {
  std::string_view id;  // the finding rule it reports: "hedge", "quote", "units"
  void (*run)(const FactBase& base, std::vector<Finding>& findings);
};

// Sorted by id.
[[nodiscard]] std::span<const FactCheck> fact_checks();

}  // namespace cc
