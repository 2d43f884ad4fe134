// places: a place holds its children, and children never overlap.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("places: a town above its region is a containment finding", "[rules][places]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: north, quote: 401 cases, value: 401, measure: cases, where: North, when: 2020}
  - {id: town, quote: 502 cases, value: 502, measure: cases, where: Town, when: 2020}
)")}};
  const auto checked = check_sources("places-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "containment error [a/north, a/town]: cases · Town · 2020 exceeds cases · North · 2020, "
        "which holds it "
        "(Town lies inside North)");
  CHECK(check_sources("places-off", files, {"places"}).findings.empty());
}

TEST_CASE("places: children above their parent together are a containment finding",
          "[rules][places]") {
  const auto checked = check_sources(
      "places-sum",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: land, quote: 601 cases, value: 601, measure: cases, where: Land, when: 2020}
  - {id: north, quote: 301 cases, value: 301, measure: cases, where: North, when: 2020}
  - {id: south, quote: 401 cases, value: 401, measure: cases, where: South, when: 2020}
)")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind(
            "containment error [a/land, a/north, a/south]: the parts of cases · Land · 2020", 0) ==
        0);
}

TEST_CASE("places: children inside their parent and a non-additive rate stay silent",
          "[rules][places]") {
  const auto checked = check_sources(
      "places-silent",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: land, quote: 601 cases, value: 601, measure: cases, where: Land, when: 2020}
  - {id: north, quote: 301 cases, value: 301, measure: cases, where: North, when: 2020}
  - {id: south, quote: 299 cases, value: 299, measure: cases, where: South, when: 2020}
  - {id: land-rate, quote: 5.1 per 1000, value: 5.1, measure: rate, where: Land, when: 2020}
  - {id: town-rate, quote: 9.3 per 1000, value: 9.3, measure: rate, where: Town, when: 2020}
)")}});
  CHECK(checked.findings.empty());
}
