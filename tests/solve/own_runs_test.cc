// The doubted facts' own runs go on from one run of the facts that stand, taken step by
// step (Propagator::begin, advance and go_on_from; docs/ARCHITECTURE.md, "Solving"): up to
// a doubted fact's first seed, its run from the start takes the same steps as a run
// without it. What that relies on, checked on the seed fact base and every end-to-end case:
// a run gone on from a paused run leaves every event (with its antecedents) and every
// interval a run from the start leaves; so does a run gone on later (go_on_later: a fact
// stating one quantity, added past statements of other quantities), its events renumbered;
// and a solve whose own runs go on from the stepped run reports what one whose own runs
// start afresh reports.
#include "catch.h"

#include <algorithm>
#include <functional>
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

// The propagators a comparison of runs takes on one graph: one paused (the run of the facts
// that stand, taken step by step), one gone on from it, one run from the start.
struct Runs {
  explicit Runs(const FactGraph& graph) : paused(graph), gone_on(graph), cold(graph) {}
  Propagator paused;
  Propagator gone_on;
  Propagator cold;
};

// Calls `body(run, runs, c, in_play)` for each component `c` of every test fact base that
// holds at least `min_facts` facts, and checks after each base that no fact is left in play.
template <class Body>
void for_each_component(std::size_t min_facts, Body&& body) {
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    Runs runs(run.graph);
    for (std::uint32_t c = 0; c < run.graph.components().size(); ++c) {
      if (run.facts[c].size() < min_facts) continue;
      InPlay in_play(run.graph, run.of_facts, run.mask, run.graph.components()[c]);
      body(run, runs, c, in_play);
    }
    CHECK(std::all_of(run.mask.begin(), run.mask.end(), [](char m) { return m == 0; }));
  }
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
  for_each_component(2, [&](test::RunBase& run, Runs& runs, std::uint32_t c, InPlay& in_play) {
    const FactGraph& graph = run.graph;
    std::vector<char>& mask = run.mask;
    Propagator& paused = runs.paused;
    Propagator& gone_on = runs.gone_on;
    Propagator& cold = runs.cold;
    const auto component = graph.components()[c];
    const auto& facts = run.facts[c];
    bool statements = true;  // what go_on_from asks of the figures
    for (const ConstraintId k : component)
      if (graph.constraints[k].fact && paused.figure(k) &&
          graph.constraints[k].kind != ConstraintKind::statement)
        statements = false;
    REQUIRE(statements);
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
        const auto outcome = gone_on.go_on_from(paused, seeds.size() - at, component, added, mask);
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
  });
  // What makes the comparison mean something: many runs, steps shared, contradictions met.
  CHECK(compared > 300);
  CHECK(shared_steps > 300);
  CHECK(contradictions > 30);
}

namespace {

// Each event of `p` as its variable, cause, ends set and antecedents, the ids renumbered by
// `id` (an event's place in the run it is compared with).
std::vector<std::string> events_renumbered(const Propagator& p,
                                           const std::function<EventId(EventId)>& id) {
  std::vector<std::string> out(p.events().size());
  for (EventId e = 0; e < p.events().size(); ++e) {
    const Event& event = p.events()[e];
    std::vector<EventId> antecedents;
    for (const EventId a : p.antecedents(event)) antecedents.push_back(id(a));
    std::sort(antecedents.begin(), antecedents.end());
    std::string text = std::to_string(event.var) + "/" + std::to_string(event.cause) +
                       (event.lower ? "l" : "") + (event.upper ? "u" : "") + "<";
    for (const EventId a : antecedents) text += std::to_string(a) + ",";
    const EventId at = id(e);
    if (at >= out.size()) return {};  // not a run of the same events
    out[at] = text + ">";
  }
  return out;
}

}  // namespace

