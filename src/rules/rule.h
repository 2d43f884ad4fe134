#pragma once
// Inference rules: each adds constraints to the fact graph and says, in words, why one of
// its constraints holds. One rule per file, src/rules/<id>.cc; all_rules.cc is the one
// explicit registry and the only place a rule's id is written. A constraint records the
// registry index of the rule that made it (Constraint::rule).

#include <span>
#include <string>
#include <string_view>

#include "graph/builder.h"

namespace cc {

// What the solver and the explanation treat apart in a rule's constraints. A new rule
// is usually `none`.
enum class RuleRole {
  none,
  figures,      // its statements are figures: propagation takes them first
  definitions,  // it defines relations: the builder stamps it on q = a ÷ b, t = Σ, d = a − b
  tilings,      // its sums are periods tiling a span (`span = Σ tiles`), which may be relaxed
  records,      // its constraints are records: a derivation through one is a `record` finding
};

struct InferenceRule {
  std::string_view id;       // "places"; also the name tests use to switch it off
  std::string_view summary;  // one line for docs and --help
  void (*add_constraints)(GraphBuilder& builder);
  // Why the constraint holds, for a step of an explanation: "Cambridgeshire lies inside
  // England and Wales". Empty when the arithmetic speaks for itself.
  std::string (*reason)(const FactBase& base, const FactGraph& graph, const Constraint& constraint);
  RuleRole role = RuleRole::none;
};

// Sorted by id; a constraint's `rule` indexes it.
[[nodiscard]] std::span<const InferenceRule> inference_rules();
[[nodiscard]] const InferenceRule* find_inference_rule(std::string_view id);
// The rule that made a constraint.
[[nodiscard]] const InferenceRule& rule_of(const Constraint& constraint);
[[nodiscard]] bool made_by(const Constraint& constraint, RuleRole role);

}  // namespace cc
