// A run given its facts as a mask and their constraints as seeds (solve/in_play.h) makes
// the same events, in the same order, with the same outcome, as a run that visits every
// constraint of the component to enable it: the solver's probes and traced runs rely on it
// to give the findings they gave before (report.json byte for byte). Checked on the seed
// fact base and every end-to-end case, for every component and many subsets of its facts.
#include "catch.h"

#include <algorithm>
#include <filesystem>
#include <random>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;
using test::fingerprint;

TEST_CASE("a run on a mask of facts makes the events a run enabling the component makes",
          "[solve][in_play]") {
  std::mt19937 random(13);
  std::size_t runs = 0;
  std::size_t contradictions = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    const ConstraintsOfFacts& of_facts = run.of_facts;
    const auto& facts = run.facts;
    std::vector<char>& mask = run.mask;
    Propagator cold(graph);
    Propagator warm(graph);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      const auto component = graph.components()[c];
      InPlay in_play(graph, of_facts, mask, component);
      for (int trial = 0; trial < 12; ++trial) {
        // All the facts, then ever smaller random subsets (as the shrinking probes take).
        std::vector<FactIndex> subset;
        for (const FactIndex f : facts[c])
          if (trial == 0 || random() % (trial + 1) == 0) subset.push_back(f);
        for (const Recording recording : {Recording::none, Recording::trace}) {
          const auto cold_outcome = cold.run(
              component,
              [&](FactIndex f) { return std::binary_search(subset.begin(), subset.end(), f); },
              recording);
          in_play.put(subset, true);
          const auto warm_outcome = trial % 2 == 0 ? in_play.run(warm, recording)
                                                   : in_play.run_among(warm, subset, recording);
          in_play.put(subset, false);
          CHECK(fingerprint(warm, warm_outcome, graph, component) ==
                fingerprint(cold, cold_outcome, graph, component));
          ++runs;
          if (cold_outcome.contradiction) ++contradictions;
        }
      }
    }
    CHECK(std::all_of(mask.begin(), mask.end(), [](char m) { return m == 0; }));
  }
  // What makes the comparison mean something: many runs, and contradictions among them.
  CHECK(runs > 1000);
  CHECK(contradictions > 50);
}

TEST_CASE("each fact's constraints are its statement's and record claims', in id order",
          "[solve][in_play]") {
  std::size_t listed = 0;
  std::size_t statements_only = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    // Every constraint that belongs to a fact, listed by a pass over all of them.
    std::vector<std::vector<ConstraintId>> expected(run.base.facts.size());
    for (ConstraintId c = 0; c < graph.constraints.size(); ++c)
      if (const auto& f = graph.constraints[c].fact) expected.at(*f).push_back(c);
    for (FactIndex f = 0; f < run.base.facts.size(); ++f) {
      INFO("fact " << f);
      const auto of = run.of_facts.of(f);
      CHECK(std::vector<ConstraintId>(of.begin(), of.end()) == expected[f]);
      if (expected[f].size() == 1 && graph.statement_of_fact(f) == expected[f][0])
        ++statements_only;
      else if (!expected[f].empty())
        ++listed;
    }
    // One component's facts, listed when it is solved, are those of the list of all.
    for (std::uint32_t c = 0; c < graph.components().size(); ++c)
      CHECK(facts_of_component(graph, c) == run.facts[c]);
  }
  CHECK(statements_only > 0);  // read from the graph
  CHECK(listed > 0);           // listed apart (a record claim's fact)
}
