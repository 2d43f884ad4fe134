// The one explicit registry of inference rules, sorted by id. No static self-registration:
// adding a rule is adding its file and one line here.
#include <algorithm>
#include <array>

#include "rules/rule.h"

namespace cc {
namespace {

constexpr std::array kRules = {
    InferenceRule{"claims", "a relation claim defines its quantity from the quantities it relates",
                  add_claim_constraints, claim_reason},
    InferenceRule{"exclusive-shares",
                  "shares of one whole whose parts are disjoint add up to at most 100%",
                  add_exclusive_share_constraints, exclusive_share_reason},
    InferenceRule{"identity", "figures with the same key are one quantity", add_figure_constraints,
                  figure_reason},
    InferenceRule{"measures", "a measure `within` another is at most it, key for key",
                  add_measure_constraints, measure_reason},
    InferenceRule{"periods", "a span holds the periods inside it; periods tiling a span sum to it",
                  add_period_constraints, period_reason},
    InferenceRule{"places", "a place holds its children; children never overlap",
                  add_place_constraints, place_reason},
    InferenceRule{"records", "a record is above (below) every earlier figure of the same length",
                  add_record_constraints, record_reason},
    InferenceRule{"subsets",
                  "a subset is at most its whole; values of an exclusive dimension are disjoint",
                  add_subset_constraints, subset_reason},
};

constexpr std::array kChecks = {
    FactCheck{"hedge", check_hedges},
    FactCheck{"quote", check_quotes},
    FactCheck{"units", check_units},
};

}  // namespace

std::span<const InferenceRule> inference_rules() {
  return kRules;
}

std::span<const FactCheck> fact_checks() {
  return kChecks;
}

const InferenceRule* find_inference_rule(std::string_view id) {
  const auto it = std::find_if(kRules.begin(), kRules.end(),
                               [&](const InferenceRule& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

const InferenceRule& rule_for(Origin origin) {
  return *find_inference_rule(origin_name(origin));
}

}  // namespace cc
