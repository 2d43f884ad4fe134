// Minimal conflict sets on hand-built graphs. These pin TODAY's blame logic, which a
// diagnosis engine is about to replace: each test names the one behaviour it pins, so the
// replacement can keep it or drop it on purpose.
#include "catch.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "solve/conflicts.h"
#include "solve/graph_builder.h"

using namespace cc;
using namespace cc::test;

namespace {

// Are `facts` consistent together (every other fact out of play)?
bool consistent(const HandGraph& b, const std::vector<FactIndex>& facts) {
  const std::set<FactIndex> in(facts.begin(), facts.end());
  Propagator p(b.graph);
  for (const auto& component : b.graph.components()) {
    const auto outcome = p.run(
        component, [&](FactIndex f) { return in.count(f) > 0; }, Recording::none);
    if (outcome.contradiction) return false;
  }
  return true;
}

std::vector<std::string> refs(const HandGraph& b, const std::vector<FactIndex>& facts) {
  std::vector<std::string> out;
  for (const FactIndex f : facts) out.push_back(b.base.ref(f));
  return out;
}

}  // namespace

// --- the blame order (more_to_blame) ------------------------------------------------------

TEST_CASE("blame order: an unbounded hedge before a rounded figure before an exact one",
          "[solve][blame]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId x = b.quantity();
  const FactIndex hedge = b.fact(s, "hedge");
  const FactIndex rounded = b.fact(s, "rounded");
  const FactIndex wider = b.fact(s, "wider");
  const FactIndex exact = b.fact(s, "exact");
  b.state(hedge, x, more_than(10));      // unbounded: the least precise
  b.state(rounded, x, closed(95, 105));  // relative width 10/105
  b.state(wider, x, closed(90, 110));    // relative width 20/110
  b.state(exact, x, exactly(100));       // width 0
  b.finish();
  const auto blame = [&](FactIndex a, FactIndex c) { return more_to_blame(b.base, b.graph, a, c); };
  CHECK(blame(hedge, rounded));
  CHECK_FALSE(blame(rounded, hedge));
  CHECK(blame(rounded, exact));
  CHECK_FALSE(blame(exact, rounded));
  CHECK(blame(wider, rounded));  // by relative width
  CHECK_FALSE(blame(rounded, wider));
  // Even a hedge in an older source, written earlier, is blamed before an exact figure.
  CHECK(blame(hedge, exact));
}

TEST_CASE(
    "blame order: at equal precision a record claim, then the newer source, then the "
    "later fact",
    "[solve][blame]") {
  HandGraph b;
  const SourceIndex older = b.source("older", "2024-01-01");
  const SourceIndex newer = b.source("newer", "2024-02-01");
  const VarId x = b.quantity();
  const FactIndex record = b.fact(older, "record", RecordKind::high);
  const FactIndex plain_old = b.fact(older, "plain");
  const FactIndex plain_new = b.fact(newer, "plain");
  const FactIndex plain_new_later = b.fact(newer, "later");
  const FactIndex rounded_old = b.fact(older, "rounded");
  for (const FactIndex f : {record, plain_old, plain_new, plain_new_later})
    b.state(f, x, exactly(100));
  b.state(rounded_old, x, closed(95, 105));
  b.finish();
  const auto blame = [&](FactIndex a, FactIndex c) { return more_to_blame(b.base, b.graph, a, c); };
  CHECK(blame(record, plain_new));  // a record claim before a newer source
  CHECK_FALSE(blame(plain_new, record));
  CHECK(blame(plain_new, plain_old));  // the newer source
  CHECK_FALSE(blame(plain_old, plain_new));
  CHECK(blame(plain_new_later, plain_new));  // same source: the later fact
  CHECK_FALSE(blame(plain_new, plain_new_later));
  CHECK(blame(rounded_old, record));         // precision comes first of all
  CHECK_FALSE(blame(plain_old, plain_old));  // a strict order
}

// --- minimal sets ---------------------------------------------------------------------------

