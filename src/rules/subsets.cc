// Subsets (FORMAT §5.4): a subset is at most its whole ({platform: Snapchat} ≤ the same
// key without it), and values of an `exclusive` dimension are disjoint, so they sum to
// at most the whole. Each subset is linked to its nearest stated or named wholes.
#include <fmt/format.h>

#include <map>
#include <set>

#include "rules/rule.h"
#include "rules/wording.h"

namespace cc {
namespace {

bool additive(const FactBase& base, KeyId k) {
  return base.vocabulary.measures[base.keys.key(k).measure].additive;
}

std::optional<KeyId> existing_key(const FactBase& base, const Key& like, const Subset& subset) {
  const std::optional<SubsetId> id = base.keys.find_subset(subset);
  if (!id) return std::nullopt;
  Key key = like;
  key.subset = *id;
  return base.keys.find(key);
}

// The nearest existing keys whose subsets are proper parts of `subset`.
void nearest_wholes(const FactBase& base, const Key& key, const Subset& subset,
                    std::set<KeyId>& out, std::set<Subset>& seen) {
  for (std::size_t drop = 0; drop < subset.size(); ++drop) {
    Subset smaller = subset;
    smaller.erase(smaller.begin() + static_cast<std::ptrdiff_t>(drop));
    if (!seen.insert(smaller).second) continue;
    if (const auto whole = existing_key(base, key, smaller)) {
      out.insert(*whole);
    } else {
      nearest_wholes(base, key, smaller, out, seen);
    }
  }
}

void add_leq(GraphBuilder& builder, VarId whole, std::vector<VarId> parts) {
  Constraint c;
  c.kind = ConstraintKind::sum_leq;
  c.vars.push_back(whole);
  c.vars.insert(c.vars.end(), parts.begin(), parts.end());
  builder.add(std::move(c));
}

}  // namespace

void add_subsets_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  // (whole key, exclusive dimension) → parts differing only in that dimension's value
  std::map<std::pair<KeyId, DimensionId>, std::vector<VarId>> exclusive_parts;
  for (KeyId k = 0; k < base.keys.key_count(); ++k) {
    const Key& key = base.keys.key(k);
    const Subset& subset = base.keys.subset(key.subset);
    if (subset.empty() || !additive(base, k)) continue;
    std::set<KeyId> wholes;
    std::set<Subset> seen;
    nearest_wholes(base, key, subset, wholes, seen);
    for (const KeyId whole : wholes) add_leq(builder, builder.key_var(whole), {builder.key_var(k)});
    for (std::size_t i = 0; i < subset.size(); ++i) {
      if (!base.vocabulary.dimensions[subset[i].dimension].exclusive) continue;
      Subset rest = subset;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
      if (const auto whole = existing_key(base, key, rest)) {
        exclusive_parts[{*whole, subset[i].dimension}].push_back(builder.key_var(k));
      }
    }
  }
  for (const auto& [whole_dim, parts] : exclusive_parts) {
    if (parts.size() >= 2) add_leq(builder, builder.key_var(whole_dim.first), parts);
  }
}

std::string subsets_reason(const FactBase& base, const FactGraph& graph, const Constraint& c) {
  const auto subset_text = [&](VarId v) {
    std::vector<std::string> items;
    for (const SubsetItem& item : base.keys.subset(base.keys.key(graph.vars[v].key).subset)) {
      items.push_back(fmt::format("{}: {}", base.vocabulary.dimensions[item.dimension].name,
                                  base.keys.value_name(item.value)));
    }
    return items.empty() ? std::string("the whole") : join_words(items);
  };
  std::vector<std::string> parts;
  for (std::size_t i = 1; i < c.vars.size(); ++i) parts.push_back(subset_text(c.vars[i]));
  const std::string whole = subset_text(c.vars[0]);
  if (parts.size() == 1) return fmt::format("{} is part of {}", parts[0], whole);
  return fmt::format("{} are disjoint parts of {}", join_words(parts), whole);
}

}  // namespace cc
