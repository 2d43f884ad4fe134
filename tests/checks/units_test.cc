// units: a share or change between quantities of different units; a ratio between them is
// what it says.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("units: cases as a share of beds is a warning, and still takes part", "[rules][units]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: beds, quote: 2001 beds, value: 2001, measure: beds, where: Land, when: 2020}
  - {id: cases, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: share, quote: 1 in 4 beds, value: 1 in 4, share: {of: beds, part: cases}}
)")}};
  const auto checked = check_sources("units-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "units warning [a/share]: 'a/share' is a share of cases in beds: the units differ");
  CHECK(check_sources("units-off", files, {"units"}).findings.empty());
}

TEST_CASE("units: a share within one unit, and a ratio of two counts of cases", "[rules][units]") {
  const auto checked = check_sources(
      "units-silent",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: cases, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: tested, quote: 251 tested, value: 251, measure: tested, where: Land, when: 2020}
  - {id: share, quote: half were tested, value: half, share: {of: cases, part: tested}}
  - {id: ratio, quote: double, value: double, ratio: {of: cases, to: tested}}
)")}});
  CHECK(checked.findings.empty());
}

TEST_CASE("units: cases per bed is a ratio of different units, and no finding", "[rules][units]") {
  // As "around 54 people per boat": a ratio or rate between units is what it says.
  const auto checked = check_sources(
      "units-ratio",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: beds, quote: 2001 beds, value: 2001, measure: beds, where: Land, when: 2020}
  - {id: cases, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: per-bed, quote: a quarter of a case per bed, value: 0.25, ratio: {of: cases, to: beds}}
)")}});
  CHECK(checked.findings.empty());
}
