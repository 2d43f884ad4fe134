// exclusive-shares: shares of one whole whose parts are disjoint add up to at most 100 %.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("exclusive shares above 100%", "[rules][exclusive-shares]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml",
       source_file(
           "a",
           R"(  - {id: children, quote: 61% children, value: 61%, share: {of: {measure: cases, where: Land, when: 2020}, part: {subset: {age: child}}}}
  - {id: adults, quote: 52% adults, value: 52%, share: {of: {measure: cases, where: Land, when: 2020}, part: {subset: {age: adult}}}}
)")}};
  const auto checked = check_sources("exclusive-shares-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "containment error [a/adults, a/children]: disjoint shares of cases · Land · 2020 add up "
        "to more than 100%");
  CHECK(check_sources("exclusive-shares-off", files, {"exclusive-shares"}).findings.empty());
}

TEST_CASE("exclusive shares that fit, and non-exclusive ones above 100%",
          "[rules][exclusive-shares]") {
  const auto checked = check_sources(
      "exclusive-shares-silent",
      {{"a.yaml",
        source_file(
            "a",
            R"(  - {id: children, quote: 61% children, value: 61%, share: {of: {measure: cases, where: Land, when: 2020}, part: {subset: {age: child}}}}
  - {id: adults, quote: 39% adults, value: 39%, share: {of: {measure: cases, where: Land, when: 2020}, part: {subset: {age: adult}}}}
  - {id: ward-a, quote: 70% in ward A, value: 70%, share: {of: {measure: cases, where: Land, when: 2020}, part: {subset: {ward: A}}}}
  - {id: ward-b, quote: 70% in ward B, value: 70%, share: {of: {measure: cases, where: Land, when: 2020}, part: {subset: {ward: B}}}}
)")}});
  CHECK(checked.findings.empty());
}
