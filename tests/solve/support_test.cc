// Shrinking on a contradiction's own support (docs/ARCHITECTURE.md, "Solving"): the probes of
// a shrink run only on the constraints its derivation went through (and the constraints of
// its facts), so a probe costs what the support holds. What it relies on, checked on the
// seed fact base and every end-to-end case: a set that contradicts on the support
// contradicts on the component; a set shrunk there is minimal on the support; the solve
// doubts and shows the same facts as a solve whose shrinks run on the component; and a
// support that is not enough sends the shrink back to the component.
#include "catch.h"

#include <algorithm>
#include <random>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;

namespace {

// The facts and the support of a traced run's contradiction, as the solver takes them.
struct Behind {
  std::vector<FactIndex> facts;
  std::vector<ConstraintId> support;
};

Behind behind(const Propagator& run, const Contradiction& contradiction, const FactGraph& graph,
              const InPlay& in_play) {
  const EventId roots[] = {contradiction.lower, contradiction.upper};
  Behind out;
  for (const EventId e : run.derivation(roots)) {
    const ConstraintId cause = run.events()[e].cause;
    out.support.push_back(cause);
    if (const auto& f = graph.constraints[cause].fact) out.facts.push_back(*f);
  }
  std::sort(out.facts.begin(), out.facts.end());
  out.facts.erase(std::unique(out.facts.begin(), out.facts.end()), out.facts.end());
  in_play.constraints_of(out.facts, out.support);
  std::sort(out.support.begin(), out.support.end());
  out.support.erase(std::unique(out.support.begin(), out.support.end()), out.support.end());
  return out;
}

// What a user sees of a solve: the facts set aside, and each finding's facts, doubted fact
// and copies.
std::vector<std::vector<FactIndex>> findings(const SolveResult& result) {
  std::vector<std::vector<FactIndex>> out{result.set_aside};
  for (const MinimalConflict& conflict : result.conflicts) {
    out.push_back(conflict.facts);
    out.push_back({conflict.blame});
    out.push_back(conflict.restating);
  }
  return out;
}

}  // namespace

TEST_CASE("a set shrunk on its contradiction's support contradicts on the component",
          "[solve][support]") {
  std::mt19937 random(31);
  std::size_t shrunk = 0;
  std::size_t removed = 0;
  std::size_t support_visits = 0;
  std::size_t component_visits = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    Propagator traced(graph);
    Propagator probe(graph);
    Propagator whole(graph);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      InPlay in_play(graph, run.of_facts, run.mask, graph.components()[c]);
      for (int step = 0; step < 4; ++step) {
        // Every fact, then random three quarters of them (as the diagnosis sets units aside).
        std::vector<FactIndex> now;
        for (const FactIndex f : run.facts[c])
          if (step == 0 || random() % 4 != 0) now.push_back(f);
        in_play.put(now, true);
        const auto outcome = in_play.run(traced, Recording::trace);
        in_play.put(now, false);
        if (!outcome.contradiction) continue;
        INFO("component " << c << ", step " << step);
        const Behind b = behind(traced, *outcome.contradiction, graph, in_play);
        in_play.put(b.facts, true);
        probe.restrict_to(b.support);
        // All the facts together contradict on the support.
        REQUIRE(in_play.run_among(probe, b.facts, Recording::none).contradiction);
        // Deletion filtering on the support, with each probe's cost beside the same probe
        // on the component.
        for (const FactIndex f : b.facts) {
          in_play.put(f, false);
          const std::size_t before = probe.visits();
          const bool on_support =
              in_play.run_among(probe, b.facts, Recording::none).contradiction.has_value();
          support_visits += probe.visits() - before;
          const std::size_t whole_before = whole.visits();
          const bool on_component =
              in_play.run_among(whole, b.facts, Recording::none).contradiction.has_value();
          component_visits += whole.visits() - whole_before;
          // A contradiction on the support is one on the component.
          if (on_support) CHECK(on_component);
          if (!on_support) in_play.put(f, true);
        }
        std::vector<FactIndex> kept;
        for (const FactIndex f : b.facts)
          if (in_play.in(f)) kept.push_back(f);
        removed += b.facts.size() - kept.size();
        // What is kept contradicts on the component ...
        CHECK(in_play.run_among(whole, b.facts, Recording::none).contradiction);
        // ... and is minimal on the support: without any one of its facts, no contradiction.
        for (const FactIndex f : kept) {
          in_play.put(f, false);
          CHECK_FALSE(in_play.run_among(probe, b.facts, Recording::none).contradiction);
          in_play.put(f, true);
        }
        probe.clear_restriction();
        in_play.put(b.facts, false);
        ++shrunk;
      }
    }
    CHECK(std::all_of(run.mask.begin(), run.mask.end(), [](char m) { return m == 0; }));
  }
  // What makes the checks mean something: many contradictions, facts shrunk away, and the
  // support costing less than the component.
  CHECK(shrunk > 50);
  CHECK(removed > 10);
  CHECK(support_visits < component_visits);
}

