// periods: a span holds the periods inside it; periods that tile a span sum to it.
#include "rules/rule_test_support.h"

using namespace cc::test;

namespace {
const std::string kQuarters =
    R"(  - {id: q1, quote: 2001 cases, value: 2001, measure: cases, where: Land, when: 2019-Q1}
  - {id: q2, quote: 2002 cases, value: 2002, measure: cases, where: Land, when: 2019-Q2}
  - {id: q3, quote: 2003 cases, value: 2003, measure: cases, where: Land, when: 2019-Q3}
  - {id: q4, quote: 2004 cases, value: 2004, measure: cases, where: Land, when: 2019-Q4}
)";
}

TEST_CASE("periods: a year stated above what its quarters sum to is implied wrong",
          "[rules][periods]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file("a", kQuarters + "  - {id: year, quote: more than 10000 cases, value: 'more "
                                    "than 10,000', measure: cases, where: Land, when: 2019}\n")}};
  const auto checked = check_sources("periods-implied", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "implied error [a/q1, a/q2, a/q3, a/q4, a/year]: the facts imply different values for "
        "cases · Land · 2019: "
        "more than 10,000 and 8,010");
  CHECK(all_steps(checked, 0)
            .find("2,001 + 2,002 + 2,003 + 2,004 = 8,010 (2019-Q1, 2019-Q2, 2019-Q3 and 2019-Q4 "
                  "make up 2019)") != std::string::npos);
  CHECK(check_sources("periods-off", files, {"periods"}).findings.empty());
}

TEST_CASE("periods: a quarter above its year is a containment finding", "[rules][periods]") {
  const auto checked = check_sources(
      "periods-containment",
      {{"a.yaml", source_file("a",
                              "  - {id: q1, quote: 2001 cases, value: 2001, measure: cases, where: "
                              "Land, when: 2019-Q1}\n"
                              "  - {id: year, quote: fewer than 1500 cases, value: fewer than "
                              "1500, measure: cases, where: Land, when: 2019}\n")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("containment error [a/q1, a/year]", 0) == 0);
}

TEST_CASE("periods: fiscal years tile their span, calendar and fiscal years overlap silently",
          "[rules][periods]") {
  // 2019-20 + 2020-21 = 2019-20..2020-21; the calendar year 2020 overlaps both and sums
  // with nothing.
  const auto checked = check_sources(
      "periods-silent",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: a, quote: 101 cases, value: 101, measure: cases, where: Land, when: 2019-20}
  - {id: b, quote: 103 cases, value: 103, measure: cases, where: Land, when: 2020-21}
  - {id: span, quote: 204 cases, value: 204, measure: cases, where: Land, when: 2019-20..2020-21}
  - {id: calendar, quote: 199 cases, value: 199, measure: cases, where: Land, when: 2020}
)")}});
  CHECK(checked.findings.empty());
}

TEST_CASE("periods: a fiscal span whose years do not add up", "[rules][periods]") {
  const auto checked = check_sources(
      "periods-fiscal",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: a, quote: 101 cases, value: 101, measure: cases, where: Land, when: 2019-20}
  - {id: b, quote: 103 cases, value: 103, measure: cases, where: Land, when: 2020-21}
  - {id: span, quote: 207 cases, value: 207, measure: cases, where: Land, when: 2019-04..2021-03}
)")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("implied error [a/a, a/b, a/span]", 0) == 0);
}
