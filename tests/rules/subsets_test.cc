// subsets: a subset is at most its whole; exclusive values are disjoint.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("subsets: exclusive age bands above their whole", "[rules][subsets]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{{"a.yaml", source_file("a", R"(  - {id: all, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: children, quote: 301 cases, value: 301, measure: cases, where: Land, when: 2020, subset: {age: child}}
  - {id: adults, quote: 303 cases, value: 303, measure: cases, where: Land, when: 2020, subset: {age: adult}}
)")}};
  const auto checked = check_sources("subsets-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("containment error [a/adults, a/all, a/children]", 0) == 0);
  CHECK(all_steps(checked, 0).find("age: child and age: adult are disjoint parts of the whole") != std::string::npos);
  CHECK(check_sources("subsets-off", files, {"subsets"}).findings.empty());
}

TEST_CASE("subsets: a subset above its whole", "[rules][subsets]") {
  const auto checked = check_sources("subsets-single", {{"a.yaml", source_file("a", R"(  - {id: all, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: ward, quote: 603 cases, value: 603, measure: cases, where: Land, when: 2020, subset: {ward: A}}
)")}});
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0].rfind("containment error [a/all, a/ward]", 0) == 0);
}

TEST_CASE("subsets: wards are not exclusive, so they may sum above the whole", "[rules][subsets]") {
  const auto checked = check_sources("subsets-silent", {{"a.yaml", source_file("a", R"(  - {id: all, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: a, quote: 301 cases, value: 301, measure: cases, where: Land, when: 2020, subset: {ward: A}}
  - {id: b, quote: 303 cases, value: 303, measure: cases, where: Land, when: 2020, subset: {ward: B}}
)")}});
  CHECK(checked.findings.empty());
}
