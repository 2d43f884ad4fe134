#include "catch.h"

#include "model/interval.h"

using cc::Bound;
using cc::Interval;
using cc::Rational;

TEST_CASE("interval emptiness respects open ends") {
  CHECK_FALSE(Interval::closed(1, 1).is_empty());
  CHECK(Interval::half_open(1, 1).is_empty());
  CHECK(Interval::closed(2, 1).is_empty());
  CHECK_FALSE(Interval::above(5, true).is_empty());
  CHECK(Interval::above(5, true).intersect(Interval::below(5, false)).is_empty());
  CHECK_FALSE(Interval::above(5, false).intersect(Interval::below(5, false)).is_empty());
}

TEST_CASE("intersection keeps the tighter end, open beating closed at the same value") {
  const Interval a = Interval::closed(0, 10);
  const Interval b{Bound{5, true}, Bound{10, true}};
  const Interval both = a.intersect(b);
  CHECK(both == b);
  CHECK(cc::to_string(both) == "(5, 10)");
}

TEST_CASE("integers inside an interval") {
  CHECK(Interval::closed(Rational(37265, 10), Rational(37464, 10)).integers() ==
        Interval::closed(3727, 3746));
  CHECK(Interval::above(10000, true).integers() == Interval::above(10001, false));
  CHECK(Interval::half_open(0, 3).integers() == Interval::closed(0, 2));
  // 25% of 11 is 2.695…2.805: no whole number of cases
  const Interval share = Interval::closed(Rational(245, 1000), Rational(255, 1000));
  CHECK((share * Interval::point(11)).integers().is_empty());
}

TEST_CASE("sums and differences") {
  CHECK(Interval::point(3217) + Interval::point(4373) == Interval::point(7590));
  const Interval more = Interval::above(10000, true) - Interval::point(4373);
  CHECK(more == Interval::above(5627, true));
}

TEST_CASE("products with zero and unbounded ends") {
  CHECK(Interval::closed(0, 5) * Interval::above(1, false) == Interval::above(0, false));
  const Interval open_zero{Bound{0, true}, Bound{5, false}};
  CHECK(open_zero * Interval::above(1, false) == Interval::above(0, true));
  CHECK(Interval::closed(-2, 3) * Interval::closed(-1, 4) == Interval::closed(-8, 12));
}

TEST_CASE("division by an interval holding zero says nothing unless the dividend excludes zero") {
  CHECK_FALSE(cc::divide(Interval::closed(0, 5), Interval::closed(0, 2)).has_value());
  const auto q = cc::divide(Interval::point(7062),
                            Interval::closed(Rational(1885, 1000), Rational(1895, 1000)));
  REQUIRE(q.has_value());
  CHECK(q->integers() == Interval::closed(3727, 3746));
  const auto r = cc::divide(Interval::closed(1, 2), Interval::closed(0, 4));
  REQUIRE(r.has_value());
  CHECK(*r == Interval::above(Rational(1, 4), false));
}

TEST_CASE("a rounding boundary stays inside: 428 of 1,317 is 32.498…%, which 32% allows") {
  const Interval written = Interval::closed(Rational(315, 1000), Rational(325, 1000));
  CHECK(written.contains(Rational(428, 1317)));
  CHECK(written.contains(Rational(325, 1000)));
  CHECK_FALSE(Interval::closed(Rational(95, 10), Rational(105, 10)).contains(Rational(9495, 1000)));
}

TEST_CASE("describe writes intervals for editors, rounding outward") {
  CHECK(cc::describe(Interval::point(7062)) == "7,062");
  CHECK(cc::describe(Interval::closed(3727, 3746)) == "3,727…3,746");
  CHECK(cc::describe(Interval::above(10000, true)) == "more than 10,000");
  CHECK(cc::describe(Interval::closed(Rational(885, 1000), Rational(895, 1000)), true) ==
        "88.5%…89.5%");
  CHECK(cc::describe(Interval::closed(Rational(1, 3), Rational(2, 3))) == "0.3333…0.6667");
}

TEST_CASE("describe reads a range from zero as a bound") {
  CHECK(cc::describe(Interval::half_open(0, 46000)) == "less than 46,000");
  CHECK(cc::describe(Interval::closed(0, Rational(1, 2)), true) == "at most 50%");
}
