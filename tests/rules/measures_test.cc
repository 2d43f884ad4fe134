// measures: a measure `within` another is at most it, key for key.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("measures: more tested than cases", "[rules][measures]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: cases, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: tested, quote: 603 tested, value: 603, measure: tested, where: Land, when: 2020}
)")}};
  const auto checked = check_sources("measures-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "containment error [a/cases, a/tested]: tested · Land · 2020 exceeds cases · Land · 2020, "
        "which holds it "
        "(tested is within cases)");
  CHECK(check_sources("measures-off", files, {"measures"}).findings.empty());
}

TEST_CASE("measures: fewer tested than cases, and beds unrelated", "[rules][measures]") {
  const auto checked = check_sources(
      "measures-silent",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: cases, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: tested, quote: 499 tested, value: 499, measure: tested, where: Land, when: 2020}
  - {id: beds, quote: 9001 beds, value: 9001, measure: beds, where: Land, when: 2020}
)")}});
  CHECK(checked.findings.empty());
}
