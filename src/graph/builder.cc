#include "graph/builder.h"

#include <algorithm>
#include <bit>

#include "model/interval_hash.h"

namespace cc {

namespace {

// (tuple, key) pairs as groups: sorted by tuple, then by key (the order they were added in).
template <class Tuple>
GraphBuilder::Groups<Tuple> grouped(std::vector<std::pair<Tuple, KeyId>> rows) {
  std::sort(rows.begin(), rows.end());
  GraphBuilder::Groups<Tuple> groups;
  for (const auto& [tuple, key] : rows) {
    if (groups.empty() || groups.back().first != tuple)
      groups.emplace_back(tuple, GraphBuilder::Group{});
    groups.back().second.keys.push_back(key);
  }
  return groups;
}

}  // namespace

GraphBuilder::GraphBuilder(const FactBase& base, FactGraph& graph, RuleIndex definitions_rule)
    : base_(base), graph_(graph), definitions_rule_(definitions_rule) {
  // One variable per interned key, with the same number: every quantity a fact states or
  // a pattern names.
  const std::size_t key_count = base.keys.key_count();
  // A variable a key, and at most about one more a fact (a relation claim's, the rules'
  // sums) and a few constants (the periods' lengths): reserved, the variables are not
  // copied to a larger array, the old one still held, as the rules add theirs (at 1M
  // facts, 542,097 variables for 352,620 keys; what is reserved and never written holds
  // no memory).
  graph_.vars.reserve(key_count + base.facts.size() + kSpareVars);
  graph_.reserve_facts(base.facts.size());  // a variable and a statement a fact at most
  std::vector<std::pair<std::tuple<MeasureId, PeriodId, SubsetId>, KeyId>> places;
  std::vector<std::pair<std::tuple<MeasureId, PlaceId, SubsetId>, KeyId>> periods;
  for (KeyId k = 0; k < key_count; ++k) {
    Variable v;
    v.kind = VarKind::key;
    v.key = k;
    v.integer = base.is_count(k);
    graph_.vars.push_back(std::move(v));
    graph_.key_var_count = k + 1;
    const Key& key = base.keys.key(k);
    if (!base.vocabulary.measures[key.measure].additive) continue;
    places.emplace_back(std::tuple(key.measure, key.period, key.subset), k);
    periods.emplace_back(std::tuple(key.measure, key.place, key.subset), k);
  }
  by_place_ = grouped(std::move(places));
  by_period_ = grouped(std::move(periods));
}

VarId GraphBuilder::defined_var(VarKind kind, VarList operands, bool integer,
                                std::optional<FactIndex> defined_by, ConstraintKind definition) {
  const auto id = static_cast<VarId>(graph_.vars.size());
  Variable v;
  v.kind = kind;
  v.operands = operands;
  v.defined_by = defined_by;
  v.integer = integer;
  graph_.vars.push_back(std::move(v));
  Constraint c;
  c.kind = definition;
  c.rule = definitions_rule_;
  c.vars.push_back(id);
  c.vars.insert(c.vars.end(), operands.begin(), operands.end());
  append(std::move(c));
  return id;
}

VarId GraphBuilder::quotient_var(VarId numerator, VarId denominator,
                                 std::optional<FactIndex> defined_by) {
  const auto [it, inserted] = quotients_.emplace(std::pair{numerator, denominator}, 0);
  if (!inserted) return it->second;
  it->second = defined_var(VarKind::quotient, {numerator, denominator}, false, defined_by,
                           ConstraintKind::quotient);
  return it->second;
}

VarId GraphBuilder::sum_var(std::vector<VarId> terms, std::optional<FactIndex> defined_by) {
  std::vector<VarId> signature = terms;
  std::sort(signature.begin(), signature.end());
  const auto [it, inserted] = sums_.emplace(signature, 0);
  if (!inserted) return it->second;
  const bool integer =
      std::all_of(terms.begin(), terms.end(), [&](VarId t) { return graph_.vars[t].integer; });
  it->second =
      defined_var(VarKind::sum, std::move(terms), integer, defined_by, ConstraintKind::sum_eq);
  return it->second;
}

VarId GraphBuilder::difference_var(VarId minuend, VarId subtrahend,
                                   std::optional<FactIndex> defined_by) {
  const auto [it, inserted] = differences_.emplace(std::pair{minuend, subtrahend}, 0);
  if (!inserted) return it->second;
  const bool integer = graph_.vars[minuend].integer && graph_.vars[subtrahend].integer;
  it->second = defined_var(VarKind::difference, {minuend, subtrahend}, integer, defined_by,
                           ConstraintKind::difference);
  return it->second;
}

VarId GraphBuilder::constant_var(const Rational& value) {
  const auto [it, inserted] = constants_.emplace(value, 0);
  if (!inserted) return it->second;
  it->second = graph_.add_constant(value);
  return it->second;
}

VarId GraphBuilder::anonymous_var() {
  const auto id = static_cast<VarId>(graph_.vars.size());
  Variable v;
  v.kind = VarKind::anonymous;
  graph_.vars.push_back(std::move(v));
  return id;
}

ConstraintId GraphBuilder::add(Constraint constraint, Interval value) {
  constraint.value = value == Interval::everything()
                         ? kNoValue
                         : values_.find_or_add(graph_.values, std::move(value));
  constraint.rule = running_rule_;
  return append(std::move(constraint));
}

std::uint32_t GraphBuilder::ValueIndex::find_or_add(std::vector<Interval>& values, Interval value) {
  if (2 * (values.size() + 1) > slots_.size()) grow(values);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = interval_hash(value) & mask;; at = (at + 1) & mask) {
    std::uint32_t& slot = slots_[at];
    if (slot == kNoValue) {
      slot = static_cast<std::uint32_t>(values.size());
      values.push_back(std::move(value));
      return slot;
    }
    if (values[slot] == value) return slot;
  }
}

// Four slots a value (at least 1,024), the values placed again: a quarter is used after,
// half when it grows next.
void GraphBuilder::ValueIndex::grow(const std::vector<Interval>& values) {
  slots_.assign(std::max<std::size_t>(1024, std::bit_ceil(4 * (values.size() + 1))), kNoValue);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    std::size_t at = interval_hash(values[i]) & mask;
    while (slots_[at] != kNoValue) at = (at + 1) & mask;
    slots_[at] = i;
  }
}

ConstraintId GraphBuilder::append(Constraint constraint) {
  const auto id = static_cast<ConstraintId>(graph_.constraints.size());
  graph_.constraints.push_back(std::move(constraint));
  return id;
}

}  // namespace cc
