#include "catch.h"

#include "load/vocabulary_loader.h"

using cc::Diagnostics;
using cc::Rational;
using cc::Vocabulary;

namespace {

struct ReadVocabulary {
  Vocabulary vocabulary;
  bool usable = false;
  std::vector<std::string> errors;
};

ReadVocabulary read(const std::string& text) {
  static const std::string file = "v.yaml";
  ReadVocabulary out;
  Diagnostics diagnostics;
  out.usable = cc::load::read_vocabulary(text, file, 0, out.vocabulary, diagnostics);
  for (const auto& d : diagnostics.sorted()) out.errors.push_back(format_diagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("an empty vocabulary has the default tolerances and fiscal year", "[load]") {
  const auto v = read("");
  CHECK(v.usable);
  CHECK(v.errors.empty());
  CHECK(v.vocabulary.tolerances.vague == Rational(1, 10));
  CHECK(v.vocabulary.tolerances.warn == Rational(1, 100));
  CHECK(v.vocabulary.fiscal_year_start == cc::MonthDay{4, 1});
}

TEST_CASE("tolerances are read exactly from the text", "[load]") {
  const auto v = read("tolerances: {vague: 0.15, warn: 0.005}\nfiscal_year_start: 07-01\n");
  CHECK(v.errors.empty());
  CHECK(v.vocabulary.tolerances.vague == Rational(15, 100));
  CHECK(v.vocabulary.tolerances.warn == Rational(5, 1000));
  CHECK(v.vocabulary.fiscal_year_start == cc::MonthDay{7, 1});
}

TEST_CASE("tolerances below 0 or from 1 up, and odd numbers, are errors", "[load]") {
  CHECK(read("tolerances: {vague: 1}\n").errors ==
        std::vector<std::string>{"v.yaml:1:21: error: 'vague' must be less than 1 (a fraction: 0.1 "
                                 "is 10 %) [vocabulary]"});
  CHECK(read("tolerances: {vague: -0.1}\n").errors.size() == 1);
  CHECK(read("tolerances: {vague: .nan}\n").errors.size() == 1);
  CHECK(read("tolerances: {vague: 1e-1}\n").errors.size() == 1);
  CHECK(read("tolerances: {vague: '0.1'}\n").errors.size() == 1);  // quoted: text, not a number
  CHECK(read("fiscal_year_start: 02-30\n").errors.size() == 1);
  CHECK(read("fiscal_year_start: 02-29\n").errors.empty());
}

TEST_CASE("measures: unit, additive, aliases and within", "[load]") {
  const auto v = read(R"(measures:
  offences: {unit: offences, aliases: [Grooming  Offences]}
  known: {unit: offences, within: grooming offences, name: where known}
  rate: {unit: per 100k, additive: false}
)");
  REQUIRE(v.errors.empty());
  REQUIRE(v.vocabulary.measures.size() == 3);
  CHECK(v.vocabulary.measures[0].additive);
  CHECK_FALSE(v.vocabulary.measures[2].additive);
  CHECK(v.vocabulary.measures[1].within == 0U);
  CHECK(v.vocabulary.measures[1].name == "where known");
  CHECK(v.vocabulary.measures[1].mark == cc::Mark{0, 3, 3});
  CHECK(v.vocabulary.find_measure("grooming offences") == 0U);
  CHECK(v.vocabulary.find_measure("RATE") == 2U);
}

TEST_CASE("measure errors: no unit, alias taken, within unknown or in a cycle", "[load]") {
  const auto v = read(R"(measures:
  a: {name: x}
  b: {unit: u, aliases: [c]}
  c: {unit: u, within: a}
  d: {unit: u, within: e}
  e: {unit: u, within: d}
  f: {unit: u, within: f}
  g: {unit: u, within: zz}
)");
  CHECK(v.errors ==
        std::vector<std::string>{
            "v.yaml:2:6: error: the measure 'a' needs 'unit' [missing-field]",
            "v.yaml:4:3: error: 'c' already names the measure 'b' (line 3) [duplicate-name]",
            "v.yaml:5:24: error: 'within' makes a cycle: d → e → d [vocabulary]",
            "v.yaml:7:24: error: the measure 'f' cannot be within itself [vocabulary]",
            "v.yaml:8:24: error: unknown measure 'zz' [unknown-measure]",
        });
}

TEST_CASE("places are a tree, and names appear once", "[load]") {
  const auto v = read(R"(places:
  UK:
    England and Wales:
      England: [Kent, Essex]
      Wales:
    Scotland:
)");
  REQUIRE(v.errors.empty());
  const auto& places = v.vocabulary.places;
  REQUIRE(places.size() == 7);
  CHECK(places[0].name == "UK");
  CHECK_FALSE(places[0].parent.has_value());
  CHECK(places[3].name == "Kent");
  CHECK(places[3].depth == 3);
  CHECK(
      v.vocabulary.place_within(*v.vocabulary.find_place("kent"), *v.vocabulary.find_place("uk")));
  CHECK_FALSE(v.vocabulary.place_within(*v.vocabulary.find_place("scotland"),
                                        *v.vocabulary.find_place("England")));
  CHECK(
      read("places:\n  UK:\n    England: [Kent]\n  kent:\n").errors ==
      std::vector<std::string>{
          "v.yaml:4:3: error: the place 'kent' is given twice (first at line 3) [duplicate-name]"});
  CHECK(read("places: [A, [B]]\n").errors.size() == 1);
}

TEST_CASE("dimensions: exclusive and values", "[load]") {
  const auto v = read(
      "dimensions:\n  platform:\n  age-band: {exclusive: true, values: [under 12, 12 to 15]}\n");
  REQUIRE(v.errors.empty());
  REQUIRE(v.vocabulary.dimensions.size() == 2);
  CHECK_FALSE(v.vocabulary.dimensions[0].exclusive);
  CHECK(v.vocabulary.dimensions[1].exclusive);
  CHECK(v.vocabulary.dimensions[1].values == std::vector<std::string>{"under 12", "12 to 15"});
  CHECK(read("dimensions:\n  a: {values: [x, X]}\n").errors.size() == 1);
  CHECK(read("dimensions:\n  a: {exclusiv: true}\n").errors ==
        std::vector<std::string>{"v.yaml:2:7: error: unknown field 'exclusiv' in a dimension (did "
                                 "you mean 'exclusive'?) [unknown-field]"});
}

TEST_CASE("a vocabulary that is not YAML cannot be used", "[load]") {
  const auto v = read("measures: [\n");
  CHECK_FALSE(v.usable);
  CHECK(v.errors.size() == 1);
}

TEST_CASE("place and measure names match in any case beyond ASCII", "[load]") {
  const auto v = read(
      "measures:\n  pupils: {unit: pupils, aliases: [\u00E9l\u00E8ves]}\nplaces:\n  Z\u00FCrich:\n"
      "  \u00CEle-de-France:\n  Gro\u00DFbritannien:\n");
  INFO((v.errors.empty() ? std::string() : v.errors[0]));
  REQUIRE(v.errors.empty());
  CHECK(v.vocabulary.find_place("Z\u00DCRICH").has_value());
  CHECK(v.vocabulary.find_place("\u00EEle-de-france").has_value());
  CHECK(v.vocabulary.find_place("GROSSBRITANNIEN").has_value());
  CHECK(v.vocabulary.find_measure("\u00C9L\u00C8VES").has_value());
  CHECK_FALSE(v.vocabulary.find_place("Zurich").has_value());  // accents still count
  CHECK(v.vocabulary.find_place("  z\u00FCrich ").has_value());
}
