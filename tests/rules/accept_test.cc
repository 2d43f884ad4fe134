// accept: an accepted finding is still reported, marked, and never fails a run; an
// accept that matches no finding is a stale-accept.
#include "rules/rule_test_support.h"

using namespace cc::test;

TEST_CASE("accept: a reviewed conflict stays reported, marked accepted, and a stale accept is reported", "[rules][accept]") {
  const auto checked = check_sources("accept", {
      {"a.yaml", source_file("a", "  - {id: n, quote: 3171 cases, value: 3171, measure: cases, where: Land, when: 2019}\n")},
      {"b.yaml", source_file("b", R"(  - id: n
    quote: 3217 cases
    value: 3217
    measure: cases
    where: Land
    when: 2019
    accept:
      - {rule: conflict, with: a/n, reason: revised when more forces answered}
      - {rule: implied, reason: no longer needed}
)", "2024-02-01")}});
  REQUIRE(checked.findings.size() == 2);
  CHECK(checked.findings[0] == "conflict error [a/n, b/n]: cases · Land · 2019 is stated as 3,217 and as 3,171");
  CHECK(checked.findings[1] == "stale-accept warning [b/n]: the accept of 'implied' on 'b/n' matches no finding");
}
