#pragma once
// The words of explanations that rules, explanations, checks and reports share: lists,
// and how a quantity of the graph and its interval read.

#include <string>
#include <vector>

#include "graph/fact_graph.h"

namespace cc {

// "a", "a and b", "a, b and c"
[[nodiscard]] std::string join_words(const std::vector<std::string>& words);

// How a variable reads for people: a key as "offences · UK · 2017-18", a change as
// "the change from … to …", a share as "the share of … in …".
[[nodiscard]] std::string describe_quantity(const FactBase& base, const FactGraph& graph,
                                            VarId var);

// A variable's interval as its kind is read: a change as "(1 + 88.5%…89.5%)", a share
// as "47%…48%", a count as "3,727…3,746".
[[nodiscard]] std::string describe_value(const FactBase& base, const FactGraph& graph, VarId var,
                                         const Interval& interval);

}  // namespace cc
