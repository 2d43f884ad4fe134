// records: a record is above (below) every earlier figure of the same length.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("records: a record high below an earlier year", "[rules][records]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{{"a.yaml", source_file("a", R"(  - {id: y2021, quote: 6901 cases, value: 6901, measure: cases, where: Land, when: 2021}
  - {id: y2023, quote: a record 6351 cases, value: 6351, measure: cases, where: Land, when: 2023, record: high}
)")}};
  const auto checked = check_sources("records-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "record error [a/y2021, a/y2023]: 'a/y2023' claims a record high, which cases · Land · 2021 rules out");
  CHECK(check_sources("records-off", files, {"records"}).findings.empty());
}

TEST_CASE("records: more than 7,000 for the first time, after an earlier 7,301", "[rules][records]") {
  const auto checked = check_sources("records-first-time", {{"a.yaml", source_file("a", R"(  - {id: earlier, quote: 7301 cases, value: 7301, measure: cases, where: Land, when: 2019-20}
  - {id: latest, quote: '7,062 cases', value: '7,062', measure: cases, where: Land, when: 2023-24, record: {high: true, first_time_above: 7000}}
)")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("record error [a/earlier, a/latest]", 0) == 0);
}

TEST_CASE("records: a record that holds, and spans of another length are not compared", "[rules][records]") {
  const auto checked = check_sources("records-silent", {{"a.yaml", source_file("a", R"(  - {id: y2021, quote: 5001 cases, value: 5001, measure: cases, where: Land, when: 2021}
  - {id: two-years, quote: 9999 cases, value: 9999, measure: cases, where: Land, when: 2020..2021}
  - {id: rolling, quote: 6001 cases, value: 6001, measure: cases, where: Land, when: 2022-07..2023-06}
  - {id: y2023, quote: a record 6351 cases, value: 6351, measure: cases, where: Land, when: 2023, record: high}
)")}});
  CHECK(checked.findings.empty());
}
