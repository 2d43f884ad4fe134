// claims: relation claims define their quantity from others: recompute and implied.
#include "rules/rule_test_support.h"

using namespace cc::test;

namespace {
const std::string kYears =
    R"(  - {id: y1, quote: 3217 cases, value: 3217, measure: cases, where: Land, when: 2017-18}
  - {id: y2, quote: 4373 cases, value: 4373, measure: cases, where: Land, when: 2018-19}
)";
}

TEST_CASE("claims: a stated rise the stated figures contradict is a recompute", "[rules][claims]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           kYears +
               "  - {id: rise, quote: a rise of 89%, value: 89%, change: {from: y1, to: y2}}\n")}};
  const auto checked = check_sources("claims-recompute", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "recompute error [a/rise, a/y1, a/y2]: 'a/rise' states a rise of 89%, but 3217 ('a/y1') "
        "and 4373 ('a/y2') "
        "give 35.9%");
  CHECK(check_sources("claims-recompute-off", files, {"claims"}).findings.empty());
}

TEST_CASE("claims: a rise of a third and twelve a day agree with 3,217 to 4,373",
          "[rules][claims]") {
  // 4,373 / 3,217 = 1.359 (a third: 1.300…1.367); 4,373 / 365 days = 11.98 ("12": 11.5…12.5)
  const auto checked = check_sources(
      "claims-silent",
      {{"a.yaml",
        source_file(
            "a",
            kYears +
                "  - {id: rise, quote: soared by a third, value: a third, change: {from: y1, to: "
                "y2}}\n"
                "  - {id: per-day, quote: 12 a day, value: 12, rate: {of: y2, per: day}}\n")}});
  CHECK(checked.findings.empty());
}

TEST_CASE("claims: two rises to stated figures imply different bases", "[rules][claims]") {
  const auto checked = check_sources(
      "claims-implied",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: latest, quote: 7062 cases, value: 7062, measure: cases, where: Land, when: 2023-24}
  - {id: rise, quote: a rise of 89%, value: 89%, change: {from: {when: 2017-18}, to: latest}}
)")},
       {"b.yaml",
        source_file(
            "b",
            R"(  - {id: last, quote: 6351 cases, value: 6351, measure: cases, where: Land, when: 2022-23}
  - {id: rise, quote: up 82%, value: 82%, change: {from: {when: 2017-18}, to: last}}
)",
            "2023-06-01")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "implied error [a/latest, a/rise, b/last, b/rise]: the facts imply different values for "
        "cases · Land · 2017-18: "
        "3,727…3,746 and 3,480…3,499");
  const std::string steps = all_steps(checked, 0);
  CHECK(steps.find("cases · Land · 2017-18 = 7,062 ÷ (1 + 88.5%…89.5%) = 3,727…3,746") !=
        std::string::npos);
  CHECK(steps.find("cases · Land · 2017-18 = 6,351 ÷ (1 + 81.5%…82.5%) = 3,480…3,499") !=
        std::string::npos);
}

TEST_CASE("claims: a chain of rise, share and rate contradicts a figure three steps away",
          "[rules][claims]") {
  // base 1,001 → rise of 50% → 1,497…1,506 in 2020 (366 days) → 20% of them tested:
  // 299…302 tested in 2020 → "one a day" (0.5…1.5 per day: 183…549) would agree;
  // "two a day" (1.5…2.5 per day: 549…915 tested) does not, though it fits inside the
  // cases themselves.
  const std::string facts = R"(  - {id: base, quote: 1001 cases, value: 1001, when: 2019}
  - {id: rise, quote: up 50%, value: 50%, change: {from: base, to: {when: 2020}}}
  - {id: share, quote: 20% tested, value: 20%, share: {of: {when: 2020}, part: {measure: tested, when: 2020}}}
  - {id: daily, quote: two tested a day, value: two, rate: {of: {measure: tested, when: 2020}, per: day}}
)";
  const auto checked = check_sources(
      "claims-chain",
      {{"a.yaml", source_file("a", facts, "2024-01-01", "{measure: cases, where: Land}")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("implied error [a/base, a/daily, a/rise, a/share]", 0) == 0);
  const std::string steps = all_steps(checked, 0);
  CHECK(steps.find("366 days") != std::string::npos);
}

namespace {
// 40,260 deaths in 2020 (366 days) and 21,960 in 2021 (365 days), exactly: 18,300 fewer.
const std::string kDeaths =
    R"(  - {id: y2020, quote: 40260 cases, value: 40260, exact: true, measure: cases, where: Land, when: 2020}
  - {id: y2021, quote: 21960 cases, value: 21960, exact: true, measure: cases, where: Land, when: 2021}
)";
}  // namespace

TEST_CASE("claims: a difference the stated figures contradict is a recompute",
          "[rules][claims][difference]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file("a", kDeaths + "  - {id: drop, quote: 30000 fewer, value: 30000, "
                                  "difference: {from: y2020, to: y2021, direction: fall}}\n")}};
  const auto checked = check_sources("claims-difference", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "recompute error [a/drop, a/y2020, a/y2021]: 'a/drop' states a fall of 30000, but 40260 "
        "('a/y2020') and 21960 ('a/y2021') give 18,300");
  CHECK(all_steps(checked, 0)
            .find("the fall from cases · Land · 2020 to cases · Land · 2021 = "
                  "40,260 − 21,960 = 18,300") != std::string::npos);
  CHECK(check_sources("claims-difference-off", files, {"claims"}).findings.empty());
}

