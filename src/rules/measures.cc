// Measures within measures (FORMAT §3, §5.4): a measure declared `within` another is at
// most it for the same place, period and subset.
#include <fmt/format.h>

#include "rules/rule.h"

namespace cc {

void add_measures_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  const Vocabulary& vocabulary = base.vocabulary;
  for (KeyId k = 0; k < base.keys.key_count(); ++k) {
    const Key& key = base.keys.key(k);
    if (!vocabulary.measures[key.measure].additive) continue;
    std::optional<MeasureId> outer = vocabulary.measures[key.measure].within;
    for (std::size_t steps = 0; outer && steps < vocabulary.measures.size(); ++steps) {
      Key whole = key;
      whole.measure = *outer;
      if (const auto found = base.keys.find(whole)) {
        Constraint c;
        c.kind = ConstraintKind::sum_leq;
        c.vars = {builder.key_var(*found), builder.key_var(k)};
        builder.add(std::move(c));
        break;
      }
      outer = vocabulary.measures[*outer].within;
    }
  }
}

std::string measures_reason(const FactBase& base, const FactGraph& graph, const Constraint& c) {
  const auto measure = [&](VarId v) {
    return base.vocabulary.measures[base.keys.key(graph.vars[v].key).measure].id;
  };
  return fmt::format("{} is within {}", measure(c.vars[1]), measure(c.vars[0]));
}

}  // namespace cc