TEST_CASE("conflicts: the set found is minimal, the rest of the component is left out",
          "[solve][minimal]") {
  // total = a + b with total 10, a 3, b 4 cannot hold; d (stated 50, above a) is in the
  // same component but takes no part.
  HandGraph b;
  const SourceIndex s = b.source("s", "2024-01-01");
  const SourceIndex later = b.source("later", "2024-03-01");
  const VarId total = b.quantity();
  const VarId a = b.quantity();
  const VarId c = b.quantity();
  const VarId d = b.quantity();
  b.constrain(ConstraintKind::sum_eq, {total, a, c}, MadeBy::inference);
  b.constrain(ConstraintKind::less, {a, d}, MadeBy::inference);
  const FactIndex f_total = b.fact(s, "total");
  const FactIndex f_c = b.fact(s, "c");
  const FactIndex f_d = b.fact(s, "d");
  const FactIndex f_a = b.fact(later, "a");
  b.state(f_total, total, exactly(10));
  b.state(f_a, a, exactly(3));
  b.state(f_c, c, exactly(4));
  b.state(f_d, d, exactly(50));
  b.finish();
  REQUIRE(b.graph.components().size() == 1);

  const SolveResult result = solve(b.base, b.graph);
  REQUIRE(result.conflicts.size() == 1);
  const MinimalConflict& conflict = result.conflicts[0];
  CHECK(refs(b, conflict.facts) == std::vector<std::string>{"s/total", "s/c", "later/a"});
  // Minimal: the whole set is inconsistent, and removing any one fact makes it consistent.
  CHECK_FALSE(consistent(b, conflict.facts));
  for (const FactIndex removed : conflict.facts) {
    std::vector<FactIndex> rest;
    std::copy_if(conflict.facts.begin(), conflict.facts.end(), std::back_inserter(rest),
                 [&](FactIndex f) { return f != removed; });
    INFO("without " << b.base.ref(removed));
    CHECK(consistent(b, rest));
  }
  // Each fact alone would do; all exact, none a record: the newer source is blamed.
  CHECK(conflict.blame == f_a);
  CHECK(conflict.restating.empty());
  CHECK(result.set_aside == std::vector<FactIndex>{f_a});
  // What the rest implies for the blamed fact's quantity: 10 − 4.
  REQUIRE(conflict.implied_for_blame);
  CHECK(*conflict.implied_for_blame == exactly(6));
  CHECK(result.implied[b.graph.vars[a].key] == exactly(6));
  CHECK(result.exhausted.empty());
  CHECK(result.truncated.empty());
}

TEST_CASE(
    "conflicts: a fact in every conflict is doubted alone rather than the two it "
    "contradicts, however precise",
    "[solve][blame]") {
  // 200 exactly against two rounded figures of two independent sources that agree (about
  // 100): the exact figure is the odd one out, though the blame order alone would pick a
  // rounded one. (Were r1 and r2 of one source, they would be one witness: copies.)
  HandGraph b;
  const SourceIndex s = b.source("s");
  const SourceIndex t = b.source("t");
  const SourceIndex u = b.source("u");
  const VarId x = b.quantity();
  const FactIndex exact = b.fact(s, "exact");
  const FactIndex r1 = b.fact(t, "r1");
  const FactIndex r2 = b.fact(u, "r2");
  b.state(exact, x, exactly(200));
  b.state(r1, x, closed(95, 105));
  b.state(r2, x, closed(90, 110));
  b.finish();
  REQUIRE(more_to_blame(b.base, b.graph, r1, exact));  // the order alone would blame r1 or r2
  const SolveResult result = solve(b.base, b.graph);
  REQUIRE(result.conflicts.size() == 1);
  CHECK(result.conflicts[0].blame == exact);
  CHECK(result.set_aside == std::vector<FactIndex>{exact});
}

