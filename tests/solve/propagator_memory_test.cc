// What a propagator holds (docs/ARCHITECTURE.md, "Solving"): the propagators of a solve
// share one ConstraintFacts, each keeps one byte of flags a constraint and finds a
// variable's slot at its place among its component's variables (an array as long as the
// component, not the graph), and release() gives back what a run on a large component left
// allocated, so a thread solving small components after a large one does not keep the
// large one's arrays. A run after release() is the same as a run on a new propagator.
#include "catch.h"

#include <memory>
#include <set>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;
using test::fingerprint;

TEST_CASE("a propagator holds a byte a constraint, and release() frees its runs",
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
    const std::size_t fixed = graph.constraints.size();
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

TEST_CASE("a variable's place is unique within its component and counts from the constants",
          "[solve][memory]") {
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    const ConstraintFacts table(graph);
    std::uint32_t constants = 0;
    std::set<std::uint32_t> constant_places;
    for (VarId v = 0; v < graph.vars.size(); ++v) {
      if (graph.vars[v].kind != VarKind::constant) continue;
      ++constants;
      constant_places.insert(table.place_of(v));
    }
    CHECK(constant_places.size() == constants);
    for (const std::uint32_t place : constant_places) CHECK(place < constants);
    for (const auto component : graph.components()) {
      std::set<VarId> vars;
      for (const ConstraintId c : component)
        for (const VarId v : graph.constraints[c].vars)
          if (graph.vars[v].kind != VarKind::constant) vars.insert(v);
      std::set<std::uint32_t> places;
      for (const VarId v : vars) {
        places.insert(table.place_of(v));
        CHECK(table.place_of(v) >= constants);
        CHECK(table.place_of(v) < constants + vars.size());
      }
      CHECK(places.size() == vars.size());  // no two of a component's variables share one
    }
  }
}

TEST_CASE("a run on one component holds its places, and reads the others' variables as untouched",
          "[solve][memory]") {
  bool checked = false;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    if (graph.components().size() < 2) continue;
    const auto shared = std::make_shared<const ConstraintFacts>(graph);
    // Each component on a fresh propagator, then on one that ran on every component before.
    Propagator reused(graph, shared);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      const auto component = graph.components()[c];
      InPlay in_play(graph, run.of_facts, run.mask, component);
      in_play.put(run.facts[c], true);
      Propagator fresh(graph, shared);
      const auto expected = in_play.run(fresh, Recording::trace);
      const auto outcome = in_play.run(reused, Recording::trace);
      in_play.put(run.facts[c], false);
      CHECK(fingerprint(reused, outcome, graph, component) ==
            fingerprint(fresh, expected, graph, component));
      // A fresh propagator's array of slots by place is as long as its component's
      // variables with the constants (at most twice, as it grows), not the graph's.
      std::set<VarId> own;
      std::size_t constants = 0;
      for (VarId v = 0; v < graph.vars.size(); ++v)
        if (graph.vars[v].kind == VarKind::constant) ++constants;
      for (const ConstraintId k : component)
        for (const VarId v : graph.constraints[k].vars)
          if (graph.vars[v].kind != VarKind::constant) own.insert(v);
      CHECK(fresh.places() <= 2 * (constants + own.size()));
      if (2 * (constants + own.size()) < graph.vars.size()) checked = true;
      // A variable the run did not touch, in this component or another, reads as its
      // initial interval with no event, though its place may be another's slot.
      const std::set<VarId> touched(fresh.touched().begin(), fresh.touched().end());
      for (VarId v = 0; v < graph.vars.size(); ++v) {
        if (touched.count(v)) continue;
        CHECK(to_string(fresh.domain(v)) == to_string(Propagator::initial_domain(graph, v)));
        CHECK(fresh.lower_event(v) == kNoEvent);
        CHECK(fresh.upper_event(v) == kNoEvent);
        CHECK(to_string(reused.domain(v)) == to_string(Propagator::initial_domain(graph, v)));
      }
    }
  }
  CHECK(checked);
}