TEST_CASE("a run restricted to a support leaves out the constraints outside it",
          "[solve][support]") {
  // The first contradiction of each component: its support without the constraints that
  // belong to no fact (the sums, quotients, ... it went through) is not enough when it
  // went through one; cleared, the run is the component's again.
  std::size_t not_enough = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    Propagator traced(graph);
    Propagator probe(graph);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      InPlay in_play(graph, run.of_facts, run.mask, graph.components()[c]);
      in_play.put(run.facts[c], true);
      const auto outcome = in_play.run(traced, Recording::trace);
      in_play.put(run.facts[c], false);
      if (!outcome.contradiction) continue;
      Behind b = behind(traced, *outcome.contradiction, graph, in_play);
      const auto without_fact = [&](ConstraintId k) { return !graph.constraints[k].fact; };
      if (std::none_of(b.support.begin(), b.support.end(), without_fact)) continue;
      std::erase_if(b.support, without_fact);
      in_play.put(b.facts, true);
      probe.restrict_to(b.support);
      const bool thinned =
          in_play.run_among(probe, b.facts, Recording::none).contradiction.has_value();
      probe.clear_restriction();
      const bool cleared =
          in_play.run_among(probe, b.facts, Recording::none).contradiction.has_value();
      in_play.put(b.facts, false);
      CHECK(cleared);
      if (!thinned) ++not_enough;
    }
  }
  CHECK(not_enough > 20);
}

TEST_CASE("shrinking on the support doubts and shows the facts a shrink on the component does",
          "[solve][support]") {
  std::size_t on_support_shrinks = 0;
  std::size_t support_probes = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    SolveOptions options;
    options.threads = 1;
    const SolveResult on_support = solve(run.base, run.graph, options);
    // Every support the whole component: the probes are the component's.
    options.adjust_support = [&](std::vector<ConstraintId>& support) {
      const auto component = run.graph.components()[run.graph.component_of_constraint(support[0])];
      support.assign(component.begin(), component.end());
    };
    const SolveResult on_component = solve(run.base, run.graph, options);
    // Every support emptied: none is enough, each shrink goes back to the component.
    options.adjust_support = [](std::vector<ConstraintId>& support) { support.clear(); };
    const SolveResult fallen_back = solve(run.base, run.graph, options);
    CHECK(findings(on_support) == findings(on_component));
    CHECK(findings(fallen_back) == findings(on_component));
    REQUIRE(fallen_back.conflicts.size() == on_component.conflicts.size());
    for (std::size_t i = 0; i < on_component.conflicts.size(); ++i)
      CHECK(fallen_back.conflicts[i].because == on_component.conflicts[i].because);
    CHECK(on_support.probes.support_not_enough == 0);
    CHECK(fallen_back.probes.shrinks == on_support.probes.shrinks);
    CHECK(fallen_back.probes.support_not_enough ==
          fallen_back.probes.shrinks - fallen_back.probes.component_shrinks);
    CHECK(fallen_back.probes.support_probes == fallen_back.probes.support_not_enough);
    on_support_shrinks += on_support.probes.shrinks - on_support.probes.component_shrinks;
    support_probes += on_support.probes.support_probes;
  }
  // What makes the comparison mean something: many shrinks on a support, their probes there.
  CHECK(on_support_shrinks > 100);
  CHECK(support_probes > 300);
}
