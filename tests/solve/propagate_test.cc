// Interval propagation on hand-built graphs: how each kind of constraint narrows its
// variables. These pin today's behaviour (open ends, zero divisors, whole numbers for
// counts, outward rounding of long bounds, the work bound) exactly.
#include "catch.h"

#include "solve/graph_builder.h"
#include "solve/propagate.h"

using namespace cc;
using namespace cc::test;

namespace {

const auto all_facts = [](FactIndex) { return true; };

// Runs the only component of the builder's graph with every fact in play.
Propagator::Outcome run_all(Propagator& propagator, const HandGraph& b,
                            Recording recording = Recording::none) {
  REQUIRE(b.graph.components().size() == 1);
  return propagator.run(b.graph.components()[0], all_facts, recording);
}

std::string domain_of(const Propagator& p, VarId var) {
  return to_string(p.domain(var));
}

}  // namespace

TEST_CASE("solve: a statement narrows its quantity, a count to whole numbers", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId count = b.quantity(/*integer=*/true);
  const VarId open_count = b.quantity(/*integer=*/true);
  const VarId amount = b.quantity();
  // One component: the three are bound by a sum that says nothing new.
  const VarId total = b.quantity();
  b.constrain(ConstraintKind::sum_leq, {total, count, open_count, amount}, MadeBy::inference);
  b.state(b.fact(s, "count"), count, closed(Rational(5, 2), Rational(36, 5)));
  b.state(b.fact(s, "open-count"), open_count, more_than(10));
  b.state(b.fact(s, "amount"), amount, more_than(10));
  b.finish();
  Propagator p(b.graph);
  const auto outcome = run_all(p, b);
  CHECK_FALSE(outcome.contradiction);
  CHECK_FALSE(outcome.exhausted);
  CHECK(domain_of(p, count) == "[3, 7]");          // 2.5…7.2 holds the counts 3…7
  CHECK(domain_of(p, open_count) == "[11, inf)");  // more than 10: the first count is 11
  CHECK(domain_of(p, amount) == "(10, inf)");      // not a count: the open end stays open
  CHECK(domain_of(p, total) == "(24, inf)");       // parts inside the whole: 3 + 11 + more than 10
}

TEST_CASE("solve: a quotient is computed from its stated operands and each from the others",
          "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId a = b.quantity();
  const VarId d = b.quantity();
  const VarId q = b.quotient(a, d);
  b.state(b.fact(s, "a"), a, exactly(10));
  b.state(b.fact(s, "d"), d, closed(4, 5));
  const VarId a2 = b.quantity();
  const VarId d2 = b.quantity();
  const VarId q2 = b.quotient(a2, d2);
  b.state(b.fact(s, "a2"), a2, exactly(10));
  b.state(b.fact(s, "q2"), q2, exactly(2), MadeBy::claim);
  b.constrain(ConstraintKind::less, {q, a2}, MadeBy::inference);  // one component
  b.finish();
  Propagator p(b.graph);
  CHECK_FALSE(run_all(p, b).contradiction);
  CHECK(domain_of(p, q) == "[2, 5/2]");  // 10 ÷ 4…5
  CHECK(domain_of(p, d2) == "[5, 5]");   // the divisor from 10 and the stated quotient 2
}

TEST_CASE("solve: a divisor that may be zero says nothing, a nonzero numerator opens a zero end",
          "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  // a may be zero: with its divisor unknown ([0, ∞)), a / d says nothing about q or d.
  const VarId a = b.quantity();
  const VarId d = b.quantity();
  const VarId q = b.quotient(a, d);
  b.state(b.fact(s, "a"), a, closed(0, 10));
  // n is 10: n = m·r rules out m = 0 and r = 0, so both become open at zero.
  const VarId n = b.quantity();
  const VarId m = b.quantity();
  const VarId r = b.quotient(n, m);
  b.state(b.fact(s, "n"), n, exactly(10));
  b.constrain(ConstraintKind::sum_leq, {b.quantity(), a, n}, MadeBy::inference);
  b.finish();
  Propagator p(b.graph);
  CHECK_FALSE(run_all(p, b).contradiction);
  CHECK(domain_of(p, q) == "[0, inf)");
  CHECK(domain_of(p, d) == "[0, inf)");
  CHECK(domain_of(p, m) == "(0, inf)");
  CHECK(domain_of(p, r) == "(0, inf)");
}

TEST_CASE("solve: a sum narrows the whole from its parts and each part from the rest", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId whole = b.quantity();
  const VarId x = b.quantity();
  const VarId y = b.quantity();
  b.constrain(ConstraintKind::sum_eq, {whole, x, y}, MadeBy::inference);
  b.state(b.fact(s, "x"), x, exactly(3));
  b.state(b.fact(s, "y"), y, closed(4, 5));
  // Parts inside a whole bound each part from above only.
  const VarId big = b.quantity();
  const VarId u = b.quantity();
  const VarId v = b.quantity();
  b.constrain(ConstraintKind::sum_leq, {big, u, v, whole}, MadeBy::inference);
  b.state(b.fact(s, "big"), big, exactly(20));
  b.state(b.fact(s, "u"), u, exactly(4));
  b.finish();
  Propagator p(b.graph);
  CHECK_FALSE(run_all(p, b).contradiction);
  CHECK(domain_of(p, whole) == "[7, 8]");
  CHECK(domain_of(p, v) == "[0, 9]");  // 20 − 4 − at least 7
}

