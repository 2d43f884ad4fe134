// The doubted facts' own runs go on from one run of the facts that stand, taken step by
// step (Propagator::begin, advance and go_on_from; docs/ARCHITECTURE.md, "Solving"): up to
// a doubted fact's first seed, its run from the start takes the same steps as a run
// without it. What that relies on, checked on the seed fact base and every end-to-end case:
// a run gone on from a paused run leaves every event (with its antecedents) and every
// interval a run from the start leaves, and a solve whose own runs go on from the stepped
// run reports what one whose own runs start afresh reports.
#include "catch.h"

#include <algorithm>
#include <random>

#include "solve/run_fingerprint.h"

using namespace cc;

using test::fact_dirs;

namespace {

// Where a run from the start would take `added`'s first seed: after how many of `seeds`
// (both in id order; the figures are queued before the claims).
std::size_t first_seed_at(const Propagator& p, std::span<const ConstraintId> seeds,
                          std::span<const ConstraintId> added) {
  std::vector<ConstraintId> figures;
  std::vector<ConstraintId> claims;
  for (const ConstraintId c : seeds) (p.figure(c) ? figures : claims).push_back(c);
  const auto figure =
      std::find_if(added.begin(), added.end(), [&](ConstraintId c) { return p.figure(c); });
  if (figure != added.end())
    return static_cast<std::size_t>(std::lower_bound(figures.begin(), figures.end(), *figure) -
                                    figures.begin());
  if (added.empty()) return seeds.size();
  return figures.size() +
         static_cast<std::size_t>(std::lower_bound(claims.begin(), claims.end(), added.front()) -
                                  claims.begin());
}

// What a user sees of a solve, each finding whole.
std::vector<std::string> findings(const SolveResult& result) {
  std::vector<std::string> out;
  const auto list = [](const std::vector<FactIndex>& facts) {
    std::string s;
    for (const FactIndex f : facts) s += std::to_string(f) + ",";
    return s;
  };
  out.push_back(list(result.set_aside));
  for (const MinimalConflict& c : result.conflicts) {
    out.push_back(list(c.facts) + "|" + std::to_string(c.blame) + "|" + list(c.restating) + "|" +
                  list(c.also_contradicts) + "|" + c.because + "|" +
                  (c.implied_for_blame ? to_string(*c.implied_for_blame) : "-") + "|" +
                  (c.slip ? c.slip->cause + " " + c.slip->corrected : "-"));
  }
  for (KeyId k = 0; k < result.implied.size(); ++k) out.push_back(to_string(result.implied[k]));
  return out;
}

}  // namespace

TEST_CASE("a run gone on from a paused run of fewer facts leaves what a run from the start does",
          "[solve][own-runs]") {
  std::mt19937 random(37);
  std::size_t compared = 0;
  std::size_t shared_steps = 0;
  std::size_t contradictions = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    const FactGraph& graph = run.graph;
    std::vector<char>& mask = run.mask;
    Propagator paused(graph);
    Propagator gone_on(graph);
    Propagator cold(graph);
    for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
      const auto component = graph.components()[c];
      const auto& facts = run.facts[c];
      if (facts.size() < 2) continue;
      bool statements = true;  // what go_on_from asks of the figures
      for (const ConstraintId k : component)
        if (graph.constraints[k].fact && paused.figure(k) &&
            graph.constraints[k].kind != ConstraintKind::statement)
          statements = false;
      REQUIRE(statements);
      InPlay in_play(graph, run.of_facts, mask, component);
      for (int trial = 0; trial < 6; ++trial) {
        // The facts that stand: most of the component; the ones added: one or two others.
        std::vector<FactIndex> standing;
        std::vector<FactIndex> added_facts;
        for (const FactIndex f : facts) {
          if (random() % 4 != 0)
            standing.push_back(f);
          else if (added_facts.size() < 2)
            added_facts.push_back(f);
        }
        if (added_facts.empty()) continue;
        std::vector<ConstraintId> seeds;
        in_play.constraints_of(standing, seeds);
        std::sort(seeds.begin(), seeds.end());
        std::vector<ConstraintId> added;
        in_play.constraints_of(added_facts, added);
        std::sort(added.begin(), added.end());
        added.erase(std::unique(added.begin(), added.end()), added.end());
        const std::size_t at = first_seed_at(paused, seeds, added);
        in_play.put(standing, true);
        paused.begin(seeds, mask);
        const auto before = paused.advance(component, at, mask);
        in_play.put(added_facts, true);
        if (!before.contradiction && !before.exhausted) {
          const auto outcome =
              gone_on.go_on_from(paused, seeds.size() - at, component, added, mask);
          const auto from_start = in_play.run(cold, Recording::trace);
          INFO("component " << c << ", trial " << trial);
          CHECK(test::fingerprint(gone_on, outcome, graph, component) ==
                test::fingerprint(cold, from_start, graph, component));
          ++compared;
          shared_steps += at;
          if (from_start.contradiction) ++contradictions;
        }
        in_play.put(standing, false);
        in_play.put(added_facts, false);
      }
    }
    CHECK(std::all_of(mask.begin(), mask.end(), [](char m) { return m == 0; }));
  }
  // What makes the comparison mean something: many runs, steps shared, contradictions met.
  CHECK(compared > 300);
  CHECK(shared_steps > 300);
  CHECK(contradictions > 30);
}

TEST_CASE("own runs gone on from the stepped run report what own runs from the start do",
          "[solve][own-runs]") {
  std::size_t stepped = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    SolveOptions options;
    options.threads = 1;
    options.step_own_runs = false;
    const SolveResult from_start = solve(run.base, run.graph, options);
    options.step_own_runs = true;
    const SolveResult gone_on = solve(run.base, run.graph, options);
    CHECK(findings(gone_on) == findings(from_start));
    CHECK(from_start.probes.stepped_own_runs == 0);
    stepped += gone_on.probes.stepped_own_runs;
  }
  CHECK(stepped > 10);
}
