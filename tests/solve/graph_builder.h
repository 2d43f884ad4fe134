#pragma once
// Hand-built fact graphs for the solver's unit tests: a FactBase holding only what the
// solver reads (sources with their dates, facts with their record claims) and a FactGraph
// of variables and constraints made directly, without the loader or the rules.
//
// Every constraint is made by HandGraph::constrain(), the one place that sets the field
// recording which registered rule made a constraint (`Constraint::rule`, an index into the
// registry of src/rules/all_rules.cc). Only `made_by()` below names the rules.

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "graph/fact_graph.h"
#include "model/fact.h"
#include "model/interval.h"
#include "rules/rule.h"

namespace cc::test {

// Which kind of rule made a constraint, as far as the solver cares: a figure's statement
// is propagated first and marks its variable as stated; a tiling of periods can be
// relaxed; everything else is an ordinary claim or inference.
enum class MadeBy { figure, claim, periods, inference };

[[nodiscard]] inline RuleIndex made_by(MadeBy rule) {
  const auto index = [](std::string_view id) {
    return static_cast<RuleIndex>(find_inference_rule(id) - inference_rules().data());
  };
  switch (rule) {
    case MadeBy::figure:
      return index("identity");
    case MadeBy::claim:
      return index("claims");
    case MadeBy::periods:
      return index("periods");
    case MadeBy::inference:
      return index("places");
  }
  return index("identity");
}

class HandGraph {
 public:
  FactBase base;
  FactGraph graph;

  // A source published on `date` (ISO, compared as text like the solver does).
  SourceIndex source(const std::string& id, const std::string& date = "2024-01-01") {
    Source s;
    s.id = id;
    s.title = id;
    s.published = date;
    base.sources.push_back(std::move(s));
    return static_cast<SourceIndex>(base.sources.size() - 1);
  }

  // A fact of `source` (no statement yet); `record` makes it a record claim.
  FactIndex fact(SourceIndex source, const std::string& id, RecordKind record = RecordKind::none) {
    Fact f;
    f.source = source;
    f.id = ids_.emplace_back(id);  // the base views it
    Record claim;
    claim.kind = record;
    f.set_record(claim);
    base.facts.push_back(std::move(f));
    const auto index = static_cast<FactIndex>(base.facts.size() - 1);
    base.sources[source].facts.push_back(index);
    return index;
  }

  // A quantity named by a key of its own; `integer`: a count, narrowed to whole numbers.
  VarId quantity(bool integer = false) {
    Variable v;
    v.kind = VarKind::key;
    v.key = base.keys.intern(Key{static_cast<MeasureId>(base.keys.key_count()), 0, 0, 0});
    v.integer = integer;
    return add(std::move(v));
  }

  // A fixed number (a period's length).
  VarId constant(const Rational& value) { return graph.add_constant(value); }

  // numerator / denominator, with the quotient constraint that defines it.
  VarId quotient(VarId numerator, VarId denominator) {
    Variable v;
    v.kind = VarKind::quotient;
    v.operands = {numerator, denominator};
    const VarId q = add(std::move(v));
    constrain(ConstraintKind::quotient, {q, numerator, denominator}, MadeBy::claim);
    return q;
  }

  // The one place a constraint is made.
  ConstraintId constrain(ConstraintKind kind, std::vector<VarId> vars, MadeBy rule,
                         Interval value = {}, std::optional<FactIndex> fact = std::nullopt) {
    Constraint c;
    c.kind = kind;
    c.rule = made_by(rule);
    c.vars = std::move(vars);
    graph.set_value(c, std::move(value));
    c.fact = fact;
    graph.constraints.push_back(std::move(c));
    return static_cast<ConstraintId>(graph.constraints.size() - 1);
  }

  // `fact` states `var` ∈ `value`: a figure, or (rule = claim) a relation claim's value.
  ConstraintId state(FactIndex fact, VarId var, Interval value, MadeBy rule = MadeBy::figure) {
    base.facts[fact].value.set_interval(
        base.intervals->keep(value));  // as written (the blame order reads it)
    const ConstraintId c =
        constrain(ConstraintKind::statement, {var}, rule, std::move(value), fact);
    graph.fact_vars[fact] = var;
    graph.set_statement_of_fact(fact, c);
    return c;
  }

  // Adjacency and components; call once everything is added.
  void finish() {
    base.index();
    graph.finish();
  }

 private:
  VarId add(Variable v) {
    graph.vars.push_back(std::move(v));
    return static_cast<VarId>(graph.vars.size() - 1);
  }
  std::deque<std::string> ids_;  // the facts' ids (a Fact views its id)
};

// "more than 10" (open), "at least 10", "10…20", exactly 10.
[[nodiscard]] inline Interval more_than(const Rational& v) {
  return Interval::above(v, true);
}
[[nodiscard]] inline Interval closed(const Rational& lo, const Rational& hi) {
  return Interval::closed(lo, hi);
}
[[nodiscard]] inline Interval exactly(const Rational& v) {
  return Interval::point(v);
}

}  // namespace cc::test