TEST_CASE("a run gone on later, past statements of other quantities, leaves the same events",
          "[solve][own-runs]") {
  // go_on_later: a fact stating one quantity (and any claims beside) is added where the run of the
  // facts that stand has gone past its first seed, up to the first seed of theirs on that quantity.
  // Its events are those of a run from the start, but that its statement's event comes after the
  // steps between: renumbered so, every event, with its antecedents, must be the same, and so must
  // the contradiction and every interval.
  std::mt19937 random(41);
  std::size_t compared = 0;
  std::size_t queued_between = 0;
  std::size_t contradictions = 0;
  std::size_t with_claims = 0;  // compared where the fact has claims beside its figure
  for_each_component(3, [&](test::RunBase& run, Runs& runs, std::uint32_t c, InPlay& in_play) {
    const FactGraph& graph = run.graph;
    std::vector<char>& mask = run.mask;
    Propagator& paused = runs.paused;
    Propagator& gone_on = runs.gone_on;
    Propagator& cold = runs.cold;
    const auto component = graph.components()[c];
    const auto& facts = run.facts[c];
    for (int trial = 0; trial < 24; ++trial) {
      const FactIndex added_fact = facts[random() % facts.size()];
      std::vector<ConstraintId> added;
      in_play.constraints_of(std::vector<FactIndex>{added_fact}, added);
      std::sort(added.begin(), added.end());
      added.erase(std::unique(added.begin(), added.end()), added.end());
      // Its figures: statements of one quantity and value (its claims may be any).
      const auto later_var = gone_on.later_var(added);
      if (!later_var) continue;
      const bool claims = std::any_of(added.begin(), added.end(),
                                      [&](ConstraintId k) { return !paused.figure(k); });
      const VarId var = *later_var;
      std::vector<FactIndex> standing;
      for (const FactIndex f : facts)
        if (f != added_fact && random() % 5 != 0) standing.push_back(f);
      std::vector<ConstraintId> seeds;
      in_play.constraints_of(standing, seeds);
      std::sort(seeds.begin(), seeds.end());
      std::vector<ConstraintId> figures;
      for (const ConstraintId k : seeds)
        if (paused.figure(k)) figures.push_back(k);
      const std::size_t at = first_seed_at(paused, seeds, added);
      std::size_t later = at;
      while (later < figures.size() && graph.constraints[figures[later]].vars[0] != var) ++later;
      if (later == at) continue;  // go_on_from's case
      in_play.put(standing, true);
      paused.begin(seeds, mask);
      const auto to_first = paused.advance(component, at, mask);
      const std::size_t queued = paused.queued_so_far();
      const auto first_events = static_cast<EventId>(paused.events().size());
      const auto to_later = paused.advance(component, later - at, mask);
      const auto later_events = static_cast<EventId>(paused.events().size());
      in_play.put(added_fact, true);
      if (!to_first.contradiction && !to_later.contradiction && !to_first.exhausted &&
          !to_later.exhausted) {
        if (paused.queued_so_far() > queued) ++queued_between;
        const auto outcome =
            gone_on.go_on_later(paused, seeds.size() - later, queued, component, added, mask);
        const auto from_start = in_play.run(cold, Recording::trace);
        INFO("component " << c << ", trial " << trial);
        // The added statement made an event (at most one: one value) where the steps
        // between made theirs.
        const EventId own = gone_on.events().size() > later_events &&
                                    std::find(added.begin(), added.end(),
                                              gone_on.events()[later_events].cause) != added.end()
                                ? 1
                                : 0;
        const auto renumber = [&](EventId e) -> EventId {
          if (e == kNoEvent || e < first_events) return e;
          if (e < later_events) return e + own;
          if (e < later_events + own) return e - (later_events - first_events);
          return e;
        };
        REQUIRE(outcome.contradiction.has_value() == from_start.contradiction.has_value());
        CHECK(outcome.exhausted == from_start.exhausted);
        if (outcome.contradiction) {
          ++contradictions;
          CHECK(outcome.contradiction->var == from_start.contradiction->var);
          CHECK(renumber(outcome.contradiction->lower) == from_start.contradiction->lower);
          CHECK(renumber(outcome.contradiction->upper) == from_start.contradiction->upper);
        }
        const bool at_the_statement =
            outcome.contradiction && gone_on.events().size() == later_events + own;
        if (at_the_statement) {
          // Met at the added statement: the run from the start stopped before the steps
          // between; the events it made are the same.
          CHECK(from_start.contradiction->lower < first_events + own);
          CHECK(from_start.contradiction->upper < first_events + own);
        } else {
          CHECK(events_renumbered(gone_on, renumber) ==
                events_renumbered(cold, [](EventId e) { return e; }));
          for (const ConstraintId k : component)
            for (const VarId v : graph.constraints[k].vars)
              CHECK(to_string(gone_on.domain(v)) == to_string(cold.domain(v)));
        }
        ++compared;
        if (claims) ++with_claims;
      }
      in_play.put(standing, false);
      in_play.put(added_fact, false);
    }
  });
  // Many runs, steps between that queued constraints, contradictions met, claims added.
  CHECK(with_claims > 20);
  CHECK(compared > 400);
  CHECK(queued_between > 200);
  CHECK(contradictions > 150);
}

TEST_CASE("own runs gone on from the stepped run report what own runs from the start do",
          "[solve][own-runs]") {
  std::size_t stepped = 0;
  std::size_t later = 0;
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
    later += gone_on.probes.own_runs_gone_on_later;
  }
  CHECK(stepped > 10);
  // The cases' doubted facts seldom have a later statement of their quantity standing (the
  // test above compares go_on_later's runs one by one); at least one goes on later here.
  CHECK(later > 0);
}
