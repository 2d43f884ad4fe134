#include "rules/build.h"

#include <algorithm>

#include "rules/rule.h"

namespace cc {
namespace {

RuleIndex index_of(const InferenceRule& rule) {
  return static_cast<RuleIndex>(&rule - inference_rules().data());
}

RuleIndex definitions_rule() {
  const auto rules = inference_rules();
  const auto it = std::find_if(rules.begin(), rules.end(), [](const InferenceRule& r) {
    return r.role == RuleRole::definitions;
  });
  return it == rules.end() ? RuleIndex{0} : index_of(*it);
}

}  // namespace

FactGraph build_graph(const FactBase& base, const BuildOptions& options) {
  FactGraph graph;
  // Room for the bench's 1.8 constraints a fact, so that the array is not copied to a
  // larger one near the end of the build with the old one still held: capacity never
  // written holds no memory (docs/ARCHITECTURE.md). A larger graph grows as before.
  graph.constraints.reserve(2 * base.facts.size());
  {
    // The builder's look-ups (relations, constants, intervals) are freed before finish().
    GraphBuilder builder(base, graph, definitions_rule());
    for (const InferenceRule& rule : inference_rules()) {
      const bool disabled = std::find(options.disabled_rules.begin(), options.disabled_rules.end(),
                                      rule.id) != options.disabled_rules.end();
      if (disabled) continue;
      builder.set_running_rule(index_of(rule));
      rule.add_constraints(builder);
    }
  }
  graph.finish();
  return graph;
}

}  // namespace cc
