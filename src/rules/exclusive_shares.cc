// Exclusive shares (FORMAT §4): shares of the same whole whose parts are disjoint (values
// of one `exclusive: true` dimension, the rest of the key equal) add up to at most 100 %.
// Interval propagation cannot see this from the parts alone when the whole is unknown,
// so it is a constraint of its own. Runs after `claims`, which makes the share variables.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "rules/rule.h"
#include "rules/wording.h"

namespace cc {

void add_exclusive_shares_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  const FactGraph& graph = builder.graph();
  // (whole var, the part's key without the dimension, the dimension) → share vars
  using GroupKey = std::tuple<VarId, MeasureId, PlaceId, PeriodId, Subset, DimensionId>;
  std::map<GroupKey, std::vector<VarId>> groups;
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    if (base.facts[f].kind != FactKind::share) continue;
    const auto share = graph.var_of_fact(f);
    if (!share) continue;
    const Variable& q = graph.vars[*share];
    const Variable& part = graph.vars[q.operands[0]];
    if (part.kind != VarKind::key) continue;
    const Key& key = base.keys.key(part.key);
    const Subset& subset = base.keys.subset(key.subset);
    for (std::size_t i = 0; i < subset.size(); ++i) {
      if (!base.vocabulary.dimensions[subset[i].dimension].exclusive) continue;
      Subset rest = subset;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
      auto& members =
          groups[{q.operands[1], key.measure, key.place, key.period, rest, subset[i].dimension}];
      if (std::find(members.begin(), members.end(), *share) == members.end())
        members.push_back(*share);
    }
  }
  for (const auto& [group, shares] : groups) {
    if (shares.size() < 2) continue;
    Constraint c;
    c.kind = ConstraintKind::shares_leq_one;
    c.vars = shares;
    builder.add(std::move(c));
  }
}

std::string exclusive_shares_reason(const FactBase& base, const FactGraph& graph,
                                    const Constraint& c) {
  const Variable& first = graph.vars[c.vars[0]];
  return fmt::format("the parts are disjoint shares of {}",
                     describe_quantity(base, graph, first.operands[1]));
}

}  // namespace cc
