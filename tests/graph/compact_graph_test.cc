// The fact graph held compactly (docs/ARCHITECTURE.md, "Loading and the fact base in
// memory", "The graph"): a constraint and a variable in 32 bytes each, their variable
// lists inline up to three, each distinct statement interval kept once, and the components
// in one array. What the solver reads must not change: the lists read as they were
// written, each statement reads its fact's value, and the components are those of the
// factor graph over variables and constraints.
#include "catch.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

#include "graph/fact_graph.h"
#include "load/loader.h"
#include "rules/build.h"
#include "rules/time_units.h"
#include "support/test_support.h"

using namespace cc;

// Held once a constraint (1.7 a fact on the bench) and once a variable: a field added must
// find room in them.
static_assert(sizeof(Constraint) <= 32);
static_assert(sizeof(Variable) <= 32);
static_assert(sizeof(VarList) == 16);
static_assert(sizeof(OptionalFact) == sizeof(FactIndex));

namespace {

std::vector<VarId> as_vector(const VarList& list) {
  return {list.begin(), list.end()};
}

// The components as union-find over variables and constraints found them before (a
// constraint joined to each variable it binds but constants), numbered by first
// constraint: the reference the graph's own must equal.
std::vector<std::vector<ConstraintId>> reference_components(const FactGraph& graph) {
  const std::size_t vars = graph.vars.size();
  std::vector<std::size_t> parent(vars + graph.constraints.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    for (const VarId v : graph.constraints[c].vars) {
      if (graph.vars[v].kind != VarKind::constant) parent[find(v)] = find(vars + c);
    }
  }
  std::vector<std::optional<std::size_t>> number(parent.size());
  std::vector<std::vector<ConstraintId>> out;
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    auto& slot = number[find(vars + c)];
    if (!slot) {
      slot = out.size();
      out.emplace_back();
    }
    out[*slot].push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("a variable list reads as written, inline or on the heap", "[graph][memory]") {
  VarList list;
  std::vector<VarId> expected;
  for (VarId v = 0; v < 40; ++v) {
    list.push_back(100 + v);
    expected.push_back(100 + v);
    REQUIRE(as_vector(list) == expected);
    const VarList copy = list;
    CHECK(copy == list);
    CHECK(as_vector(VarList(expected)) == expected);
  }
  VarList moved = std::move(list);
  CHECK(as_vector(moved) == expected);
  CHECK(list.empty());  // NOLINT(bugprone-use-after-move): a moved-from list is empty
  VarList small{1, 2};
  small = moved;
  CHECK(as_vector(small) == expected);
  moved = VarList{7, 8, 9};
  CHECK(as_vector(moved) == std::vector<VarId>{7, 8, 9});
  CHECK(moved.front() == 7);
  CHECK(moved.back() == 9);
  moved.insert(moved.end(), expected.begin(), expected.begin() + 2);
  CHECK(as_vector(moved) == std::vector<VarId>{7, 8, 9, 100, 101});
}

TEST_CASE("a fact index optional in four bytes reads like std::optional", "[graph][memory]") {
  OptionalFact fact;
  CHECK_FALSE(fact);
  CHECK_FALSE(static_cast<std::optional<FactIndex>>(fact).has_value());
  CHECK(fact.value_or(5) == 5);
  CHECK_THROWS_AS(fact.value(), std::bad_optional_access);
  fact = 0;
  REQUIRE(fact);
  CHECK(*fact == 0);
  fact = std::optional<FactIndex>(42);
  CHECK(*fact == 42);
  CHECK(static_cast<std::optional<FactIndex>>(fact) == std::optional<FactIndex>(42));
  fact = std::nullopt;
  CHECK_FALSE(fact.has_value());
}

TEST_CASE("statements read their facts' values, each distinct interval kept once",
          "[graph][memory]") {
  for (const auto& dir : test::fact_dirs()) {
    INFO(dir.string());
    Diagnostics diagnostics;
    const FactBase base = load_fact_base(dir.string(), diagnostics);
    const FactGraph graph = build_graph(base);
    std::size_t repeated = 0;
    for (std::size_t i = 0; i < graph.values.size(); ++i) {
      for (std::size_t j = i + 1; j < graph.values.size(); ++j)
        if (graph.values[i] == graph.values[j]) ++repeated;
    }
    CHECK(repeated == 0);
    std::size_t statements = 0;
    for (FactIndex f = 0; f < base.facts.size(); ++f) {
      const auto s = graph.statement_of_fact(f);
      if (!s) continue;
      ++statements;
      CHECK(graph.value_of(graph.constraints[*s]) == value_in_var_terms(base.facts[f]));
      CHECK(graph.constraints[*s].fact == OptionalFact(f));
    }
    std::size_t with_value = 0;  // statements, and the records' bounds
    for (const Constraint& c : graph.constraints) with_value += c.value != kNoValue ? 1 : 0;
    CHECK(statements > 0);
    CHECK(graph.values.size() <= with_value);
  }
}

TEST_CASE("the components are the factor graph's, in one array", "[graph][memory]") {
  for (const auto& dir : test::fact_dirs()) {
    INFO(dir.string());
    Diagnostics diagnostics;
    const FactBase base = load_fact_base(dir.string(), diagnostics);
    const FactGraph graph = build_graph(base);
    const auto expected = reference_components(graph);
    REQUIRE(graph.components().size() == expected.size());
    std::size_t i = 0;
    for (const auto component : graph.components()) {
      CHECK(std::vector<ConstraintId>(component.begin(), component.end()) == expected[i]);
      for (const ConstraintId c : component) CHECK(graph.component_of_constraint(c) == i);
      ++i;
    }
    CHECK(i == expected.size());
  }
}
