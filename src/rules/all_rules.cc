// The one explicit registry of inference rules, sorted by id, and the only place a rule's
// id is written. No static self-registration: adding a rule is adding its file
// src/rules/<id>.cc, which defines add_<id>_constraints and <id>_reason (with '-' as '_'),
// and its entry here: the declaration of those two and one line in kRules.
// `exclusive-shares` relies on `claims` having made the share variables, which the
// alphabetical order guarantees.
#include <algorithm>
#include <array>

#include "rules/rule.h"

namespace cc {

#define CC_DECLARE_RULE(name)                   \
  void add_##name##_constraints(GraphBuilder&); \
  std::string name##_reason(const FactBase&, const FactGraph&, const Constraint&)

CC_DECLARE_RULE(claims);
CC_DECLARE_RULE(exclusive_shares);
CC_DECLARE_RULE(identity);
CC_DECLARE_RULE(measures);
CC_DECLARE_RULE(periods);
CC_DECLARE_RULE(places);
CC_DECLARE_RULE(records);
CC_DECLARE_RULE(subsets);

#undef CC_DECLARE_RULE

namespace {

constexpr std::array kRules = {
    InferenceRule{"claims", "a relation claim defines its quantity from the quantities it relates",
                  add_claims_constraints, claims_reason, RuleRole::definitions},
    InferenceRule{"exclusive-shares",
                  "shares of one whole whose parts are disjoint add up to at most 100%",
                  add_exclusive_shares_constraints, exclusive_shares_reason},
    InferenceRule{"identity", "figures with the same key are one quantity",
                  add_identity_constraints, identity_reason, RuleRole::figures},
    InferenceRule{"measures", "a measure `within` another is at most it, key for key",
                  add_measures_constraints, measures_reason},
    InferenceRule{"periods", "a span holds the periods inside it; periods tiling a span sum to it",
                  add_periods_constraints, periods_reason, RuleRole::tilings},
    InferenceRule{"places", "a place holds its children; children never overlap",
                  add_places_constraints, places_reason},
    InferenceRule{"records", "a record is above (below) every earlier figure of the same length",
                  add_records_constraints, records_reason, RuleRole::records},
    InferenceRule{"subsets",
                  "a subset is at most its whole; values of an exclusive dimension are disjoint",
                  add_subsets_constraints, subsets_reason},
};

}  // namespace

std::span<const InferenceRule> inference_rules() {
  return kRules;
}

const InferenceRule* find_inference_rule(std::string_view id) {
  const auto it = std::find_if(kRules.begin(), kRules.end(),
                               [&](const InferenceRule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

const InferenceRule& rule_of(const Constraint& constraint) {
  return kRules.at(constraint.rule);
}

bool made_by(const Constraint& constraint, RuleRole role) {
  return rule_of(constraint).role == role;
}

}  // namespace cc
