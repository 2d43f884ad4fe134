// records: a record is above (below) every earlier figure of the same length.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("records: a record high below an earlier year", "[rules][records]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: y2021, quote: 6901 cases, value: 6901, measure: cases, where: Land, when: 2021}
  - {id: y2023, quote: a record 6351 cases, value: 6351, measure: cases, where: Land, when: 2023, record: high}
)")}};
  const auto checked = check_sources("records-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "record error [a/y2021, a/y2023]: 'a/y2023' claims a record high, which cases · Land · "
        "2021 rules out");
  CHECK(check_sources("records-off", files, {"records"}).findings.empty());
}

TEST_CASE("records: more than 7,000 for the first time, after an earlier 7,301",
          "[rules][records]") {
  const auto checked = check_sources(
      "records-first-time",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: earlier, quote: 7301 cases, value: 7301, measure: cases, where: Land, when: 2019-20}
  - {id: latest, quote: '7,062 cases', value: '7,062', measure: cases, where: Land, when: 2023-24, record: {high: true, first_time_above: 7000}}
)")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("record error [a/earlier, a/latest]", 0) == 0);
}

TEST_CASE("records: a record that holds, and spans of another length are not compared",
          "[rules][records]") {
  const auto checked = check_sources(
      "records-silent",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: y2021, quote: 5001 cases, value: 5001, measure: cases, where: Land, when: 2021}
  - {id: two-years, quote: 9999 cases, value: 9999, measure: cases, where: Land, when: 2020..2021}
  - {id: rolling, quote: 6001 cases, value: 6001, measure: cases, where: Land, when: 2022-07..2023-06}
  - {id: y2023, quote: a record 6351 cases, value: 6351, measure: cases, where: Land, when: 2023, record: high}
)")}});
  CHECK(checked.findings.empty());
}

namespace {

// One source of yearly `cases` in Land, then the record fact.
cc::test::Checked check_years(const std::string& name, const std::string& facts) {
  return check_sources(name, {{"a.yaml", source_file("a", facts)}});
}

std::string year(int y, const std::string& value) {
  return "  - {id: y" + std::to_string(y) + ", quote: q, value: '" + value +
         "', measure: cases, where: Land, when: " + std::to_string(y) + "}\n";
}

std::string record_fact(const std::string& when, const std::string& value,
                        const std::string& record) {
  return "  - {id: claim, quote: q, value: '" + value +
         "', measure: cases, where: Land, when: " + when + ", record: " + record + "}\n";
}

}  // namespace

TEST_CASE("records: the highest since 2019, against a year after 2019 and against 2019",
          "[rules][records]") {
  const std::string since = "{kind: high, since: 2019}";
  const auto between = check_years("records-since-between", year(2019, "900") + year(2021, "850") +
                                                                record_fact("2023", "800", since));
  REQUIRE(between.findings.size() == 1);
  CHECK(between.findings[0] ==
        "record error [a/claim, a/y2021]: 'a/claim' claims a record high since 2019, which "
        "cases · Land · 2021 rules out");
  // 2019 bounds it: 2019 was at least as high
  const auto bound = check_years("records-since-bound", year(2019, "700") + year(2021, "650") +
                                                            record_fact("2023", "800", since));
  REQUIRE(bound.findings.size() == 1);
  CHECK(bound.findings[0].rfind("record error [a/claim, a/y2019]", 0) == 0);
  // years before 2019 are not compared; a 2019 that is not stated bounds nothing
  CHECK(check_years("records-since-silent",
                    year(2017, "990") + year(2021, "650") + record_fact("2023", "800", since))
            .findings.empty());
  // a monthly record since a year: months after 2019 compared, no bound from 2019
  CHECK(check_years("records-since-month", year(2019, "10") + record_fact("2023-03", "80", since))
            .findings.empty());
}

TEST_CASE("records: since records began, from its start date", "[rules][records]") {
  const std::string began = "{kind: low, records_began: 2010}";
  const auto fires = check_years("records-began-fires", year(2009, "100") + year(2012, "300") +
                                                            record_fact("2023", "350", began));
  REQUIRE(fires.findings.size() == 1);
  CHECK(fires.findings[0] ==
        "record error [a/claim, a/y2012]: 'a/claim' claims a record low since records began in "
        "2010, which cases · Land · 2012 rules out");
  CHECK(check_years("records-began-silent",
                    year(2009, "100") + year(2012, "400") + record_fact("2023", "350", began))
            .findings.empty());
}

TEST_CASE("records: a rank is at most, and with the whole series known, exactly",
          "[rules][records]") {
  const std::string second = "{kind: high, rank: 2}";
  const auto two_above = check_years("records-rank-two-above",
                                     year(2020, "900") + year(2021, "950") + year(2022, "100") +
                                         record_fact("2023", "800", second));
  REQUIRE(two_above.findings.size() == 1);
  CHECK(two_above.findings[0].rfind(
            "record error [a/claim, a/y2020, a/y2021]: 'a/claim' claims the second-highest on "
            "record",
            0) == 0);
  CHECK(all_steps(two_above, 0).find("at most 1 of") != std::string::npos);
  CHECK(check_years("records-rank-one-above",
                    year(2020, "900") + year(2021, "750") + record_fact("2023", "800", second))
            .findings.empty());
  // no year above: only partly known, so silent; known whole since 2020, so it fires
  const std::string known = "{kind: high, rank: 2, records_began: 2020}";
  CHECK(check_years("records-rank-none-above-open",
                    year(2020, "700") + year(2021, "750") + record_fact("2023", "800", second))
            .findings.empty());
  CHECK(check_years("records-rank-gap",
                    year(2020, "700") + year(2021, "750") + record_fact("2023", "800", known))
            .findings.empty());  // 2022 is not known
  const auto exact =
      check_years("records-rank-exact", year(2020, "700") + year(2021, "750") + year(2022, "760") +
                                            record_fact("2023", "800", known));
  REQUIRE(exact.findings.size() == 1);
  CHECK(exact.findings[0].rfind("record error [a/claim, a/y2020, a/y2021, a/y2022]", 0) == 0);
  // the second-lowest, counted from below
  const auto low =
      check_years("records-rank-low", year(2020, "100") + year(2021, "150") +
                                          record_fact("2023", "200", "{kind: low, rank: 2}"));
  REQUIRE(low.findings.size() == 1);
  CHECK(low.findings[0].find("claims the second-lowest on record") != std::string::npos);
}

