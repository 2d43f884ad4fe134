// Places (FORMAT §5.2): a place's figure is at least the sum of any of its children's
// figures stated for the same measure, period and subset (children never overlap), and
// so at least each child's. Children are the nearest places below it that have a figure.
#include <fmt/format.h>

#include <map>

#include "rules/rule.h"
#include "rules/wording.h"

namespace cc {

void add_places_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  const Vocabulary& vocabulary = base.vocabulary;
  for (const auto& [group_key, group] : builder.by_place()) {
    if (group.keys.size() < 2) continue;
    std::map<PlaceId, KeyId> by_place;
    for (const KeyId k : group.keys) by_place.emplace(base.keys.key(k).place, k);
    std::map<KeyId, std::vector<VarId>> children;  // parent key → nearest child keys
    for (const KeyId k : group.keys) {
      std::optional<PlaceId> at = vocabulary.places[base.keys.key(k).place].parent;
      while (at && !by_place.count(*at)) at = vocabulary.places[*at].parent;
      if (at) children[by_place.at(*at)].push_back(builder.key_var(k));
    }
    for (auto& [parent, parts] : children) {
      Constraint c;
      c.kind = ConstraintKind::sum_leq;
      c.vars.push_back(builder.key_var(parent));
      c.vars.insert(c.vars.end(), parts.begin(), parts.end());
      builder.add(std::move(c));
    }
  }
}

std::string places_reason(const FactBase& base, const FactGraph& graph, const Constraint& c) {
  std::vector<std::string> parts;
  for (std::size_t i = 1; i < c.vars.size(); ++i) {
    parts.push_back(base.vocabulary.places[base.keys.key(graph.vars[c.vars[i]].key).place].name);
  }
  const std::string whole =
      base.vocabulary.places[base.keys.key(graph.vars[c.vars[0]].key).place].name;
  if (parts.size() == 1) return fmt::format("{} lies inside {}", parts[0], whole);
  return fmt::format("{} lie inside {} and do not overlap", join_words(parts), whole);
}

}  // namespace cc
