// SolveOptions::component_solved, which the bench reads for each component's own time (the
// slowest component in bench/RESULTS.md): one call for each component that holds a fact,
// with its index, never for one without, whatever the number of threads; and the solve's
// result is the same with it as without.
#include "catch.h"

#include <cstdint>
#include <mutex>
#include <vector>

#include "solve/conflicts.h"
#include "solve/run_fingerprint.h"
#include "support/test_support.h"

using namespace cc;

TEST_CASE("component_solved is told once for each component with facts, with its own time",
          "[solve][bench]") {
  for (const auto& dir : test::fact_dirs()) {
    INFO(dir.string());
    const test::RunBase run(dir);
    const FactBase& base = run.base;
    const FactGraph& graph = run.graph;
    const auto& facts = run.facts;
    SolveOptions options;
    const SolveResult plain = solve(base, graph, options);
    for (const unsigned threads : {1U, 2U}) {
      INFO("threads " << threads);
      options.threads = threads;
      std::mutex mutex;
      std::vector<int> told(graph.components().size(), 0);
      bool negative = false;
      options.component_solved = [&](std::uint32_t c, double seconds) {
        const std::lock_guard lock(mutex);
        REQUIRE(c < told.size());
        ++told[c];
        if (seconds < 0) negative = true;
      };
      const SolveResult watched = solve(base, graph, options);
      CHECK_FALSE(negative);
      for (std::size_t c = 0; c < told.size(); ++c) {
        INFO("component " << c);
        CHECK(told[c] == (facts[c].empty() ? 0 : 1));
      }
      REQUIRE(watched.conflicts.size() == plain.conflicts.size());
      for (std::size_t i = 0; i < plain.conflicts.size(); ++i) {
        CHECK(watched.conflicts[i].facts == plain.conflicts[i].facts);
        CHECK(watched.conflicts[i].blame == plain.conflicts[i].blame);
      }
      CHECK(watched.set_aside == plain.set_aside);
    }
  }
}