TEST_CASE("records: the same time of year, leap days matched to the end of February",
          "[rules][records]") {
  const auto day = [](const std::string& id, const std::string& when, const std::string& value) {
    return "  - {id: " + id + ", quote: q, value: '" + value +
           "', measure: cases, where: Land, when: " + when + "}\n";
  };
  const std::string toy = "{kind: high, same_time_of_year: true}";
  // 29 February 2024 against 28 February 2023 (the last day of February), not 1 March 2023
  const auto fires = check_years("records-toy-leap", day("feb-2023", "2023-02-28", "90") +
                                                         day("mar-2023", "2023-03-01", "99") +
                                                         record_fact("2024-02-29", "80", toy));
  REQUIRE(fires.findings.size() == 1);
  CHECK(fires.findings[0] ==
        "record error [a/claim, a/feb-2023]: 'a/claim' claims a record high for the time of "
        "year, which cases · Land · 2023-02-28 rules out");
  // another day of the year, however high, is not compared; nor is the plain record's
  // same-length period
  CHECK(check_years("records-toy-silent", day("mar-2023", "2023-03-01", "99") +
                                              day("feb-2023", "2023-02-28", "70") +
                                              record_fact("2024-02-29", "80", toy))
            .findings.empty());
}

TEST_CASE("records: changes between consecutive periods", "[rules][records]") {
  // the largest rise: 2023 − 2022 = 50; 2020 → 2021 rose by 100
  const std::string rise = "{kind: high, over: rise}";
  const auto fires =
      check_years("records-largest-rise", year(2020, "500") + year(2021, "600") +
                                              year(2022, "560") + record_fact("2023", "610", rise));
  REQUIRE(fires.findings.size() == 1);
  CHECK(fires.findings[0].find("claims the largest rise") != std::string::npos);
  CHECK(all_steps(fires, 0).find("the rise from cases · Land · 2022 to cases · Land · 2023") !=
        std::string::npos);
  // a gap breaks the pairs: 2019 → 2021 is not a one-year change
  CHECK(check_years("records-largest-rise-gap", year(2019, "400") + year(2021, "600") +
                                                    year(2022, "560") +
                                                    record_fact("2023", "610", rise))
            .findings.empty());
  // a "largest fall" that is a rise
  CHECK(check_years("records-fall-rose",
                    year(2022, "500") + record_fact("2023", "510", "{kind: high, over: fall}"))
            .findings.size() == 1);
  // the first rise since 2019: 2019 rose, every year since held or fell, 2023 rose
  const std::string first = "{kind: first, over: rise, since: 2019}";
  CHECK(check_years("records-first-rise-silent", year(2018, "100") + year(2019, "200") +
                                                     year(2021, "150") + year(2022, "150") +
                                                     record_fact("2023", "170", first))
            .findings.empty());
  const auto bridged = check_years("records-first-rise-bridged",
                                   year(2018, "100") + year(2019, "200") + year(2021, "250") +
                                       year(2022, "150") + record_fact("2023", "170", first));
  REQUIRE(bridged.findings.size() == 1);  // 2019 → 2021 rose, whatever 2020 was
  CHECK(bridged.findings[0].rfind("record error [a/claim, a/y2019, a/y2021]", 0) == 0);
  // 2019 itself did not rise
  CHECK(check_years("records-first-rise-bound", year(2018, "300") + year(2019, "200") +
                                                    year(2022, "150") +
                                                    record_fact("2023", "170", first))
            .findings.size() == 1);
}

TEST_CASE("records: combinations a record cannot have are input errors", "[rules][records]") {
  const auto errors = [](const std::string& record) {
    return check_files("records-errors",
                       {{"vocabulary.yaml", test_vocabulary()},
                        {"a.yaml", source_file("a", record_fact("2023", "1", record))}})
        .diagnostics;
  };
  CHECK(errors("{kind: first, since: 2018}").find("'kind: first' needs 'over: rise'") !=
        std::string::npos);
  CHECK(errors("{kind: low, over: fall}").find("write 'kind: high'") != std::string::npos);
  CHECK(errors("{kind: high, since: 2019, records_began: 2004}").find("not both") !=
        std::string::npos);
  CHECK(errors("{kind: high, rank: 0}").find("from 1 to 100") != std::string::npos);
  CHECK(errors("{kind: highest}").find("'high', 'low' or 'first'") != std::string::npos);
  CHECK(errors("{kind: high, high: true}").find("one kind") != std::string::npos);
  CHECK(errors("{kind: high, since: 2019-13}").find("month 13") != std::string::npos);
  CHECK(errors("{kind: high, rank: 2, first_time_above: 5}").find("first_time_above") !=
        std::string::npos);
  CHECK(errors("{kind: high, since: 2019, rank: 2}").empty());
}
