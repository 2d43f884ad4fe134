// The solver bounds its work on a pathological component and says so, never hangs.
#include "catch.h"

#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;

TEST_CASE("a cycle that narrows forever reaches the work bound and is reported", "[solve]") {
  // A is more than B and B more than A: each round raises both lower bounds by one, and
  // nothing bounds them above, so propagation alone would never end.
  const auto dir = scratch_dir("limits-cycle");
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(
      dir / "a.yaml",
      source_file(
          "a",
          R"(  - {id: a, quote: more than 10 cases, value: more than 10, measure: cases, where: North, when: 2020}
  - {id: b, quote: more than 10 cases, value: more than 10, measure: cases, where: South, when: 2020}
  - {id: ab, quote: more than double, value: more than double, ratio: {of: a, to: b}}
  - {id: ba, quote: more than double, value: more than double, ratio: {of: b, to: a}}
)"));
  const auto r = run_cli({"check", dir.string(), "--out", (dir / "out").string()});
  CHECK(r.err.find("reached the work bound") != std::string::npos);
  CHECK(read_file(dir / "out" / "report.json").find("reached the work bound") != std::string::npos);
}
