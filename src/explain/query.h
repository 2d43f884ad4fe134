#pragma once
// The quantity query behind `crosscheck explain`: for one quantity (a key, or the quantity
// of a fact), who states it, what each claim naming it implies with the other such claims
// left out, what everything still in play forces on it, and which findings set facts
// aside in its part of the graph. The command only prints what this returns.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "explain/finding.h"
#include "graph/fact_graph.h"

namespace cc {

// What `explain` was asked about: a fact, or a key.
struct QueryTarget {
  std::optional<FactIndex> fact;
  std::optional<KeyId> key;
};

// Reads TARGET: a fact ref ("source/fact"), else a one-line key ("cases · Land · 2017-18",
// read by the loader's key reader). A key no fact names is interned into `base`, so that
// its quantity joins the graph built afterwards. Else the message saying what is wrong.
[[nodiscard]] std::variant<QueryTarget, std::string> read_query_target(FactBase& base,
                                                                       std::string_view text);

// The variable of the target in `graph`, or nullopt when it names none.
[[nodiscard]] std::optional<VarId> query_var(const FactGraph& graph, const QueryTarget& target);

// What a propagation implies for the quantity, with the steps that derive it.
struct Implied {
  Interval interval;  // empty when the facts in play contradict each other
  std::vector<std::string> steps;
};

struct QuantityAnswer {
  VarId var = 0;
  std::uint32_t component = 0;
  struct Statement {
    FactIndex fact = 0;
    bool set_aside = false;  // set aside by a finding
  };
  std::vector<Statement> stated_by;  // in fact order
  // When two or more claims take the quantity as an operand: what each implies with the
  // others (and the facts stating the quantity, and those set aside) left out.
  struct Chain {
    FactIndex claim = 0;
    Implied implied;
  };
  std::vector<Chain> chains;
  Implied everything;  // every fact but those set aside by findings
  // Facts of this component set aside, with the finding that did it (in findings order).
  struct SetAside {
    FactIndex fact = 0;
    const Finding* finding = nullptr;
  };
  std::vector<SetAside> set_aside;
};

// Answers for `var`, given the graph, findings and set-aside facts of a check.
[[nodiscard]] QuantityAnswer query_quantity(const FactBase& base, const FactGraph& graph,
                                            std::span<const Finding> findings,
                                            std::span<const FactIndex> set_aside, VarId var);

}  // namespace cc
