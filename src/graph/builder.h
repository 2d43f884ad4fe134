#pragma once
// The fact graph's builder: one variable per key, and the means by which inference rules
// add variables and constraints. It knows no rule: rules/build.cc runs the registry's
// rules in turn and tells the builder which one is running, and add() stamps that rule's
// index on each constraint.

#include <cstdint>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/fact_graph.h"

namespace cc {

class GraphBuilder {
 public:
  // The variables are reserved at one a key, one a fact and these (constants, mostly).
  static constexpr std::size_t kSpareVars = 1024;

  // `definitions_rule` makes the definitions of relations (q = a ÷ b, t = Σ parts, d = a − b)
  // that quotient_var, sum_var and difference_var add, whichever rule asks for the variable.
  GraphBuilder(const FactBase& base, FactGraph& graph, RuleIndex definitions_rule);

  [[nodiscard]] const FactBase& base() const { return base_; }
  [[nodiscard]] FactGraph& graph() { return graph_; }

  [[nodiscard]] VarId key_var(KeyId key) const { return key; }  // key variables come first
  VarId quotient_var(VarId numerator, VarId denominator, std::optional<FactIndex> defined_by);
  VarId sum_var(std::vector<VarId> terms, std::optional<FactIndex> defined_by);
  // minuend − subtrahend (a difference: to − from), with its definition.
  VarId difference_var(VarId minuend, VarId subtrahend, std::optional<FactIndex> defined_by);
  VarId constant_var(const Rational& value);
  VarId anonymous_var();
  // Adds a constraint made by the running rule, with its interval (a statement's value).
  ConstraintId add(Constraint constraint, Interval value = {});
  // The rule whose constraints add() stamps from now on.
  void set_running_rule(RuleIndex rule) { running_rule_ = rule; }

  // Keys of additive measures grouped by everything but one part, for the rules: the groups
  // in the order of their tuples, each group's keys in the order of their ids (as a map of
  // the tuples would give them; sorted once, not a node a key).
  struct Group {
    std::vector<KeyId> keys;
  };
  template <class Tuple>
  using Groups = std::vector<std::pair<Tuple, Group>>;
  // (measure, period, subset) → keys differing in place
  [[nodiscard]] const Groups<std::tuple<MeasureId, PeriodId, SubsetId>>& by_place() const {
    return by_place_;
  }
  // (measure, place, subset) → keys differing in period
  [[nodiscard]] const Groups<std::tuple<MeasureId, PlaceId, SubsetId>>& by_period() const {
    return by_period_;
  }

 private:
  // The index in FactGraph::values of an interval: each distinct interval is kept once
  // (1M facts state 1,015,200 intervals, 68,078 of them distinct on the bench's base). An
  // open-addressing table of indexes into the values, 8 bytes a distinct interval, held
  // while the graph is built.
  class ValueIndex {
   public:
    [[nodiscard]] std::uint32_t find_or_add(std::vector<Interval>& values, Interval value);

   private:
    void grow(const std::vector<Interval>& values);
    std::vector<std::uint32_t> slots_;  // kNoValue: empty; else an index into the values
  };

  ConstraintId append(Constraint constraint);  // as stamped
  // A new variable of `kind` over `operands`, and the constraint that defines it.
  VarId defined_var(VarKind kind, VarList operands, bool integer,
                    std::optional<FactIndex> defined_by, ConstraintKind definition);

  const FactBase& base_;
  FactGraph& graph_;
  RuleIndex definitions_rule_;
  RuleIndex running_rule_ = 0;
  std::map<std::pair<VarId, VarId>, VarId> quotients_;
  std::map<std::vector<VarId>, VarId> sums_;
  std::map<std::pair<VarId, VarId>, VarId> differences_;
  std::map<Rational, VarId> constants_;
  ValueIndex values_;
  Groups<std::tuple<MeasureId, PeriodId, SubsetId>> by_place_;
  Groups<std::tuple<MeasureId, PlaceId, SubsetId>> by_period_;
};

}  // namespace cc
