#pragma once
// Inference rules: each adds constraints to the fact graph and says, in words, why one of
// its constraints holds. One rule per file; all_rules.cc is the one explicit registry.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graph/builder.h"

namespace cc {

struct InferenceRule {
  std::string_view id;       // "places"; also the name tests use to switch it off
  std::string_view summary;  // one line for docs and --help
  void (*add_constraints)(GraphBuilder& builder);
  // Why the constraint holds, for a step of an explanation: "Cambridgeshire lies inside
  // England and Wales". Empty when the arithmetic speaks for itself.
  std::string (*reason)(const FactBase& base, const FactGraph& graph, const Constraint& constraint);
};

// Sorted by id.
[[nodiscard]] std::span<const InferenceRule> inference_rules();
[[nodiscard]] const InferenceRule* find_inference_rule(std::string_view id);
// The rule that made constraints of this origin.
[[nodiscard]] const InferenceRule& rule_for(Origin origin);

// The rules' entry points (one file each).
void add_figure_constraints(GraphBuilder& builder);
void add_claim_constraints(GraphBuilder& builder);
void add_place_constraints(GraphBuilder& builder);
void add_period_constraints(GraphBuilder& builder);
void add_subset_constraints(GraphBuilder& builder);
void add_measure_constraints(GraphBuilder& builder);
void add_record_constraints(GraphBuilder& builder);
void add_exclusive_share_constraints(GraphBuilder& builder);

std::string figure_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string claim_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string place_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string period_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string subset_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string measure_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string record_reason(const FactBase&, const FactGraph&, const Constraint&);
std::string exclusive_share_reason(const FactBase&, const FactGraph&, const Constraint&);

// Checks of single facts, outside the solver: each appends its findings.
struct Finding;
struct FactCheck {
  std::string_view id;  // the finding rule it reports: "hedge", "quote", "units"
  void (*run)(const FactBase& base, const FactGraph& graph, std::vector<Finding>& findings);
};
[[nodiscard]] std::span<const FactCheck> fact_checks();

void check_hedges(const FactBase& base, const FactGraph& graph, std::vector<Finding>& findings);
void check_quotes(const FactBase& base, const FactGraph& graph, std::vector<Finding>& findings);
void check_units(const FactBase& base, const FactGraph& graph, std::vector<Finding>& findings);

}  // namespace cc
