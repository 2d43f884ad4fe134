// The value grammar, FORMAT §2: each row of the table, each hedge, the combined form,
// `exact` and `precision`, YAML numbers, every error, and the numbers the quote check
// compares. Intervals are shown as the spec writes them: "[0.885, 0.895]", "(10000, ∞)".
#include "catch.h"

#include "grammar/value.h"

using cc::FactKind;
using cc::Interval;
using cc::Rational;
using cc::ValueContext;

namespace {

ValueContext real_figure() {
  return ValueContext{};
}
ValueContext count_figure() {
  ValueContext context;
  context.count = true;
  return context;
}
ValueContext in_role(FactKind role) {
  ValueContext context;
  context.role = role;
  return context;
}
ValueContext share() {
  return in_role(FactKind::share);
}
ValueContext rise() {
  return in_role(FactKind::change);
}
ValueContext fall() {
  ValueContext context = in_role(FactKind::change);
  context.fall = true;
  return context;
}
ValueContext ratio() {
  return in_role(FactKind::ratio);
}

// "0.885" → 885/1000, "-2" → -2: exact decimals for boundary checks.
Rational dec(std::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  Rational value = 0;
  Rational scale = 1;
  bool fraction = false;
  for (char c : text) {
    if (c == '.') {
      fraction = true;
      continue;
    }
    if (fraction) {
      scale /= 10;
      value += scale * (c - '0');
    } else {
      value = value * 10 + (c - '0');
    }
  }
  return negative ? Rational(-value) : value;
}

// A number as a decimal when it has a finite one, else as a fraction ("2/9").
std::string show(const Rational& value) {
  cc::BigInt denominator = cc::denominator(value);
  int decimals = 0;
  while (denominator % 10 == 0 || denominator % 2 == 0 || denominator % 5 == 0) {
    if (denominator % 10 == 0) {
      denominator /= 10;
    } else {
      denominator /= denominator % 2 == 0 ? 2 : 5;
    }
    ++decimals;
  }
  if (denominator != 1) return value.str();
  const Rational scaled = value * cc::pow10(decimals);
  std::string digits = cc::numerator(scaled).str();
  const bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  if (decimals > 0) {
    if (static_cast<int>(digits.size()) <= decimals) {
      digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  return (negative ? "-" : "") + digits;
}

std::string show(const Interval& interval) {
  if (interval.is_empty()) return "empty";
  std::string text =
      interval.lo() ? (interval.lo()->open ? "(" : "[") + show(interval.lo()->value) : "(-∞";
  text += ", ";
  text += interval.hi() ? show(interval.hi()->value) + (interval.hi()->open ? ")" : "]") : "∞)";
  return text;
}

cc::Value value_of(std::string_view written, const ValueContext& context) {
  cc::ValueResult result = cc::parse_value(written, context);
  if (const auto* error = std::get_if<cc::ValueError>(&result))
    FAIL("'" << written << "': " << error->message);
  return std::get<cc::Value>(std::move(result));
}

// The interval of a written value, shown as the spec writes it.
std::string meaning(std::string_view written, const ValueContext& context = real_figure()) {
  return show(value_of(written, context).interval);
}

bool allows(std::string_view written, const ValueContext& context, std::string_view number) {
  return value_of(written, context).interval.contains(dec(number));
}

struct ErrorSeen {
  std::size_t offset;
  std::size_t length;
  std::string message;
};

ErrorSeen error_of(std::string_view written, const ValueContext& context = real_figure()) {
  cc::ValueResult result = cc::parse_value(written, context);
  if (std::holds_alternative<cc::Value>(result)) FAIL("'" << written << "' was read without error");
  const auto& error = std::get<cc::ValueError>(result);
  return {error.offset, error.length, error.message};
}

using Numbers = std::vector<std::string>;

}  // namespace

// ---- the rows of FORMAT §2's table

TEST_CASE("a count with a non-zero last digit is exact: 7,062 and 3171") {
  CHECK(meaning("7,062", count_figure()) == "[7062, 7062]");
  CHECK(meaning("3171", count_figure()) == "[3171, 3171]");
  CHECK(meaning("1,234,567", count_figure()) == "[1234567, 1234567]");
  CHECK_FALSE(allows("7,062", count_figure(), "7061"));
  CHECK_FALSE(allows("7,062", count_figure(), "7063"));
}

TEST_CASE("a real-valued number is rounded to its last written digit: 101 is 100.5 to 101.5") {
  CHECK(meaning("101") == "[100.5, 101.5]");
  CHECK(allows("101", real_figure(), "100.5"));
  CHECK_FALSE(allows("101", real_figure(), "100.49"));
  CHECK(allows("101", real_figure(), "101.5"));
  CHECK_FALSE(allows("101", real_figure(), "101.51"));
  for (const FactKind role : {FactKind::rate, FactKind::ratio, FactKind::interval}) {
    CHECK(meaning("101", in_role(role)) == "[100.5, 101.5]");
  }
  CHECK(meaning("7", count_figure()) == "[7, 7]");
  CHECK(meaning("7") == "[6.5, 7.5]");
}

TEST_CASE("trailing zeros round to the last non-zero digit: 34,000 and 5,500") {
  CHECK(meaning("34,000", count_figure()) == "[33500, 34500]");
  CHECK(allows("34,000", count_figure(), "33500"));
  CHECK_FALSE(allows("34,000", count_figure(), "33499"));
  CHECK(allows("34,000", count_figure(), "34500"));
  CHECK_FALSE(allows("34,000", count_figure(), "34501"));
  CHECK(meaning("5,500", count_figure()) == "[5450, 5550]");
  CHECK_FALSE(allows("5,500", count_figure(), "5449"));
  CHECK(meaning("34,000") == "[33500, 34500]");  // the same for a real-valued figure
}

TEST_CASE("trailing zeros never round to fewer than 2 significant digits: 10,000 7,000 100 10") {
  CHECK(meaning("10,000", count_figure()) == "[9500, 10500]");
  CHECK(meaning("7,000", count_figure()) == "[6950, 7050]");
  CHECK(meaning("100", count_figure()) == "[95, 105]");
  CHECK(meaning("100") == "[95, 105]");
  SECTION("10 is an exact count, and 9.5 to 10.5 as a real value") {
    CHECK(meaning("10", count_figure()) == "[10, 10]");
    CHECK(meaning("10") == "[9.5, 10.5]");
    CHECK(allows("10", real_figure(), "9.5"));
    CHECK_FALSE(allows("10", real_figure(), "9.495"));
  }
  CHECK(meaning("7,000") == "[6950, 7050]");
  CHECK_FALSE(allows("7,000", count_figure(), "6949"));
}

TEST_CASE("decimals round to the last written digit, trailing zeros included: 8.7") {
  CHECK(meaning("8.7") == "[8.65, 8.75]");
  CHECK(allows("8.7", real_figure(), "8.65"));
  CHECK_FALSE(allows("8.7", real_figure(), "8.649"));
  CHECK(meaning("8.70") == "[8.695, 8.705]");
  CHECK(meaning("2.5", count_figure()) == "[2.45, 2.55]");  // a count is rounded too
}

TEST_CASE("percentages are fractions rounded to the written digit: 89%, 89 per cent") {
  for (const char* written :
       {"89%", "89 per cent", "89 percent", "89 pc", "89 per-cent", "89 %", "89 Per Cent"}) {
    CAPTURE(written);
    const cc::Value value = value_of(written, share());
    CHECK(show(value.interval) == "[0.885, 0.895]");
    CHECK(value.percent);
  }
  CHECK(meaning("12.5%", share()) == "[0.1245, 0.1255]");
  SECTION("a value on a rounding boundary fits both neighbours: 12.5% is '12%' and '13%'") {
    CHECK(allows("12%", share(), "0.125"));
    CHECK(allows("13%", share(), "0.125"));
    CHECK_FALSE(allows("12%", share(), "0.12501"));
  }
  SECTION("428 of 1,317 is 32.498…%, inside '32 per cent'") {
    CHECK(value_of("32 per cent", share()).interval.contains(Rational(428, 1317)));
    CHECK_FALSE(value_of("33 per cent", share()).interval.contains(Rational(428, 1317)));
  }
  CHECK(meaning("89%", rise()) == "[0.885, 0.895]");
  CHECK(meaning("10%", share()) == "[0.095, 0.105]");
  CHECK_FALSE(value_of("0.48", share()).percent);
}

TEST_CASE("number words are exact for a count and rounded for a real value") {
  CHECK(meaning("nine", count_figure()) == "[9, 9]");
  CHECK(meaning("nine") == "[8.5, 9.5]");
  CHECK(meaning("forty-two", count_figure()) == "[42, 42]");
  CHECK(meaning("forty-two") == "[41.5, 42.5]");
  CHECK(meaning("forty two", count_figure()) == "[42, 42]");
  CHECK(meaning("Nineteen", count_figure()) == "[19, 19]");
  CHECK(meaning("TWENTY-ONE", count_figure()) == "[21, 21]");
  CHECK(meaning("zero", count_figure()) == "[0, 0]");
  CHECK(meaning("twenty", count_figure()) == "[20, 20]");
  SECTION("hundreds and thousands round like the same digits") {
    CHECK(meaning("two hundred and fifty", count_figure()) == "[245, 255]");
    CHECK(meaning("two hundred and fifty-one", count_figure()) == "[251, 251]");
    CHECK(meaning("a hundred", count_figure()) == "[95, 105]");
    CHECK(meaning("one hundred", count_figure()) == "[95, 105]");
    CHECK(meaning("three thousand", count_figure()) == "[2950, 3050]");
    CHECK(meaning("a thousand and one", count_figure()) == "[1001, 1001]");
    CHECK(meaning("two million", count_figure()) == "[1950000, 2050000]");
    CHECK(meaning("two million five hundred thousand", count_figure()) == "[2450000, 2550000]");
  }
}

TEST_CASE(
    "scale words and suffixes: the unit is the mantissa's last digit, at least 2 significant "
    "digits") {
  CHECK(meaning("2.5 million") == "[2450000, 2550000]");
  CHECK(meaning("2.5 million", count_figure()) == "[2450000, 2550000]");
  CHECK(meaning("1.6m") == "[1550000, 1650000]");
  CHECK(meaning("1.6M") == "[1550000, 1650000]");
  CHECK(meaning("34k", count_figure()) == "[33500, 34500]");
  CHECK(meaning("34 thousand", count_figure()) == "[33500, 34500]");
  CHECK(meaning("7k", count_figure()) == "[6950, 7050]");
  CHECK(meaning("2bn") == "[1950000000, 2050000000]");
  CHECK(meaning("3 billion") == "[2950000000, 3050000000]");
  CHECK(meaning("2.50 million") == "[2495000, 2505000]");
  CHECK(meaning("1.234k", count_figure()) == "[1234, 1234]");
  CHECK(meaning("thousand", count_figure()) == "[950, 1050]");
  CHECK_FALSE(allows("2.5 million", real_figure(), "2449999"));
  SECTION("a leading currency sign is ignored") {
    CHECK(meaning("£2.5m") == "[2450000, 2550000]");
    CHECK(meaning("$34k") == "[33500, 34500]");
    CHECK(meaning("€3bn") == "[2950000000, 3050000000]");
    CHECK(meaning("over £3,000") == "(3000, ∞)");
  }
}

TEST_CASE("'1 in N': N is rounded like a real number") {
  CHECK(meaning("1 in 4", share()) == "[2/9, 2/7]");  // 1/4.5 … 1/3.5
  CHECK(meaning("one in five", share()) == "[2/11, 2/9]");
  CHECK(meaning("1 in every 4", share()) == "[2/9, 2/7]");
  CHECK(meaning("One in every five", share()) == "[2/11, 2/9]");
  CHECK(meaning("1 in 100", share()) == "[1/105, 1/95]");  // the trailing-zero rule
  CHECK(meaning("1 in 10", share()) == "[2/21, 2/19]");
  CHECK(meaning("3 in 10", share()) == "[2/7, 6/19]");  // K in N: K exactly
  CHECK(allows("1 in 4", share(), "0.23"));
  CHECK_FALSE(allows("1 in 4", share(), "0.2"));
  CHECK_FALSE(allows("1 in 4", share(), "0.3"));
}

TEST_CASE("vague fraction words are the fraction plus or minus the vague tolerance") {
  CHECK(meaning("half", share()) == "[0.45, 0.55]");
  CHECK(meaning("a half", share()) == "[0.45, 0.55]");
  CHECK(meaning("one half", share()) == "[0.45, 0.55]");
  CHECK(meaning("a third", share()) == "[0.3, 11/30]");
  CHECK(meaning("one third", share()) == "[0.3, 11/30]");
  CHECK(meaning("one-third", share()) == "[0.3, 11/30]");
  CHECK(meaning("two thirds", share()) == "[0.6, 11/15]");
  CHECK(meaning("two-thirds", share()) == "[0.6, 11/15]");
  CHECK(meaning("a quarter", share()) == "[0.225, 0.275]");
  CHECK(meaning("one quarter", share()) == "[0.225, 0.275]");
  CHECK(meaning("three quarters", share()) == "[0.675, 0.825]");
  CHECK(meaning("a fifth", share()) == "[0.18, 0.22]");
  CHECK(meaning("a tenth", share()) == "[0.09, 0.11]");
  CHECK(meaning("A Third", share()) == "[0.3, 11/30]");
  ValueContext wider = share();
  wider.vague = Rational(1, 5);
  CHECK(meaning("half", wider) == "[0.4, 0.6]");
  CHECK(meaning("half", real_figure()) ==
        "[0.45, 0.55]");  // a real-valued figure may be a fraction
}

TEST_CASE("our extension: 'a majority' and 'most' are more than half, 'a minority' less") {
  CHECK(meaning("a majority", share()) == "(0.5, 1]");
  CHECK(meaning("the majority", share()) == "(0.5, 1]");
  CHECK(meaning("most", share()) == "(0.5, 1]");
  CHECK(meaning("a minority", share()) == "[0, 0.5)");
  CHECK_FALSE(allows("a majority", share(), "0.5"));
  CHECK(allows("a majority", share(), "0.501"));
  CHECK_FALSE(allows("a minority", share(), "0.5"));
}

TEST_CASE("multipliers: in a ratio the ratio, in a change the rise or the fall") {
  SECTION("ratio") {
    CHECK(meaning("double", ratio()) == "[1.8, 2.2]");
    CHECK(meaning("doubled", ratio()) == "[1.8, 2.2]");
    CHECK(meaning("twice", ratio()) == "[1.8, 2.2]");
    CHECK(meaning("triple", ratio()) == "[2.7, 3.3]");
    CHECK(meaning("tripled", ratio()) == "[2.7, 3.3]");
    CHECK(meaning("treble", ratio()) == "[2.7, 3.3]");
    CHECK(meaning("trebled", ratio()) == "[2.7, 3.3]");
    CHECK(meaning("quadrupled", ratio()) == "[3.6, 4.4]");
    CHECK(meaning("halved", ratio()) == "[0.45, 0.55]");
    CHECK(meaning("three times", ratio()) == "[2.5, 3.5]");  // a number of times is rounded
  }
  SECTION("change: 'doubled' is a rise of 100%, 'halved' a fall of 50%") {
    CHECK(meaning("doubled", rise()) == "[0.8, 1.2]");
    CHECK(meaning("tripled", rise()) == "[1.7, 2.3]");
    CHECK(meaning("quadrupled", rise()) == "[2.6, 3.4]");
    CHECK(meaning("halved", fall()) == "[0.45, 0.55]");
    CHECK(meaning("three times", rise()) == "[1.5, 2.5]");
  }
}

TEST_CASE("more spellings the grammar reads") {
  CHECK(meaning("one in a million", share()) == "[1/1050000, 1/950000]");
  CHECK(meaning("34 k", count_figure()) == "[33500, 34500]");
  CHECK(meaning("the minority", share()) == "[0, 0.5)");
  CHECK(meaning("two fifths", share()) == "[0.36, 0.44]");
  CHECK(meaning("89 pct", share()) == "[0.885, 0.895]");
  CHECK(meaning("100%", share()) ==
        "[0.95, 1.05]");  // the trailing-zero rule holds for percentages
  CHECK(meaning("a doubling", rise()) == "[0.8, 1.2]");
}

TEST_CASE("number words the grammar does not read are errors naming the word") {
  CHECK(error_of("nineteen hundred").message == "could not read 'hundred' in 'nineteen hundred'");
  CHECK(error_of("two hundreds").message == "could not read 'hundreds' in 'two hundreds'");
  CHECK(error_of("minus five").message == "could not read 'minus' in 'minus five'");
  CHECK(error_of("forty forty").message == "could not read 'forty' in 'forty forty'");
  CHECK(error_of("two dozen").message == "could not read 'dozen' in 'two dozen'");
}

// ---- hedges

TEST_CASE("'more than X' and its synonyms exclude X itself") {
  for (const char* written : {"more than 10,000", "over 10,000", "above 10,000", "exceeding 10,000",
                              "More Than 10,000"}) {
    CAPTURE(written);
    CHECK(meaning(written, count_figure()) == "(10000, ∞)");
    CHECK_FALSE(allows(written, count_figure(), "10000"));
    CHECK(allows(written, count_figure(), "10001"));
  }
  CHECK(meaning("more than half", share()) == "(0.5, ∞)");
  CHECK(meaning("more than 70 per cent", share()) == "(0.7, ∞)");
}

TEST_CASE("'at least X' includes X") {
  CHECK(meaning("at least 300", count_figure()) == "[300, ∞)");
  CHECK(meaning("no fewer than 300", count_figure()) == "[300, ∞)");
  CHECK(meaning("no less than 300", count_figure()) == "[300, ∞)");
  CHECK_FALSE(allows("at least 300", count_figure(), "299"));
}

TEST_CASE("'less than X' and its synonyms run from 0 up to X, excluded") {
  for (const char* written : {"less than 50", "under 50", "below 50", "fewer than 50"}) {
    CAPTURE(written);
    CHECK(meaning(written, count_figure()) == "[0, 50)");
    CHECK_FALSE(allows(written, count_figure(), "50"));
    CHECK(allows(written, count_figure(), "49"));
  }
  CHECK(meaning("less than a third", share()) == "[0, 1/3)");
}

TEST_CASE("'up to X' and its synonyms include X") {
  for (const char* written : {"up to 50", "no more than 50", "at most 50"}) {
    CAPTURE(written);
    CHECK(meaning(written, count_figure()) == "[0, 50]");
  }
}

TEST_CASE("'almost X' is within the vague tolerance below X, X excluded") {
  for (const char* written : {"almost half", "nearly half", "just under half"}) {
    CAPTURE(written);
    CHECK(meaning(written, share()) == "[0.45, 0.5)");
    CHECK(allows(written, share(), "0.45"));
    CHECK_FALSE(allows(written, share(), "0.449"));
    CHECK_FALSE(allows(written, share(), "0.5"));
  }
  CHECK(meaning("almost 10,000", count_figure()) == "[9000, 10000)");
  CHECK(meaning("just over 1,000", count_figure()) == "(1000, 1100]");  // our extension
}

TEST_CASE("'around X' is X plus or minus the vague tolerance, or X's rounding when wider") {
  for (const char* written :
       {"around 300", "about 300", "approximately 300", "some 300", "roughly 300"}) {
    CAPTURE(written);
    CHECK(meaning(written, count_figure()) == "[270, 330]");
    CHECK(allows(written, count_figure(), "270"));
    CHECK_FALSE(allows(written, count_figure(), "269.99"));
  }
  ValueContext narrow = count_figure();
  narrow.vague = Rational(1, 100);
  CHECK(meaning("around 100", narrow) == "[95, 105]");  // 100's own rounding is wider
  CHECK(meaning("about 1 in 5", share()) == "[0.18, 2/9]");
  CHECK(meaning("around half", share()) == "[0.45, 0.55]");
}

TEST_CASE("in a change, hedges apply to the rise") {
  CHECK(meaning("more than 80%", rise()) == "(0.8, ∞)");
  CHECK(meaning("more than double", rise()) == "(1, ∞)");
  CHECK(meaning("more than doubled", rise()) == "(1, ∞)");
  CHECK(meaning("almost doubled", rise()) == "[0.9, 1)");
  CHECK(meaning("more than halved", fall()) == "(0.5, ∞)");
  CHECK(meaning("almost double", ratio()) == "[1.8, 2)");
  CHECK(meaning("more than twice", ratio()) == "(2, ∞)");
}

TEST_CASE(
    "our hedge synonyms: 'no fewer than', 'just below', 'approx', 'circa', 'an estimated', 'just "
    "above'") {
  CHECK(meaning("just below 50", count_figure()) == "[45, 50)");
  CHECK(meaning("just above 50", count_figure()) == "(50, 55]");
  for (const char* written : {"approx 300", "circa 300", "an estimated 300", "ABOUT 300"}) {
    CAPTURE(written);
    CHECK(meaning(written, count_figure()) == "[270, 330]");
  }
}

// ---- a second reading in parentheses

TEST_CASE("'almost half (47%)' is the intersection of both readings") {
  const cc::Value value = value_of("almost half (47%)", share());
  CHECK(show(value.interval) == "[0.465, 0.475]");
  CHECK_FALSE(value.hedge_conflict);
  CHECK(value.percent);
  REQUIRE(value.readings.size() == 2);
  CHECK(value.readings[0].text == "almost half");
  CHECK(show(value.readings[0].interval) == "[0.45, 0.5)");
  CHECK(value.readings[1].text == "47%");
  CHECK(show(value.readings[1].interval) == "[0.465, 0.475]");
  CHECK(meaning("more than a quarter (26%)", share()) == "[0.255, 0.265]");
  CHECK(meaning("almost half (50%)", share()) == "[0.495, 0.5)");
}

TEST_CASE(
    "two readings that do not overlap are a hedge conflict carried by the figure in parentheses") {
  const cc::Value value = value_of("almost half (52%)", share());
  CHECK(value.hedge_conflict);
  CHECK(show(value.interval) == "[0.515, 0.525]");
  CHECK(show(value.readings[0].interval) == "[0.45, 0.5)");
  CHECK(value_of("more than a quarter (24%)", share()).hedge_conflict);
}

TEST_CASE("a single reading is the trimmed value") {
  const cc::Value value = value_of("  89%  ", share());
  CHECK(value.written == "89%");
  REQUIRE(value.readings.size() == 1);
  CHECK(value.readings[0].text == "89%");
  CHECK_FALSE(value.hedge_conflict);
}

// ---- exact and precision

TEST_CASE("exact: digits mean exactly the number written, and hedges still apply") {
  ValueContext exact = count_figure();
  exact.exact = true;
  CHECK(meaning("10,000", exact) == "[10000, 10000]");
  CHECK(meaning("2.5 million", exact) == "[2500000, 2500000]");
  CHECK(meaning("more than 10,000", exact) == "(10000, ∞)");
  CHECK(meaning("around 300", exact) == "[270, 330]");
  ValueContext exact_share = share();
  exact_share.exact = true;
  CHECK(meaning("89%", exact_share) == "[0.89, 0.89]");
  CHECK(meaning("half", exact_share) == "[0.5, 0.5]");
  CHECK(meaning("1 in 4", exact_share) == "[0.25, 0.25]");
}

TEST_CASE("precision: the rounding unit, in the units the value is written in") {
  ValueContext hundred = count_figure();
  hundred.precision = Rational(100);
  CHECK(meaning("7,062", hundred) == "[7012, 7112]");
  CHECK(meaning("2.5 million", hundred) == "[2499950, 2500050]");
  ValueContext tenth_of_a_point = share();
  tenth_of_a_point.precision = Rational(1, 10);
  CHECK(meaning("89%", tenth_of_a_point) == "[0.8895, 0.8905]");  // percentage points
  ValueContext five = real_figure();
  five.precision = Rational(5);
  CHECK(meaning("nine", five) == "[6.5, 11.5]");
}

// ---- YAML numbers

TEST_CASE("YAML numbers arrive as their text") {
  CHECK(meaning("7062", count_figure()) == "[7062, 7062]");
  CHECK(meaning("0.48", share()) == "[0.475, 0.485]");  // a plain number in a share is a fraction
  CHECK(meaning("0.89", rise()) == "[0.885, 0.895]");
  CHECK(meaning("1e3", count_figure()) == "[950, 1050]");
  CHECK(meaning("1.5e3", count_figure()) == "[1450, 1550]");
  CHECK(meaning("1E+3", count_figure()) == "[950, 1050]");
  CHECK(meaning("2.5e-3") == "[0.00245, 0.00255]");
  CHECK(meaning("1e15", count_figure()) == "[950000000000000, 1050000000000000]");
  CHECK(meaning(".5", share()) == "[0.45, 0.55]");
  CHECK(meaning("+89%", rise()) == "[0.885, 0.895]");
  CHECK(meaning("007", count_figure()) == "[7, 7]");  // never octal
  CHECK(meaning("0", count_figure()) == "[0, 0]");
  CHECK(meaning("0") == "[0, 0.5]");  // never below zero…
  CHECK(meaning("0%", rise()) ==
        "[-0.005, 0.005]");  // …except a change, which may be a slight fall
}

// ---- errors

TEST_CASE("an unreadable part is quoted, with its offset and length") {
  const ErrorSeen typo = error_of("abuot 300");
  CHECK(typo.message == "could not read 'abuot' in 'abuot 300'");
  CHECK(typo.offset == 0);
  CHECK(typo.length == 5);
  const ErrorSeen indented = error_of("  abuot 300 ");
  CHECK(indented.message == "could not read 'abuot' in 'abuot 300'");
  CHECK(indented.offset == 2);
  const ErrorSeen trailing = error_of("7,062 offences", count_figure());
  CHECK(trailing.message == "could not read 'offences' in '7,062 offences'");
  CHECK(trailing.offset == 6);
  CHECK(trailing.length == 8);
  CHECK(error_of("true").message == "could not read 'true' in 'true'");
  CHECK(error_of("third", share()).message == "could not read 'third' in 'third'");
  CHECK(error_of("5 percentage points", rise()).message ==
        "could not read 'percentage' in '5 percentage points'");
  const ErrorSeen grouping = error_of("70,62");
  CHECK(grouping.message ==
        "could not read '70,62' in '70,62': a comma must separate groups of three digits");
  CHECK(grouping.length == 5);
  CHECK(error_of("1,0000").message ==
        "could not read '1,0000' in '1,0000': a comma must separate groups of three digits");
  CHECK(error_of("2.5 million %").message == "could not read '%' in '2.5 million %'");
}

TEST_CASE("not numbers, infinities and numbers out of range are errors, never zeros") {
  CHECK(error_of(".nan").message == "not a number: '.nan'");
  CHECK(error_of("nan").message == "not a number: 'nan'");
  CHECK(error_of("NaN").message == "not a number: 'NaN'");
  CHECK(error_of(".inf").message == "not a finite number: '.inf'");
  CHECK(error_of("inf").message == "not a finite number: 'inf'");
  CHECK(error_of("-.inf").message == "not a finite number: '-.inf'");
  const ErrorSeen huge = error_of("1e400");
  CHECK(huge.message == "number out of range: '1e400' (exponents go up to 15)");
  CHECK(huge.offset == 0);
  CHECK(huge.length == 5);
  CHECK(error_of("1e16").message == "number out of range: '1e16' (exponents go up to 15)");
  CHECK(error_of("1e-16").message == "number out of range: '1e-16' (exponents go up to 15)");
  const std::string digits31(31, '9');
  CHECK(error_of(digits31).message == "too many digits: '" + digits31 + "' (at most 30)");
  CHECK(std::holds_alternative<cc::Value>(cc::parse_value(std::string(30, '9'), count_figure())));
}

TEST_CASE("an empty value is an error") {
  CHECK(error_of("").message == "the value is empty");
  CHECK(error_of("   ").message == "the value is empty");
}

TEST_CASE("a negative value is an error, and a change asks for 'direction: fall'") {
  const ErrorSeen change = error_of("-12%", rise());
  CHECK(change.message ==
        "a change cannot be negative ('-12%'): write a fall with 'direction: fall'");
  CHECK(change.offset == 0);
  CHECK(change.length == 4);
  CHECK(error_of("−12%", rise()).message ==
        "a change cannot be negative ('−12%'): write a fall with 'direction: fall'");
  CHECK(error_of("-5", count_figure()).message == "a value cannot be negative: '-5'");
  CHECK(error_of("-12%", fall()).message == "a value cannot be negative: '-12%'");
  CHECK(error_of("more than -5").message == "a value cannot be negative: '-5'");
  CHECK(error_of("more than -5").offset == 10);
}

TEST_CASE("a form the role cannot take is an error naming it") {
  CHECK(error_of("89%", count_figure()).message == "a count cannot be a percentage: '89%'");
  CHECK(error_of("almost 89%", count_figure()).message == "a count cannot be a percentage: '89%'");
  CHECK(error_of("almost 89%", count_figure()).offset == 7);
  ValueContext count_total = in_role(FactKind::total);
  count_total.count = true;
  CHECK(error_of("12 per cent", count_total).message ==
        "a count cannot be a percentage: '12 per cent'");
  CHECK(error_of("half", count_figure()).message == "a count cannot be a fraction: 'half'");
  CHECK(error_of("1 in 4", count_figure()).message == "a count cannot be a fraction: '1 in 4'");
  CHECK(error_of("a majority", count_figure()).message ==
        "a count cannot be a fraction: 'a majority'");
  CHECK(error_of("double", count_figure()).message ==
        "'double' is a multiplier, which needs a ratio or a change, not a figure");
  CHECK(error_of("twice").message ==
        "'twice' is a multiplier, which needs a ratio or a change, not a figure");
  CHECK(error_of("doubled", share()).message ==
        "'doubled' is a multiplier, which needs a ratio or a change, not a share");
  CHECK(error_of("halved", rise()).message ==
        "a rise cannot be 'halved': write a fall with 'direction: fall'");
  CHECK(error_of("doubled", fall()).message == "a fall cannot be 'doubled': it is a rise");
  CHECK(error_of("48", share()).message ==
        "a share is a fraction of 1, so '48' would be more than the whole: write a percentage with "
        "'%'");
}

TEST_CASE("hedges need something to qualify") {
  const ErrorSeen alone = error_of("about");
  CHECK(alone.message == "'about' needs a number after it");
  CHECK(alone.length == 5);
  CHECK(error_of("more than").message == "'more than' needs a number after it");
  const ErrorSeen range = error_of("more than a majority", share());
  CHECK(range.message ==
        "could not read 'more than' in 'more than a majority': 'a majority' is already a range");
  CHECK(range.offset == 0);
  CHECK(range.length == 9);
  CHECK(error_of("less than 0").message == "'less than 0' leaves no possible value");
  CHECK(error_of("about abuot 300").message == "could not read 'abuot' in 'about abuot 300'");
}

TEST_CASE("'K in N' needs whole numbers with N at least K") {
  CHECK(error_of("1 in 0", share()).message ==
        "could not read '1 in 0' in '1 in 0': 'K in N' needs a whole number K from 1 to N");
  CHECK(error_of("5 in 4", share()).message ==
        "could not read '5 in 4' in '5 in 4': 'K in N' needs a whole number K from 1 to N");
  CHECK(error_of("1 in", share()).message ==
        "could not read 'in' in '1 in': '1 in N' needs a number N");
  CHECK(error_of("1 in every", share()).message ==
        "could not read 'in every' in '1 in every': '1 in N' needs a number N");
}

TEST_CASE("parentheses hold a second reading at the end, and nothing else") {
  const std::string expected_reason =
      ": a second reading goes in parentheses at the end, as in 'almost half (47%)'";
  const ErrorSeen unclosed = error_of("almost half (47%", share());
  CHECK(unclosed.message == "could not read '(' in 'almost half (47%'" + expected_reason);
  CHECK(unclosed.offset == 12);
  CHECK(error_of("(47%)", share()).message == "could not read '(' in '(47%)'" + expected_reason);
  CHECK(error_of("half ()", share()).message ==
        "could not read '(' in 'half ()'" + expected_reason);
  const ErrorSeen after = error_of("half (47%) more", share());
  CHECK(after.message == "could not read ')' in 'half (47%) more'" + expected_reason);
  CHECK(after.offset == 9);
  CHECK(error_of("half (47%) (48%)", share()).message ==
        "could not read ')' in 'half (47%) (48%)'" + expected_reason);
  const ErrorSeen inner = error_of("almost half (47 pc.)", share());
  CHECK(inner.message == "could not read '.' in 'almost half (47 pc.)'");
  CHECK(inner.offset == 18);
}

// ---- the numbers the quote check compares

TEST_CASE("value_numbers gives each written number normalised") {
  const auto numbers = [](std::string_view written, const ValueContext& context = real_figure()) {
    return cc::value_numbers(value_of(written, context));
  };
  CHECK(numbers("7,062", count_figure()) == Numbers{"7062"});
  CHECK(numbers("7062", count_figure()) == Numbers{"7062"});
  CHECK(numbers("2.5") == Numbers{"2.5"});
  CHECK(numbers("89%", share()) == Numbers{"89"});
  CHECK(numbers("89 per cent", share()) == Numbers{"89"});
  CHECK(numbers("nine") == Numbers{"9"});
  CHECK(numbers("forty-two") == Numbers{"42"});
  CHECK(numbers("1 in 4", share()) == Numbers{"1", "4"});
  CHECK(numbers("one in every five", share()) == Numbers{"1", "5"});
  CHECK(numbers("2.5 million") == Numbers{"2.5"});
  CHECK(numbers("£1.6m") == Numbers{"1.6"});
  CHECK(numbers("two million") == Numbers{"2000000"});
  CHECK(numbers("half", share()) == Numbers{"half"});
  CHECK(numbers("a third", share()) == Numbers{"third"});
  CHECK(numbers("two thirds", share()) == Numbers{"2", "third"});
  CHECK(numbers("three quarters", share()) == Numbers{"3", "quarter"});
  CHECK(numbers("doubled", ratio()) == Numbers{"double"});
  CHECK(numbers("twice", ratio()) == Numbers{"twice"});
  CHECK(numbers("a majority", share()) == Numbers{"majority"});
  CHECK(numbers("almost half (47%)", share()) == Numbers{"half", "47"});
  CHECK(numbers("more than 10,000", count_figure()) == Numbers{"10000"});
  CHECK(numbers("1e3", count_figure()) == Numbers{"1000"});
  CHECK(numbers("0.480", share()) == Numbers{"0.48"});
}

TEST_CASE("numbers_in_text finds the numbers of a quote, normalised the same way") {
  CHECK(cc::numbers_in_text(
            "7,062 sexual communication with a child offences were recorded in 2023-24") ==
        Numbers{"7062", "2023", "24"});
  CHECK(cc::numbers_in_text("Snapchat named in 48% of those cases") == Numbers{"48"});
  CHECK(cc::numbers_in_text("a rise of 89 per cent since 2017-18") == Numbers{"89", "2017", "18"});
  CHECK(cc::numbers_in_text("Nine grooming offences per day") == Numbers{"9"});
  CHECK(cc::numbers_in_text("forty two cases, or forty-two") == Numbers{"42", "42"});
  CHECK(cc::numbers_in_text("two hundred and fifty people") == Numbers{"250"});
  CHECK(cc::numbers_in_text("one in five victims") == Numbers{"1", "5"});
  SECTION("a scaled number is found as its mantissa and as its whole value") {
    CHECK(cc::numbers_in_text("£2.5 million") == Numbers{"2.5", "2500000"});
    CHECK(cc::numbers_in_text("a £2.5m fund") == Numbers{"2.5", "2500000"});
    CHECK(cc::numbers_in_text("two million") == Numbers{"2000000", "2"});
  }
  SECTION("fraction and multiplier words stay words, plurals folded") {
    CHECK(cc::numbers_in_text("almost half of the reported cases") == Numbers{"half"});
    CHECK(cc::numbers_in_text("A third as paedophiles") == Numbers{"third"});
    CHECK(cc::numbers_in_text("two-thirds of them") == Numbers{"2", "third"});
    CHECK(cc::numbers_in_text("Offences have doubled") == Numbers{"double"});
    CHECK(cc::numbers_in_text("the majority of victims") == Numbers{"majority"});
  }
  SECTION("separators and punctuation") {
    CHECK(cc::numbers_in_text("in 2019, 12 forces") == Numbers{"2019", "12"});
    CHECK(cc::numbers_in_text("recorded in 2023.") == Numbers{"2023"});
    CHECK(cc::numbers_in_text("10,20,30") == Numbers{"10", "20", "30"});
    CHECK(cc::numbers_in_text("1,824 cases") == Numbers{"1824"});
  }
  SECTION("any UTF-8: curly quotes, dashes, no-break spaces") {
    CHECK(cc::numbers_in_text("\xE2\x80\x9C"
                              "more than 7,000\xE2\x80\x9D \xE2\x80\x93 up 12%") ==
          Numbers{"7000", "12"});
    CHECK(cc::numbers_in_text("2017\xE2\x80\x93"
                              "18") == Numbers{"2017", "18"});
    CHECK(cc::numbers_in_text("89\xC2\xA0per cent") == Numbers{"89"});
    CHECK(cc::numbers_in_text("caf\xC3\xA9 \xF0\x9F\x98\x80 \xFF\xFE 3") == Numbers{"3"});
    CHECK(cc::numbers_in_text("\xE2\x82") == Numbers{});  // a cut-off sequence
    CHECK(cc::numbers_in_text("") == Numbers{});
  }
}
