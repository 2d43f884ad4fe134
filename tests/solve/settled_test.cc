// A statement applied once in a run is not queued again (solve/propagate.h,
// `settle_statements`): applied again it could narrow nothing, so a run makes the same
// events, in the same order, with the same outcome and domains, as a run that queues it
// again. Checked on the seed fact base and every end-to-end case, for every component,
// subsets of its facts, traced and untraced, and with a statement read as another value
// (as the slip probes do).
#include "catch.h"

#include <algorithm>
#include <filesystem>
#include <random>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;
using test::fingerprint;

TEST_CASE("a statement not queued again once applied leaves every run as it was",
          "[solve][settled]") {
  std::mt19937 random(29);
  std::size_t runs = 0;
  std::size_t contradictions = 0;
  std::size_t overridden = 0;
  std::size_t not_requeued = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    const ConstraintsOfFacts& of_facts = run.of_facts;
    const auto& facts = run.facts;
    std::vector<char>& mask = run.mask;
    Propagator requeue(graph);
    requeue.settle_statements(false);
    Propagator settle(graph);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      const auto component = graph.components()[c];
      InPlay in_play(graph, of_facts, mask, component);
      std::vector<ConstraintId> statements;
      for (const ConstraintId k : component)
        if (graph.constraints[k].kind == ConstraintKind::statement && graph.constraints[k].fact)
          statements.push_back(k);
      for (int trial = 0; trial < 8; ++trial) {
        std::vector<FactIndex> subset;
        for (const FactIndex f : facts[c])
          if (trial == 0 || random() % (trial + 1) == 0) subset.push_back(f);
        // Odd trials read one statement as ten times its value (a scale slip).
        std::optional<std::pair<ConstraintId, Interval>> override;
        if (trial % 2 == 1 && !statements.empty()) {
          const ConstraintId s = statements[random() % statements.size()];
          override = std::pair(s, graph.value_of(graph.constraints[s]) * Interval::point(10));
        }
        for (const Recording recording : {Recording::none, Recording::trace, Recording::full}) {
          for (Propagator* p : {&requeue, &settle}) {
            if (override) p->override_statement(override->first, override->second);
          }
          in_play.put(subset, true);
          const auto requeue_outcome = in_play.run(requeue, recording);
          const auto settle_outcome = in_play.run(settle, recording);
          in_play.put(subset, false);
          requeue.clear_override();
          settle.clear_override();
          CHECK(fingerprint(settle, settle_outcome, graph, component, test::WithDetails::yes) ==
                fingerprint(requeue, requeue_outcome, graph, component, test::WithDetails::yes));
          ++runs;
          if (requeue_outcome.contradiction) ++contradictions;
          if (override) ++overridden;
        }
      }
    }
    not_requeued += settle.statements_not_requeued();
    CHECK(requeue.statements_not_requeued() == 0);
  }
  // What makes the comparison mean something: many runs, contradictions and overrides
  // among them, and statements that were not queued again.
  CHECK(runs > 1000);
  CHECK(contradictions > 50);
  CHECK(overridden > 100);
  CHECK(not_requeued > 200);
}
