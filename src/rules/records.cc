// Records (FORMAT §5.5): `record: high` claims the figure is above every figure of the
// same measure, place and subset for periods of the same length that end before it ends
// (`low`: below). `first_time_above: N` also claims every earlier one was at most N, and
// the record itself above N. These constraints belong to the record's fact.
#include <fmt/format.h>

#include <map>
#include <tuple>

#include "rules/rule.h"

namespace cc {
namespace {

bool same_length(const Period& a, const Period& b) {
  const auto ma = length_in_whole_months(a);
  const auto mb = length_in_whole_months(b);
  if (ma && mb) return *ma == *mb;
  return length_in_days(a) == length_in_days(b);
}

void add_bound(GraphBuilder& builder, FactIndex f, VarId var, Interval bound) {
  Constraint c;
  c.kind = ConstraintKind::statement;
  c.vars = {var};
  c.value = std::move(bound);
  c.fact = f;
  builder.add(std::move(c));
}

void add_less(GraphBuilder& builder, FactIndex f, VarId smaller, VarId larger) {
  Constraint c;
  c.kind = ConstraintKind::less;
  c.vars = {smaller, larger};
  c.fact = f;
  builder.add(std::move(c));
}

}  // namespace

void add_records_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  std::map<std::tuple<MeasureId, PlaceId, SubsetId>, std::vector<KeyId>> series;
  bool any = false;
  for (const Fact& fact : base.facts) any = any || fact.record.kind != RecordKind::none;
  if (!any) return;
  for (KeyId k = 0; k < base.keys.key_count(); ++k) {
    const Key& key = base.keys.key(k);
    series[{key.measure, key.place, key.subset}].push_back(k);
  }
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    const Fact& fact = base.facts[f];
    if (fact.kind != FactKind::figure || fact.record.kind == RecordKind::none) continue;
    const Key& key = base.keys.key(fact.key);
    const Period& period = base.keys.period(key.period);
    const VarId record = builder.key_var(fact.key);
    const bool high = fact.record.kind == RecordKind::high;
    for (const KeyId earlier : series[{key.measure, key.place, key.subset}]) {
      const Period& other = base.keys.period(base.keys.key(earlier).period);
      if (earlier == fact.key || other.last >= period.last || !same_length(other, period)) continue;
      const VarId e = builder.key_var(earlier);
      high ? add_less(builder, f, e, record) : add_less(builder, f, record, e);
      if (high && fact.record.first_time_above)
        add_bound(builder, f, e, Interval::below(*fact.record.first_time_above, false));
      if (!high && fact.record.first_time_below)
        add_bound(builder, f, e, Interval::above(*fact.record.first_time_below, false));
    }
    if (high && fact.record.first_time_above)
      add_bound(builder, f, record, Interval::above(*fact.record.first_time_above, true));
    if (!high && fact.record.first_time_below)
      add_bound(builder, f, record, Interval::below(*fact.record.first_time_below, true));
  }
}

std::string records_reason(const FactBase& base, const FactGraph&, const Constraint& c) {
  if (!c.fact) return {};
  const Fact& fact = base.facts[*c.fact];
  const bool high = fact.record.kind == RecordKind::high;
  if (c.kind == ConstraintKind::statement) {
    if (high && fact.record.first_time_above) {
      return fmt::format("'{}' claims it is the first time above {}", base.ref(*c.fact),
                         format_number(*fact.record.first_time_above));
    }
    if (!high && fact.record.first_time_below) {
      return fmt::format("'{}' claims it is the first time below {}", base.ref(*c.fact),
                         format_number(*fact.record.first_time_below));
    }
  }
  return fmt::format("'{}' claims a record {}", base.ref(*c.fact), high ? "high" : "low");
}

}  // namespace cc
