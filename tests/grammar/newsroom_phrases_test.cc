// The phrases newsrooms write (FORMAT §2, issue 12): each read on both sides of its
// boundary. Intervals are checked by membership, so each test can fail on either side.
#include "catch.h"

#include <string>
#include <variant>

#include "grammar/value.h"

using cc::FactKind;
using cc::Rational;
using cc::ValueContext;

namespace {

ValueContext figure(bool count = false) {
  ValueContext context;
  context.count = count;
  return context;
}
ValueContext in_role(FactKind role, bool fall = false) {
  ValueContext context;
  context.role = role;
  context.fall = fall;
  return context;
}

cc::Interval read(std::string_view written, const ValueContext& context) {
  const cc::ValueResult result = cc::parse_value(written, context);
  if (const auto* error = std::get_if<cc::ValueError>(&result))
    FAIL("'" << written << "': " << error->message);
  return std::get<cc::Value>(result).interval;
}

bool allows(std::string_view written, const ValueContext& context, const Rational& x) {
  return read(written, context).contains(x);
}

std::string error_of(std::string_view written, const ValueContext& context) {
  const cc::ValueResult result = cc::parse_value(written, context);
  if (std::holds_alternative<cc::Value>(result)) FAIL("'" << written << "' was read");
  return std::get<cc::ValueError>(result).message;
}

const Rational kPercent(1, 100);

}  // namespace

TEST_CASE("a hyphenated unit: 36-percent is 36 %") {
  for (const char* written : {"36-percent", "36-per-cent", "36-pct"}) {
    CAPTURE(written);
    const ValueContext share = in_role(FactKind::share);
    CHECK(allows(written, share, Rational(355, 1000)));
    CHECK(allows(written, share, Rational(365, 1000)));
    CHECK_FALSE(allows(written, share, Rational(354, 1000)));
    CHECK_FALSE(allows(written, share, Rational(366, 1000)));
  }
}

TEST_CASE("top, topped, pass, passed, surpassed, exceeded, greater than: more than X") {
  for (const char* hedge :
       {"top", "topped", "pass", "passed", "surpassed", "exceeded", "greater than", "Topped"}) {
    CAPTURE(hedge);
    const std::string written = std::string(hedge) + " 29,000";
    CHECK(allows(written, figure(true), 29001));
    CHECK(allows(written, figure(true), 1000000));
    CHECK_FALSE(allows(written, figure(true), 29000));
  }
  CHECK(allows("topped 100k", figure(true), 100001));
  CHECK_FALSE(allows("topped 100k", figure(true), 100000));
}

TEST_CASE("well over X is more than X: 'well' adds no margin") {
  CHECK(allows("well over 500", figure(true), 501));
  CHECK_FALSE(allows("well over 500", figure(true), 500));
  CHECK(allows("well above 2%", in_role(FactKind::share), Rational(201, 10000)));
  CHECK_FALSE(allows("well above 2%", in_role(FactKind::share), Rational(2, 100)));
}

TEST_CASE("X or more is at least X, and X or fewer at most X") {
  CHECK(allows("15% or more", in_role(FactKind::share), 15 * kPercent));
  CHECK(allows("15% or more", in_role(FactKind::share), Rational(9, 10)));
  CHECK_FALSE(allows("15% or more", in_role(FactKind::share), Rational(1499, 10000)));
  CHECK(allows("40 or more", figure(true), 40));
  CHECK_FALSE(allows("40 or more", figure(true), 39));
  CHECK(allows("40 or fewer", figure(true), 40));
  CHECK_FALSE(allows("40 or fewer", figure(true), 41));
  CHECK(error_of("more than 40 or more", figure(true)).find("one hedge") != std::string::npos);
  CHECK(error_of("40 or", figure(true)).find("'or'") != std::string::npos);
}

TEST_CASE("X or so is around X") {
  CHECK(allows("200 or so", figure(true), 180));
  CHECK(allows("200 or so", figure(true), 220));
  CHECK_FALSE(allows("200 or so", figure(true), 179));
  CHECK_FALSE(allows("200 or so", figure(true), 221));
}

TEST_CASE("no and none are zero, as a count") {
  for (const char* written : {"no", "none", "None"}) {
    CAPTURE(written);
    CHECK(allows(written, figure(true), 0));
    CHECK_FALSE(allows(written, figure(true), 1));
  }
  CHECK(error_of("no", in_role(FactKind::share)).find("count word") != std::string::npos);
  CHECK(allows("no more than 3", figure(true), 3));  // the hedge still wins
}

