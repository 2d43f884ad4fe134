#pragma once
// Builds the fact graph: one variable per key, then each inference rule of the registry
// (rules/all_rules.cc) adds its constraints.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "graph/fact_graph.h"

namespace cc {

struct BuildOptions {
  std::vector<std::string> disabled_rules;  // rule ids to switch off (tests; --disable-rule)
};

class GraphBuilder {
 public:
  GraphBuilder(const FactBase& base, FactGraph& graph);

  [[nodiscard]] const FactBase& base() const { return base_; }
  [[nodiscard]] FactGraph& graph() { return graph_; }

  [[nodiscard]] VarId key_var(KeyId key) const { return key; }  // key variables come first
  VarId quotient_var(VarId numerator, VarId denominator, std::optional<FactIndex> defined_by);
  VarId sum_var(std::vector<VarId> terms, std::optional<FactIndex> defined_by);
  VarId constant_var(const Rational& value);
  VarId anonymous_var();
  ConstraintId add(Constraint constraint);

  // Keys of additive measures grouped by everything but one part, for the rules.
  struct Group {
    std::vector<KeyId> keys;
  };
  // (measure, period, subset) → keys differing in place
  [[nodiscard]] const std::map<std::tuple<MeasureId, PeriodId, SubsetId>, Group>& by_place() const {
    return by_place_;
  }
  // (measure, place, subset) → keys differing in period
  [[nodiscard]] const std::map<std::tuple<MeasureId, PlaceId, SubsetId>, Group>& by_period() const {
    return by_period_;
  }

 private:
  const FactBase& base_;
  FactGraph& graph_;
  std::map<std::pair<VarId, VarId>, VarId> quotients_;
  std::map<std::vector<VarId>, VarId> sums_;
  std::map<Rational, VarId> constants_;
  std::map<std::tuple<MeasureId, PeriodId, SubsetId>, Group> by_place_;
  std::map<std::tuple<MeasureId, PlaceId, SubsetId>, Group> by_period_;
};

[[nodiscard]] FactGraph build_graph(const FactBase& base, const BuildOptions& options = {});

}  // namespace cc
