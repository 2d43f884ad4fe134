#pragma once
// explain: turns each minimal conflict into a finding: its rule, its message, the steps
// of the arithmetic in words, the gap and the severity.

#include <string>
#include <vector>

#include "explain/finding.h"
#include "solve/conflicts.h"

namespace cc {

[[nodiscard]] Finding explain_conflict(const FactBase& base, const FactGraph& graph,
                                       Propagator& propagator, const MinimalConflict& conflict);

// How a variable reads for people: a key as "offences · UK · 2017-18", a change as
// "the change from … to …", a share as "the share of … in …".
[[nodiscard]] std::string describe_quantity(const FactBase& base, const FactGraph& graph,
                                            VarId var);

// A variable's interval as its kind is read: a change as "(1 + 88.5%…89.5%)", a share
// as "47%…48%", a count as "3,727…3,746".
[[nodiscard]] std::string describe_value(const FactBase& base, const FactGraph& graph, VarId var,
                                         const Interval& interval);

// The relative gap between two disjoint intervals: the distance between them divided
// by the nearer end of the lower one; 0 when they overlap; nullopt when that end is 0.
[[nodiscard]] std::optional<Rational> relative_gap(const Interval& a, const Interval& b);

// The steps that derive `roots` in the propagator's current log, in order.
[[nodiscard]] std::vector<std::string> derivation_steps(const FactBase& base,
                                                        const FactGraph& graph,
                                                        const Propagator& propagator,
                                                        std::span<const EventId> roots);

}  // namespace cc
