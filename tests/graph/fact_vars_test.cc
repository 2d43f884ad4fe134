// The graph's variables by fact (graph/fact_graph.h, FactVars) and its arrays' capacity
// (docs/ARCHITECTURE.md, "Loading and the fact base in memory", "The graph"): a fact's
// variable is held in 4 bytes by fact, reads like the map it replaced (the first set
// stays, pairs in fact order), and the variables are reserved so that the build never
// copies them to a larger array.
#include "catch.h"

#include <utility>
#include <vector>

#include "graph/builder.h"
#include "graph/fact_graph.h"
#include "load/loader.h"
#include "rules/build.h"
#include "support/test_support.h"

using namespace cc;

TEST_CASE("a fact's variable: the first set stays, pairs in fact order", "[graph][memory]") {
  FactVars vars;
  CHECK(vars.begin() == vars.end());
  CHECK(vars.emplace(7, 3));
  CHECK_FALSE(vars.emplace(7, 4));  // as a map's emplace: the first stays
  CHECK(vars.emplace(2, 9));
  vars[5] = 1;
  CHECK(vars.var_of(7) == VarId{3});
  CHECK(vars.var_of(2) == VarId{9});
  CHECK(vars.var_of(5) == VarId{1});
  CHECK_FALSE(vars.var_of(3).has_value());
  CHECK_FALSE(vars.var_of(100).has_value());
  std::vector<std::pair<FactIndex, VarId>> pairs;
  for (const auto& [fact, var] : vars) pairs.emplace_back(fact, var);
  CHECK(pairs == std::vector<std::pair<FactIndex, VarId>>{{2, 9}, {5, 1}, {7, 3}});
}

TEST_CASE("the build never copies its variables to a larger array", "[graph][memory]") {
  for (const auto& dir : test::fact_dirs()) {
    INFO(dir.string());
    Diagnostics diagnostics;
    const FactBase base = load_fact_base(dir.string(), diagnostics);
    const FactGraph graph = build_graph(base);
    // Reserved at a variable a key, one a fact and a few more: still that capacity.
    CHECK(graph.vars.capacity() ==
          base.keys.key_count() + base.facts.size() + GraphBuilder::kSpareVars);
    for (FactIndex f = 0; f < base.facts.size(); ++f) {
      if (const auto var = graph.var_of_fact(f)) CHECK(*var < graph.vars.size());
    }
  }
}
