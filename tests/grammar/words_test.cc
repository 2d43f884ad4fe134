// The one table of words (grammar/words.h): every row is read by the value grammar as its
// kind says (tests/extract/words_test.cc: extract reads the same rows).
#include "catch.h"

#include <string>
#include <variant>

#include "grammar/value.h"
#include "grammar/words.h"

using cc::grammar::Hedge;
using cc::grammar::Word;
using cc::grammar::WordKind;

namespace {

cc::Interval read(const std::string& written, cc::FactKind role = cc::FactKind::figure) {
  cc::ValueContext context;
  context.role = role;
  const cc::ValueResult result = cc::parse_value(written, context);
  const auto* value = std::get_if<cc::Value>(&result);
  INFO(written);
  REQUIRE(value != nullptr);
  return value->interval;
}

// What a hedge row must make of "<phrase> 100" (vague 10 %).
void check_hedge(const Word& row) {
  const cc::Interval got = read(std::string(row.phrase) + " 100");
  INFO(row.phrase);
  switch (row.hedge) {
    case Hedge::more_than:
    case Hedge::at_least:
      CHECK_FALSE(got.hi().has_value());
      CHECK(got.lo()->value == 100);
      CHECK(got.lo()->open == (row.hedge == Hedge::more_than));
      break;
    case Hedge::less_than:
    case Hedge::up_to:
      CHECK(got.lo()->value == 0);
      CHECK(got.hi()->value == 100);
      CHECK(got.hi()->open == (row.hedge == Hedge::less_than));
      break;
    case Hedge::almost:
      CHECK(got.lo()->value == 90);
      CHECK((got.hi()->value == 100 && got.hi()->open));
      break;
    case Hedge::just_over:
      CHECK((got.lo()->value == 100 && got.lo()->open));
      CHECK(got.hi()->value == 110);
      break;
    case Hedge::around:
      CHECK(got.lo()->value == 90);
      CHECK(got.hi()->value == 110);
      break;
    case Hedge::none:
      FAIL("a hedge row without a hedge");
  }
}

}  // namespace

TEST_CASE("every hedge of the word table reads as its hedge") {
  int hedges = 0;
  for (const Word& row : cc::grammar::words()) {
    if (row.kind != WordKind::hedge) continue;
    check_hedge(row);
    ++hedges;
  }
  CHECK(hedges == 44);
}

TEST_CASE(
    "every scale, suffix, fraction, multiplier, hedge after a number and count word of the word "
    "table reads as its number") {
  for (const Word& row : cc::grammar::words()) {
    const std::string phrase(row.phrase);
    INFO(phrase);
    switch (row.kind) {
      case WordKind::scale:
        CHECK(read("2 " + phrase).contains(cc::Rational(2) * cc::pow10(row.number)));
        break;
      case WordKind::suffix:
        CHECK(read("2" + phrase).contains(cc::Rational(2) * cc::pow10(row.number)));
        break;
      case WordKind::fraction:
        CHECK(read("one " + phrase, cc::FactKind::share).contains(cc::Rational(1, row.number)));
        break;
      case WordKind::hedge_after:  // "100 or more" is X's hedge, X = 100 (vague 10 %)
        CHECK(read("100 " + phrase).contains(100));
        CHECK_FALSE(read("100 " + phrase).contains(row.hedge == Hedge::up_to ? 111 : 89));
        break;
      case WordKind::amount:  // a count word holds its lower end
        CHECK(read(phrase).contains(row.number));
        CHECK_FALSE(read(phrase).contains(row.upper + 2));
        break;
      case WordKind::multiplier:
        CHECK(
            read(phrase, cc::FactKind::ratio).contains(cc::Rational(row.number, row.denominator)));
        break;
      default:
        break;
    }
  }
}
