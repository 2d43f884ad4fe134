#pragma once
// explain: turns each minimal conflict into a finding: its rule, its message, the steps
// of the arithmetic in words, the gap and the severity.

#include <string>
#include <vector>

#include "explain/finding.h"
#include "rules/wording.h"  // describe_quantity, describe_value
#include "solve/conflicts.h"
#include "solve/in_play.h"

namespace cc {

// Its runs are runs among the conflict's facts (InPlay::run_among: their constraints as
// seeds, reaching what their narrowings reach, not the whole component). `of_facts` and
// `mask` (one byte a fact of the base, all zeros before and after) are made once for all
// the conflicts of a check.
[[nodiscard]] Finding explain_conflict(const FactBase& base, const FactGraph& graph,
                                       Propagator& propagator, const MinimalConflict& conflict,
                                       const ConstraintsOfFacts& of_facts, std::vector<char>& mask);

// The relative gap between two disjoint intervals: the distance between them divided
// by the nearer end of the lower one (of the upper one when both lie below zero); 0 when
// they overlap; nullopt when that end is 0.
[[nodiscard]] std::optional<Rational> relative_gap(const Interval& a, const Interval& b);

// The steps that derive `roots` in the propagator's current log, in order.
[[nodiscard]] std::vector<std::string> derivation_steps(const FactBase& base,
                                                        const FactGraph& graph,
                                                        const Propagator& propagator,
                                                        std::span<const EventId> roots);

}  // namespace cc