TEST_CASE("solve: a record is above every earlier figure, strictly", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId earlier = b.quantity(/*integer=*/true);
  const VarId earlier_amount = b.quantity();
  const VarId record = b.quantity();
  const VarId later = b.quantity();
  b.constrain(ConstraintKind::less, {earlier, record}, MadeBy::inference);
  b.constrain(ConstraintKind::less, {earlier_amount, record}, MadeBy::inference);
  b.constrain(ConstraintKind::less, {record, later}, MadeBy::inference);
  b.state(b.fact(s, "record"), record, exactly(10));
  b.finish();
  Propagator p(b.graph);
  CHECK_FALSE(run_all(p, b).contradiction);
  CHECK(domain_of(p, earlier) == "[0, 9]");          // a count below 10
  CHECK(domain_of(p, earlier_amount) == "[0, 10)");  // open below 10
  CHECK(domain_of(p, later) == "(10, inf)");
}

TEST_CASE("solve: a rank lets at most rank - 1 others above the record, exactly when known",
          "[solve]") {
  const auto rank_graph = [](HandGraph& b, bool low, bool exact, std::vector<VarId>& others) {
    const SourceIndex s = b.source("s");
    const VarId record = b.quantity();
    for (int i = 0; i < 3; ++i) others.push_back(b.quantity());
    std::vector<VarId> vars = {record};
    vars.insert(vars.end(), others.begin(), others.end());
    const ConstraintId c = b.constrain(ConstraintKind::rank, vars, MadeBy::inference);
    b.graph.constraints[c].rank = 2;
    b.graph.constraints[c].rank_low = low;
    b.graph.constraints[c].rank_exact = exact;
    return std::pair(s, record);
  };
  {  // the second-highest: at least the second largest lower end of the others
    HandGraph b;
    std::vector<VarId> o;
    const auto [s, record] = rank_graph(b, false, false, o);
    b.state(b.fact(s, "a"), o[0], exactly(900));
    b.state(b.fact(s, "b"), o[1], more_than(700));
    b.state(b.fact(s, "c"), o[2], closed(100, 2000));
    b.finish();
    Propagator p(b.graph);
    CHECK_FALSE(run_all(p, b).contradiction);
    CHECK(domain_of(p, record) == "(700, inf)");
  }
  {  // one other is surely above: every other one is at most the record
    HandGraph b;
    std::vector<VarId> o;
    const auto [s, record] = rank_graph(b, false, false, o);
    b.state(b.fact(s, "record"), record, exactly(800));
    b.state(b.fact(s, "a"), o[0], exactly(900));
    b.finish();
    Propagator p(b.graph);
    CHECK_FALSE(run_all(p, b).contradiction);
    CHECK(domain_of(p, o[1]) == "[0, 800]");
    CHECK(domain_of(p, o[2]) == "[0, 800]");
  }
  {  // exact, and only one can be above: it is
    HandGraph b;
    std::vector<VarId> o;
    const auto [s, record] = rank_graph(b, false, true, o);
    b.state(b.fact(s, "record"), record, exactly(800));
    b.state(b.fact(s, "a"), o[0], exactly(700));
    b.state(b.fact(s, "b"), o[1], exactly(750));
    b.finish();
    Propagator p(b.graph);
    CHECK_FALSE(run_all(p, b).contradiction);
    CHECK(domain_of(p, o[2]) == "(800, inf)");
  }
  {  // the second-lowest, counted from below: two others below contradict it
    HandGraph b;
    std::vector<VarId> o;
    const auto [s, record] = rank_graph(b, true, false, o);
    b.state(b.fact(s, "record"), record, exactly(500));
    b.state(b.fact(s, "a"), o[0], exactly(400));
    b.state(b.fact(s, "b"), o[1], closed(420, 450));
    b.finish();
    Propagator p(b.graph);
    CHECK(run_all(p, b).contradiction);
  }
}

TEST_CASE("solve: shares of disjoint parts leave each at most 1 minus the others", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId s1 = b.quantity();
  const VarId s2 = b.quantity();
  const VarId s3 = b.quantity();
  b.constrain(ConstraintKind::shares_leq_one, {s1, s2, s3}, MadeBy::inference);
  b.state(b.fact(s, "s1"), s1, closed(Rational(7, 10), Rational(8, 10)));
  b.state(b.fact(s, "s2"), s2, more_than(Rational(1, 10)));
  b.finish();
  Propagator p(b.graph);
  CHECK_FALSE(run_all(p, b).contradiction);
  CHECK(domain_of(p, s2) == "(1/10, 3/10]");
  CHECK(domain_of(p, s3) == "[0, 1/5)");  // 1 − 0.7 − more than 0.1
}

