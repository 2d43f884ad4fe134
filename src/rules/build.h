#pragma once
// Builds the fact graph: one variable per key, then each inference rule of the registry
// (rules/all_rules.cc), in its order, adds its constraints.

#include <string>
#include <vector>

#include "graph/fact_graph.h"

namespace cc {

struct BuildOptions {
  // Rule and check ids to switch off (tests; --disable-rule).
  std::vector<std::string> disabled_rules;
};

[[nodiscard]] FactGraph build_graph(const FactBase& base, const BuildOptions& options = {});

}  // namespace cc
