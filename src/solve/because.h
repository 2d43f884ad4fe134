#pragma once
// Why the diagnosis doubts a unit and not another: what keeping it would mean instead, and
// which part of the cost decided (docs/ARCHITECTURE.md, "Which fact to doubt"). The words of
// a finding's `because`, apart from the search that finds the diagnosis (conflicts.cc).

#include <optional>
#include <string>
#include <vector>

#include "graph/fact_graph.h"
#include "model/fact.h"
#include "solve/diagnosis.h"

namespace cc {

// What keeping a doubted unit would mean: the units doubted instead; `complete` false when
// only a lower bound was found (the cheapest set hitting the conflicts known).
struct Alternative {
  std::vector<UnitId> units;
  bool complete = true;
};

// The relative width of a fact's value as written ("5%" is ±0.5 points on 5, coarser than
// "40%", whatever the claim's variable, 1 + c for a change, makes of it); 0 for a fact
// without a statement, nullopt (the least precise) for a one-sided bound.
[[nodiscard]] std::optional<Rational> written_width(const FactBase& base, const FactGraph& graph,
                                                    FactIndex f);
// Is `a` less precise as written than `b`?
[[nodiscard]] bool less_precise(const FactBase& base, const FactGraph& graph, FactIndex a,
                                FactIndex b);

// Why this unit and not another: what keeping it would mean instead, and which part of
// the cost decided (docs/ARCHITECTURE.md, "Which fact to doubt").
// `doubted` is the diagnosis (sorted), `alternative` the cheapest one that keeps `u`
// (nullopt: none can).
[[nodiscard]] std::string because(const FactBase& base, const FactGraph& graph, const Units& units,
                                  UnitId u, const std::vector<UnitId>& doubted,
                                  const std::optional<Alternative>& alternative);

}  // namespace cc
