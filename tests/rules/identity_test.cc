// identity: figures with the same key are one quantity → `conflict` when they disagree.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("identity: two sources stating one quantity differently conflict", "[rules][identity]") {
  const auto checked = check_sources(
      "identity-fires", {{"a.yaml", source_file("a",
                                                "  - {id: n, quote: 3171 cases, value: 3171, "
                                                "measure: cases, where: Land, when: 2019}\n")},
                         {"b.yaml", source_file("b",
                                                "  - {id: n, quote: 3217 cases, value: 3217, "
                                                "measure: cases, where: land, when: 2019}\n",
                                                "2024-02-01")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "conflict error [a/n, b/n]: cases · Land · 2019 is stated as 3,217 and as 3,171");
  CHECK(check_sources("identity-off",
                      {{"a.yaml", source_file("a",
                                              "  - {id: n, quote: 3171 cases, value: 3171, "
                                              "measure: cases, where: Land, when: 2019}\n")},
                       {"b.yaml", source_file("b",
                                              "  - {id: n, quote: 3217 cases, value: 3217, "
                                              "measure: cases, where: Land, when: 2019}\n")}},
                      {"identity"})
            .findings.empty());
}

TEST_CASE("identity: a rounded figure and an exact one that it allows agree", "[rules][identity]") {
  // "34,000" means 33,500…34,500; 34,120 lies inside.
  const auto checked =
      check_sources("identity-silent",
                    {{"a.yaml", source_file("a",
                                            "  - {id: n, quote: '34,000 cases', value: '34,000', "
                                            "measure: cases, where: Land, when: 2019}\n")},
                     {"b.yaml", source_file("b",
                                            "  - {id: n, quote: 34120 cases, value: 34120, "
                                            "measure: cases, where: Land, when: 2019}\n")}});
  CHECK(checked.findings.empty());
}

TEST_CASE("identity: a near miss below the warn tolerance is a warning", "[rules][identity]") {
  // 10,050 against 10,000 exactly: a gap of 0.5 %.
  const auto checked =
      check_sources("identity-warning",
                    {{"a.yaml", source_file("a",
                                            "  - {id: n, quote: 10000 cases, value: 10000, exact: "
                                            "true, measure: cases, where: Land, when: 2019}\n")},
                     {"b.yaml", source_file("b",
                                            "  - {id: n, quote: 10050 cases, value: 10050, exact: "
                                            "true, measure: cases, where: Land, when: 2019}\n")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("conflict warning [a/n, b/n]", 0) == 0);
}
