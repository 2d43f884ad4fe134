// SolveOptions::slips: a solve without the slip checks (check --draft's rest, whose
// findings' ids alone are read) finds the same contradictions, doubts the same facts and
// sets the same facts aside; only the likely cause (MinimalConflict::slip) is left unset.
#include "catch.h"
#include "solve/run_fingerprint.h"

using namespace cc;

TEST_CASE("a solve without the slip checks finds what one with them does, but the slips",
          "[solve][slips]") {
  std::size_t slips = 0;
  std::size_t conflicts = 0;
  for (const auto& dir : test::fact_dirs()) {
    INFO(dir.string());
    test::RunBase run(dir);
    SolveOptions options;
    const SolveResult with = solve(run.base, run.graph, options);
    options.slips = false;
    const SolveResult without = solve(run.base, run.graph, options);
    CHECK(with.set_aside == without.set_aside);
    CHECK(with.exhausted == without.exhausted);
    CHECK(with.truncated == without.truncated);
    CHECK(with.bounded == without.bounded);
    REQUIRE(with.implied.size() == without.implied.size());
    for (std::size_t k = 0; k < with.implied.size(); ++k)
      CHECK(with.implied[k] == without.implied[k]);
    REQUIRE(with.conflicts.size() == without.conflicts.size());
    for (std::size_t i = 0; i < with.conflicts.size(); ++i) {
      const MinimalConflict& a = with.conflicts[i];
      const MinimalConflict& b = without.conflicts[i];
      CHECK(a.facts == b.facts);
      CHECK(a.blame == b.blame);
      CHECK(a.restating == b.restating);
      CHECK(a.also_contradicts == b.also_contradicts);
      CHECK(a.component == b.component);
      CHECK(a.revision == b.revision);
      CHECK(a.because == b.because);
      CHECK_FALSE(b.slip);
      if (a.slip) ++slips;
      ++conflicts;
    }
  }
  CHECK(conflicts > 30);
  CHECK(slips > 5);  // the diagnosis cases' slips: what the option leaves out
}
