// Going on from a traced run to other facts in play (Propagator::resume) meets a
// contradiction exactly when a run from the start on the same facts does: the diagnosis
// rounds and the alternatives' rounds go on from the main propagator's last run, and rely on
// it to find the diagnosis a run from the start finds. Checked on the seed fact base and
// every end-to-end case, for every component and chains of random subsets of its facts.
#include "catch.h"

#include <algorithm>
#include <filesystem>
#include <random>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;

TEST_CASE("going on from a run meets a contradiction exactly when a run from the start does",
          "[solve][resume]") {
  std::mt19937 random(29);
  std::size_t resumed = 0;
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
      std::vector<FactIndex> before;
      for (int step = 0; step < 8; ++step) {
        // Every fact, then each left out at random (as the diagnosis sets units aside and
        // an alternative brings them back).
        std::vector<FactIndex> now;
        for (const FactIndex f : facts[c])
          if (step == 0 || random() % 4 != 0) now.push_back(f);
        in_play.put(now, true);
        const bool go_on = step > 0 && warm.resumable();
        Propagator::Outcome outcome;
        if (go_on) {
          outcome = in_play.resume_from(warm, before, now);
        } else {
          outcome = in_play.run(warm, Recording::trace);
        }
        const auto from_start = in_play.run(cold, Recording::none);
        in_play.put(now, false);
        INFO("component " << c << ", step " << step);
        CHECK(outcome.contradiction.has_value() == from_start.contradiction.has_value());
        if (go_on) ++resumed;
        if (from_start.contradiction) ++contradictions;
        before = std::move(now);
      }
    }
    CHECK(std::all_of(mask.begin(), mask.end(), [](char m) { return m == 0; }));
  }
  // What makes the comparison mean something: many runs gone on from, contradictions among them.
  CHECK(resumed > 500);
  CHECK(contradictions > 50);
}
