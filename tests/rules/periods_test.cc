// periods: a span holds the periods inside it; periods that tile a span sum to it.
#include <algorithm>

#include "load/memory_loader.h"
#include "rules/build.h"
#include "rules/rule.h"
#include "rules/rule_test_support.h"

using namespace cc::test;

namespace {
// How many exact sums (tilings) the periods rule adds for `files` and the test vocabulary.
std::size_t sum_eq_count(const std::string& name,
                         std::vector<std::pair<std::string, std::string>> files) {
  files.emplace_back("vocabulary.yaml", test_vocabulary());
  cc::Diagnostics diagnostics;
  const cc::FactBase base =
      cc::load_fact_base_from_memory(name, cc::FileTexts(files.begin(), files.end()), diagnostics);
  const cc::FactGraph graph = cc::build_graph(base);
  return static_cast<std::size_t>(
      std::count_if(graph.constraints.begin(), graph.constraints.end(), [](const auto& c) {
        return c.kind == cc::ConstraintKind::sum_eq && cc::rule_of(c).id == "periods";
      }));
}

const std::string kQuarters =
    R"(  - {id: q1, quote: 2001 cases, value: 2001, measure: cases, where: Land, when: 2019-Q1}
  - {id: q2, quote: 2002 cases, value: 2002, measure: cases, where: Land, when: 2019-Q2}
  - {id: q3, quote: 2003 cases, value: 2003, measure: cases, where: Land, when: 2019-Q3}
  - {id: q4, quote: 2004 cases, value: 2004, measure: cases, where: Land, when: 2019-Q4}
)";
}  // namespace

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

TEST_CASE("periods: an 18-month window inside a two-year span does not hide the years",
          "[rules][periods]") {
  // 2022 lies inside the window, whose nearest container is the span. The window is in no
  // tiling (2022-H1 is not stated), so 2022 is offered to the span and 2021 + 2022 tile it.
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: y1, quote: 1000 cases, value: 1000, measure: cases, where: Land, when: 2021}
  - {id: y2, quote: 1200 cases, value: 1200, measure: cases, where: Land, when: 2022}
  - {id: window, quote: 1700 cases, value: 1700, measure: cases, where: Land, when: 2021-07..2022-12}
  - {id: span, quote: 2500 cases, value: 2500, measure: cases, where: Land, when: 2021..2022}
)")}};
  const auto checked = check_sources("periods-window", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("implied error [a/span, a/y1, a/y2]", 0) == 0);
  CHECK(all_steps(checked, 0).find("2021 and 2022 make up 2021..2022") != std::string::npos);
}

TEST_CASE("periods: years hidden in a window are summed when they cover more of the span",
          "[rules][periods]") {
  // The span 2018-11..2022 holds the window 2019..2020-06 (which holds 2019), 2020 and
  // 2021; the fiscal year 2018-04..2019-03 overlaps the span's first edge and is ignored.
  // The window + 2021 = 850 fits under 1000; 2019 + 2020 + 2021 = 1100 does not.
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: y19, quote: 300 cases, value: 300, measure: cases, where: Land, when: 2019}
  - {id: y20, quote: 400 cases, value: 400, measure: cases, where: Land, when: 2020}
  - {id: y21, quote: 400 cases, value: 400, measure: cases, where: Land, when: 2021}
  - {id: window, quote: 450 cases, value: 450, measure: cases, where: Land, when: 2019-01..2020-06}
  - {id: edge, quote: 300 cases, value: 300, measure: cases, where: Land, when: 2018-04..2019-03}
  - {id: span, quote: 1000 cases, value: 1000, measure: cases, where: Land, when: 2018-11..2021-12}
)")}};
  const auto checked = check_sources("periods-widest", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("containment error [a/span, a/y19, a/y20, a/y21]", 0) == 0);
  CHECK(all_steps(checked, 0).find("2019, 2020 and 2021 lie inside 2018-11..2021") !=
        std::string::npos);
}

TEST_CASE("periods: a tiling that only splits a piece of another is not added",
          "[rules][periods]") {
  // 2020 lies inside the window 2019-04..2020-12, so the span's nearest sub-periods are
  // 2019 and the window; they overlap, and both offer what lies inside them (the quarters,
  // 2020). The span is then tiled by 2019 + 2020 and by Q1 + the window; Q1..Q4 + 2020
  // only splits 2019 and follows by chaining. Four sums in all: those two, 2019 by its
  // quarters and the window by Q2..Q4 + 2020.
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           kQuarters +
               R"(  - {id: y19, quote: 8010 cases, value: 8010, measure: cases, where: Land, when: 2019}
  - {id: y20, quote: 9000 cases, value: 9000, measure: cases, where: Land, when: 2020}
  - {id: window, quote: 15009 cases, value: 15009, measure: cases, where: Land, when: 2019-04..2020-12}
  - {id: span, quote: 17010 cases, value: 17010, measure: cases, where: Land, when: 2019..2020}
)")}};
  CHECK(check_sources("periods-refine", files).findings.empty());
  CHECK(sum_eq_count("periods-refine", files) == 4);
}