TEST_CASE("a dozen is 12 within the vague tolerance, and dozens, hundreds, thousands are ranges") {
  CHECK(allows("a dozen", figure(true), 11));
  CHECK(allows("a dozen", figure(true), 13));
  CHECK_FALSE(allows("a dozen", figure(true), 10));
  CHECK_FALSE(allows("a dozen", figure(true), 14));
  CHECK(allows("about a dozen", figure(true), 12));
  CHECK(allows("more than a dozen", figure(true), 13));
  CHECK_FALSE(allows("more than a dozen", figure(true), 12));
  CHECK(allows("dozens", figure(true), 24));
  CHECK(allows("dozens", figure(true), 99));
  CHECK_FALSE(allows("dozens", figure(true), 23));
  CHECK_FALSE(allows("dozens", figure(true), 100));
  CHECK(allows("hundreds", figure(true), 200));
  CHECK(allows("hundreds", figure(true), 999));
  CHECK_FALSE(allows("hundreds", figure(true), 199));
  CHECK_FALSE(allows("hundreds", figure(true), 1000));
  CHECK(allows("thousands", figure(true), 2000));
  CHECK_FALSE(allows("thousands", figure(true), 10000));
  CHECK(error_of("more than hundreds", figure(true)).find("already a range") != std::string::npos);
}

TEST_CASE("2.5-fold and threefold are multipliers") {
  const ValueContext ratio = in_role(FactKind::ratio);
  CHECK(allows("2.5-fold", ratio, Rational(245, 100)));
  CHECK(allows("2.5-fold", ratio, Rational(255, 100)));
  CHECK_FALSE(allows("2.5-fold", ratio, Rational(244, 100)));
  CHECK_FALSE(allows("2.5-fold", ratio, Rational(256, 100)));
  CHECK(allows("2.5 fold", ratio, Rational(25, 10)));
  CHECK(allows("threefold", ratio, Rational(27, 10)));
  CHECK(allows("threefold", ratio, Rational(33, 10)));
  CHECK_FALSE(allows("threefold", ratio, Rational(269, 100)));
  CHECK_FALSE(allows("threefold", ratio, Rational(331, 100)));
  // In a change, a rise of m − 1: "rose threefold" is a rise of 1.7 … 2.3.
  const ValueContext rise = in_role(FactKind::change);
  CHECK(allows("threefold", rise, Rational(2)));
  CHECK_FALSE(allows("threefold", rise, Rational(3)));
  CHECK(error_of("threefold", figure()).find("multiplier") != std::string::npos);
}

TEST_CASE("a vague hedge on an unrounded figure widens it by a tenth of the vague tolerance") {
  // "some 13,574": 1 % (v/10) either side, not 10 %.
  CHECK(allows("some 13,574", figure(true), Rational(1343826, 100)));
  CHECK(allows("some 13,574", figure(true), Rational(1370974, 100)));
  CHECK_FALSE(allows("some 13,574", figure(true), 13438));
  CHECK_FALSE(allows("some 13,574", figure(true), 13710));
  CHECK(allows("an estimated 107,543", figure(true), 106468));
  CHECK_FALSE(allows("an estimated 107,543", figure(true), 106467));
  CHECK(allows("nearly 1,234", figure(true), Rational(122166, 100)));
  CHECK_FALSE(allows("nearly 1,234", figure(true), 1221));
  // A round figure keeps the full tolerance: "some 13,500" and "around 54" are ±10 %.
  CHECK(allows("some 13,500", figure(true), 12150));
  CHECK_FALSE(allows("some 13,500", figure(true), 12149));
  CHECK(allows("around 54", figure(), Rational(486, 10)));
  CHECK_FALSE(allows("around 54", figure(), Rational(485, 10)));
}

TEST_CASE("all but two is not read: it needs a stated whole") {
  CHECK(error_of("all but two", figure(true)).find("'all'") != std::string::npos);
}

TEST_CASE("a count written with a point before three digits is an error that suggests a comma") {
  CHECK(error_of("12.900", figure(true)) ==
        "a count cannot have decimals: '12.900' — if the point separates thousands, write 12,900");
  CHECK(error_of("about 12.000", figure(true)).find("write 12,000") != std::string::npos);
  // Not a count, two decimals, or a scale after it: read as written.
  CHECK(allows("12.900", figure(), Rational(129, 10)));
  CHECK(allows("12.90", figure(true), Rational(129, 10)));
  CHECK(allows("1.234k", figure(true), 1234));
}