TEST_CASE("claims: a difference without direction is to − from, and may come out negative",
          "[rules][claims][difference]") {
  // "1,000 more than in 2020" where the figures fell by 18,300: to − from = −18,300.
  const auto checked = check_sources(
      "claims-difference-rise",
      {{"a.yaml", source_file("a", kDeaths + "  - {id: more, quote: 1000 more, value: about 1000, "
                                             "difference: {from: y2020, to: y2021}}\n")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].find("states a difference of about 1000") != std::string::npos);
  CHECK(checked.findings[0].find("give -18,300") != std::string::npos);
  CHECK(all_steps(checked, 0).find("= 21,960 − 40,260 = -18,300") != std::string::npos);
}

TEST_CASE("claims: hedges apply to the size of a difference", "[rules][claims][difference]") {
  const auto check = [&](const std::string& value, const std::string& direction) {
    return check_sources(
               "claims-difference-hedge",
               {{"a.yaml", source_file("a", kDeaths + "  - {id: d, quote: q, value: " + value +
                                                ", difference: {from: y2020, to: "
                                                "y2021, direction: " +
                                                direction + "}}\n")}})
        .findings.size();
  };
  CHECK(check("more than 18000", "fall") == 0);
  CHECK(check("more than 18300", "fall") == 1);  // strict: 18,300 is not more than 18,300
  CHECK(check("about 20000", "fall") == 0);      // 18,000 … 22,000
  CHECK(check("about 16000", "fall") == 1);      // 14,400 … 17,600
  CHECK(check("about 18000", "rise") == 1);      // to − from is −18,300, not about +18,000
}

TEST_CASE("claims: a difference per day compares the rates of the two periods",
          "[rules][claims][difference]") {
  // 40,260 / 366 = 110 a day in 2020, 21,960 / 365 = 60.16 a day in 2021: 49.84 fewer a day.
  const auto check = [&](const std::string& value) {
    return check_sources(
        "claims-difference-per-day",
        {{"a.yaml", source_file("a", kDeaths + "  - {id: saved, quote: q, value: " + value +
                                         ", difference: {from: y2020, to: y2021, direction: "
                                         "fall, per: day}}\n")}});
  };
  const auto fires = check("more than 50");
  REQUIRE(fires.findings.size() == 1);
  CHECK(fires.findings[0] ==
        "recompute warning [a/saved, a/y2020, a/y2021]: 'a/saved' states a fall of more than 50, "
        "but 40260 ('a/y2020') and 21960 ('a/y2021') give 49.84");
  const std::string steps = all_steps(fires, 0);
  CHECK(steps.find("cases · Land · 2020 per day = 40,260 ÷ 366 days = 110") != std::string::npos);
  CHECK(steps.find("cases · Land · 2021 per day = 21,960 ÷ 365 days = 60.16") != std::string::npos);
  CHECK(steps.find("the fall per day from cases · Land · 2020 to cases · Land · 2021 = 110 − "
                   "60.16 = 49.84") != std::string::npos);
  CHECK(steps.find("cannot be both 49.84 and more than 50") != std::string::npos);
  CHECK(check("almost 50").findings.empty());  // 45 … 50
  CHECK(check("50").findings.empty());         // 49.5 … 50.5
}

TEST_CASE("claims: a rate of a difference is written with per on the difference",
          "[rules][claims][difference]") {
  const auto checked = check_files(
      "claims-difference-rate",
      {{"vocabulary.yaml", test_vocabulary()},
       {"a.yaml",
        source_file("a", kDeaths + "  - {id: drop, quote: q, value: 18300, difference: "
                                   "{from: y2020, to: y2021, direction: fall}}\n"
                                   "  - {id: daily, quote: q, value: 50, rate: {of: drop, "
                                   "per: day}}\n"
                                   "  - {id: neg, quote: q, value: -5, difference: {from: "
                                   "y2020, to: y2021}}\n"
                                   "  - {id: half, quote: q, value: half, difference: {from: "
                                   "y2020, to: y2021}}\n"
                                   "  - {id: sum, quote: q, value: 62220, total: {of: [y2020, "
                                   "y2021]}}\n"
                                   "  - {id: per, quote: q, value: 5, difference: {from: sum, "
                                   "to: y2021, per: day}}\n")}});
  CHECK(checked.diagnostics.find(
            "a rate of a difference is written as the difference itself with 'per: day' ('drop' "
            "is a difference) [relation]") != std::string::npos);
  CHECK(checked.diagnostics.find("a difference cannot be negative ('-5'): write a fall with "
                                 "'direction: fall' [value]") != std::string::npos);
  // a difference of counts is read as a count
  CHECK(checked.diagnostics.find("a count cannot be a fraction: 'half' [value]") !=
        std::string::npos);
  CHECK(checked.diagnostics.find("a difference with 'per' divides each figure by the length of "
                                 "its period: name a figure or a key pattern, not the total "
                                 "'sum' [relation]") != std::string::npos);
}
