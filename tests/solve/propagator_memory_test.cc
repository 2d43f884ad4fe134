// What a propagator holds (docs/ARCHITECTURE.md, "Solving"): the propagators of a solve
// share one ConstraintFacts, each keeps one byte of flags a constraint and one slot index a
// variable, and release() gives back what a run on a large component left allocated, so a
// thread solving small components after a large one does not keep the large one's arrays.
// A run after release() is the same as a run on a new propagator.
#include "catch.h"

#include <memory>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;
using test::fingerprint;

TEST_CASE("a propagator holds 5 bytes a variable and a constraint, and release() frees its runs",
          "[solve][memory]") {
  std::size_t released = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    const auto shared = std::make_shared<const ConstraintFacts>(graph);
    Propagator kept(graph, shared);
    Propagator freed(graph, shared);
    CHECK(shared.use_count() == 3);  // one table for both, not a copy each
    const std::size_t fixed = graph.vars.size() * 4 + graph.constraints.size();
    CHECK(kept.run_bytes() == 0);
    CHECK(kept.bytes_held() == fixed);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      const auto component = graph.components()[c];
      InPlay in_play(graph, run.of_facts, run.mask, component);
      in_play.put(run.facts[c], true);
      const auto expected = in_play.run(kept, Recording::trace);
      const auto outcome = in_play.run(freed, Recording::trace);
      CHECK(fingerprint(freed, outcome, graph, component) ==
            fingerprint(kept, expected, graph, component));
      in_play.put(run.facts[c], false);
      if (freed.run_bytes() > 0) ++released;
      freed.release();
      CHECK(freed.run_bytes() == 0);
      CHECK(freed.bytes_held() == fixed);
      CHECK(freed.events().empty());
    }
    CHECK(kept.bytes_held() > fixed);  // its runs' arrays stay for the next run
  }
  CHECK(released > 0);  // the runs did allocate, so release() had something to free
}
