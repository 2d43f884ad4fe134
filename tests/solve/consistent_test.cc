// A shrinking probe whose facts all lie within a set that a run of the main propagator
// found consistent (the facts that stand once the diagnosis loop ends, or those an
// alternative keeps) takes that verdict without running (docs/ARCHITECTURE.md, "Solving"):
// a run on fewer facts narrows no more, on the component or on a part of its constraints.
// What that relies on, checked on the seed fact base and every end-to-end case: with the
// facts a solve sets aside left out, each component is consistent, and so is every subset
// of what stands, run on the whole component and restricted to part of it. (That the
// solve's findings are unchanged is the end-to-end cases' and tools/snapshot.sh's.)
#include "catch.h"

#include <algorithm>
#include <random>
#include <unordered_set>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;

TEST_CASE("every subset of the facts that stand is consistent, on the component or a part",
          "[solve][consistent]") {
  std::mt19937 random(41);
  std::size_t subsets = 0;
  std::size_t beside_doubts = 0;  // components where facts were set aside
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    SolveOptions options;
    options.threads = 1;
    const SolveResult solved = solve(run.base, graph, options);
    const std::unordered_set<FactIndex> aside(solved.set_aside.begin(), solved.set_aside.end());
    std::unordered_set<std::uint32_t> cut(solved.exhausted.begin(), solved.exhausted.end());
    cut.insert(solved.truncated.begin(), solved.truncated.end());
    Propagator propagator(graph);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      if (run.facts[c].empty() || cut.count(c)) continue;
      const auto component = graph.components()[c];
      InPlay in_play(graph, run.of_facts, run.mask, component);
      std::vector<FactIndex> standing;
      for (const FactIndex f : run.facts[c])
        if (!aside.count(f)) standing.push_back(f);
      if (standing.size() != run.facts[c].size()) ++beside_doubts;
      INFO("component " << c);
      in_play.put(standing, true);
      const auto all = in_play.run(propagator, Recording::none);
      in_play.put(standing, false);
      CHECK(!all.contradiction);
      CHECK(!all.exhausted);
      for (int trial = 0; trial < 6; ++trial) {
        std::vector<FactIndex> subset;
        std::bernoulli_distribution keep(0.2 + 0.15 * trial);
        for (const FactIndex f : standing)
          if (keep(random)) subset.push_back(f);
        // Half the trials restricted to a random part of the component's constraints.
        std::vector<ConstraintId> part;
        if (trial % 2 == 1) {
          std::bernoulli_distribution take(0.6);
          for (const ConstraintId k : component)
            if (take(random)) part.push_back(k);
          propagator.restrict_to(part);
        }
        in_play.put(subset, true);
        const auto outcome = in_play.run_among(propagator, subset, Recording::none);
        in_play.put(subset, false);
        if (trial % 2 == 1) propagator.clear_restriction();
        INFO("trial " << trial);
        CHECK(!outcome.contradiction);
        ++subsets;
      }
    }
    CHECK(std::all_of(run.mask.begin(), run.mask.end(), [](char m) { return m == 0; }));
  }
  // What makes the check mean something: many subsets, beside facts set aside.
  CHECK(subsets > 300);
  CHECK(beside_doubts > 20);
}