TEST_CASE("solve: a bound longer than the limit is rounded outward onto a 2^-64 grid", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId x = b.quantity();
  b.constrain(ConstraintKind::sum_leq, {b.quantity(), x}, MadeBy::inference);
  const Rational value = Rational(1, 3) + Rational(1) / Rational(BigInt(1) << 100);
  b.state(b.fact(s, "x"), x, exactly(value));
  b.finish();
  Propagator p(b.graph, PropagationLimits{200, 64});
  CHECK_FALSE(run_all(p, b).contradiction);
  const Interval got = p.domain(x);
  REQUIRE(got.is_bounded());
  const Rational grid = Rational(BigInt(1) << 64);
  CHECK(got.lo()->value < value);
  CHECK(got.hi()->value > value);
  CHECK_FALSE(got.lo()->open);
  CHECK_FALSE(got.hi()->open);
  CHECK(is_integer(got.lo()->value * grid));
  CHECK(is_integer(got.hi()->value * grid));
  CHECK(got.hi()->value - got.lo()->value == 1 / grid);
  // With the default limit (4,096 bits) the same value is kept exactly.
  Propagator exact(b.graph);
  CHECK_FALSE(run_all(exact, b).contradiction);
  CHECK(exact.domain(x) == exactly(value));
}

TEST_CASE("solve: a bound past 2^200 is let go and the run says it diverged", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId x = b.quantity();
  b.constrain(ConstraintKind::sum_leq, {b.quantity(), x}, MadeBy::inference);
  b.state(b.fact(s, "x"), x, exactly(Rational(BigInt(1) << 201)));
  b.finish();
  Propagator p(b.graph);
  const auto outcome = run_all(p, b);
  CHECK_FALSE(outcome.contradiction);
  CHECK(outcome.exhausted);  // reported like a work bound, not as a contradiction
  CHECK(p.domain(x) == Interval::above(Rational(BigInt(1) << 200), false));
}

TEST_CASE("solve: a contradiction names its variable and traces back to both statements",
          "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId x = b.quantity();
  const FactIndex low = b.fact(s, "low");
  const FactIndex high = b.fact(s, "high");
  const ConstraintId c_low = b.state(low, x, exactly(100));
  const ConstraintId c_high = b.state(high, x, exactly(200));
  b.finish();
  Propagator p(b.graph);
  const auto outcome = run_all(p, b, Recording::trace);
  REQUIRE(outcome.contradiction);
  CHECK(outcome.contradiction->var == x);
  const EventId roots[] = {outcome.contradiction->lower, outcome.contradiction->upper};
  std::vector<ConstraintId> causes;
  for (const EventId e : p.derivation(roots)) causes.push_back(p.events()[e].cause);
  CHECK(causes == std::vector<ConstraintId>{c_low, c_high});
  // A fact out of play takes no part.
  const auto without_high = p.run(
      b.graph.components()[0], [&](FactIndex f) { return f != high; }, Recording::none);
  CHECK_FALSE(without_high.contradiction);
  CHECK(p.domain(x) == exactly(100));
}

TEST_CASE("solve: relaxed tilings only bound the span from below", "[solve]") {
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId year = b.quantity();
  const VarId h1 = b.quantity();
  const VarId h2 = b.quantity();
  b.constrain(ConstraintKind::sum_eq, {year, h1, h2}, MadeBy::periods);
  b.state(b.fact(s, "year"), year, exactly(10));
  b.state(b.fact(s, "h1"), h1, exactly(3));
  b.state(b.fact(s, "h2"), h2, exactly(4));
  b.finish();
  Propagator p(b.graph);
  CHECK(run_all(p, b).contradiction);  // 3 + 4 is not 10
  p.relax_tilings(true);
  CHECK_FALSE(run_all(p, b).contradiction);  // 3 + 4 ≤ 10
}

TEST_CASE("solve: a cycle that narrows forever ends as exhausted, never a hang", "[solve]") {
  // x > 2y and y > 2x: each round raises both lower ends, nothing bounds them above. The
  // run ends either at the event budget (events_per_constraint × constraints + 10,000) or
  // when the bounds pass 2^200 and are let go; either way it says it is exhausted.
  HandGraph b;
  const SourceIndex s = b.source("s");
  const VarId x = b.quantity(/*integer=*/true);
  const VarId y = b.quantity(/*integer=*/true);
  b.state(b.fact(s, "x"), x, more_than(10));
  b.state(b.fact(s, "y"), y, more_than(10));
  b.state(b.fact(s, "xy"), b.quotient(x, y), more_than(2), MadeBy::claim);
  b.state(b.fact(s, "yx"), b.quotient(y, x), more_than(2), MadeBy::claim);
  b.finish();
  Propagator p(b.graph, PropagationLimits{10, 4096});
  const auto outcome = run_all(p, b, Recording::trace);
  CHECK(outcome.exhausted);
  CHECK_FALSE(outcome.contradiction);
  CHECK(p.events().size() <= 10 * b.graph.constraints.size() + 10000 + 1);
}
