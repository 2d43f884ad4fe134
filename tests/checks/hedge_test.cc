// hedge: the two readings of one written value do not overlap.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("hedge: almost half (52%) cannot be", "[rules][hedge]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"a.yaml", source_file("a",
                             "  - {id: s, quote: almost half (52%) were children, value: almost "
                             "half (52%), share: {of: {measure: cases, where: Land, "
                             "when: 2020}, part: {subset: {age: child}}}}\n")}};
  const auto checked = check_sources("hedge-fires", files);
  REQUIRE(checked.findings.size() == 1);
  CHECK(checked.findings[0] ==
        "hedge error [a/s]: the two readings of 'almost half (52%)' do not overlap: 'almost half' "
        "is 45%…50% and "
        "'52%' is 51.5%…52.5%");
  CHECK(check_sources("hedge-off", files, {"hedge"}).findings.empty());
}

TEST_CASE("hedge: almost half (47%) and more than a quarter (26%) agree", "[rules][hedge]") {
  const auto checked = check_sources(
      "hedge-silent",
      {{"a.yaml", source_file("a",
                              "  - {id: s, quote: almost half (47%) were children, value: almost "
                              "half (47%), share: {of: {measure: cases, where: "
                              "Land, when: 2020}, part: {subset: {age: child}}}}\n"
                              "  - {id: t, quote: more than a quarter (26%) in ward A, value: more "
                              "than a quarter (26%), share: {of: {measure: "
                              "cases, where: Land, when: 2020}, part: {subset: {ward: A}}}}\n")}});
  CHECK(checked.findings.empty());
}