TEST_CASE(
    "conflicts: with no sole culprit the blame order decides, and facts restating the "
    "blamed one join its finding",
    "[solve][blame]") {
  // Two sources say 100; a newer one says 200 and, in its headline, about 200. No single
  // removal makes the rest consistent; 'newer/body' is blamed (same precision as the 100s,
  // newer source) and 'newer/headline', which gives the same contradiction in its place,
  // is set aside with it: one finding, not two.
  HandGraph b;
  const SourceIndex first = b.source("first", "2024-01-01");
  const SourceIndex second = b.source("second", "2024-01-02");
  const SourceIndex newer = b.source("newer", "2024-02-01");
  const VarId x = b.quantity();
  const FactIndex f1 = b.fact(first, "n");
  const FactIndex f2 = b.fact(second, "n");
  const FactIndex body = b.fact(newer, "body");
  const FactIndex headline = b.fact(newer, "headline");
  b.state(f1, x, exactly(100));
  b.state(f2, x, exactly(100));
  b.state(body, x, exactly(200));
  b.state(headline, x, closed(190, 210));
  b.finish();
  const SolveResult result = solve(b.base, b.graph);
  REQUIRE(result.conflicts.size() == 1);
  const MinimalConflict& conflict = result.conflicts[0];
  CHECK(refs(b, conflict.facts) == std::vector<std::string>{"first/n", "newer/body"});
  CHECK(conflict.blame == body);
  CHECK(conflict.restating == std::vector<FactIndex>{headline});
  CHECK(result.set_aside == std::vector<FactIndex>{body, headline});
  REQUIRE(conflict.implied_for_blame);
  CHECK(*conflict.implied_for_blame == exactly(100));
}

TEST_CASE("conflicts: independent contradictions in one component give one set each",
          "[solve][minimal]") {
  HandGraph b;
  const SourceIndex old_source = b.source("old", "2024-01-01");
  const SourceIndex new_source = b.source("new", "2024-02-01");
  const VarId x = b.quantity();
  const VarId y = b.quantity();
  b.constrain(ConstraintKind::less, {x, y}, MadeBy::inference);  // x 1…2 < y 50…60
  const FactIndex x_old = b.fact(old_source, "x");
  const FactIndex y_old = b.fact(old_source, "y");
  const FactIndex x_new = b.fact(new_source, "x");
  const FactIndex y_new = b.fact(new_source, "y");
  b.state(x_old, x, closed(1, 2));
  b.state(y_old, y, closed(50, 60));
  b.state(x_new, x, exactly(3));
  b.state(y_new, y, exactly(70));
  b.finish();
  const SolveResult result = solve(b.base, b.graph);
  REQUIRE(result.conflicts.size() == 2);
  CHECK(refs(b, result.conflicts[0].facts) == std::vector<std::string>{"old/x", "new/x"});
  CHECK(refs(b, result.conflicts[1].facts) == std::vector<std::string>{"old/y", "new/y"});
  // Rounded (wider) figures are blamed before exact ones, even in the older source.
  CHECK(result.set_aside == std::vector<FactIndex>{x_old, y_old});

  SECTION("more than allowed: the component is reported as truncated") {
    SolveOptions options;
    options.max_conflicts_per_component = 1;
    const SolveResult cut = solve(b.base, b.graph, options);
    CHECK(cut.conflicts.size() == 1);
    CHECK(cut.truncated == std::vector<std::uint32_t>{0});
  }
}

// --- the work bound -------------------------------------------------------------------------

TEST_CASE("conflicts: a component that exhausts the work bound is reported, never a hang",
          "[solve][limits]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId x = b.quantity(/*integer=*/true);
  const VarId y = b.quantity(/*integer=*/true);
  b.state(b.fact(s, "x"), x, more_than(10));
  b.state(b.fact(s, "y"), y, more_than(10));
  b.state(b.fact(s, "xy"), b.quotient(x, y), more_than(2), MadeBy::claim);
  b.state(b.fact(s, "yx"), b.quotient(y, x), more_than(2), MadeBy::claim);
  // A second, ordinary component is still solved.
  const VarId z = b.quantity();
  const FactIndex z1 = b.fact(s, "z1");
  const FactIndex z2 = b.fact(s, "z2");
  b.state(z1, z, exactly(1));
  b.state(z2, z, exactly(2));
  b.finish();
  REQUIRE(b.graph.components().size() == 2);
  SolveOptions options;
  options.limits.events_per_constraint = 10;
  std::vector<std::size_t> progress;
  options.progress = [&](std::size_t done, std::size_t) { progress.push_back(done); };
  const SolveResult result = solve(b.base, b.graph, options);
  CHECK(result.exhausted == std::vector<std::uint32_t>{0});
  REQUIRE(result.conflicts.size() == 1);
  CHECK(result.conflicts[0].component == 1);
  CHECK(result.conflicts[0].blame == z2);  // the later fact
  // The component cut short keeps its initial intervals.
  CHECK(result.implied[b.graph.vars[x].key] == Interval::nonnegative());
  CHECK(progress == std::vector<std::size_t>{4, 6});
}
