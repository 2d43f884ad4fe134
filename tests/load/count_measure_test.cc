// Additive measures count whole numbers unless `count: false`; a figure of a count whose
// value holds no whole number is an input error that says how to fix it.
#include "catch.h"

#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;

TEST_CASE("a decimal figure of a count measure is an input error naming the fix", "[load]") {
  const auto dir = scratch_dir("count-decimal");
  write_file(dir / "vocabulary.yaml", "measures:\n  energy: {unit: GWh}\nplaces:\n  Land:\n");
  write_file(dir / "a.yaml", source_file("a",
                                         "  - {id: e, quote: 1234.5 GWh, value: 1234.5, measure: "
                                         "energy, where: Land, when: 2020}\n"));
  const auto r = run_cli({"lint", dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == (dir / "a.yaml").string() +
                     ":6:39: error: '1234.5' (1,234.45…1,234.55) holds no whole number, but "
                     "'energy' counts GWh in "
                     "whole numbers; write 'count: false' on the measure if it is not counted that "
                     "way [value]\n");
}

TEST_CASE("count: false keeps an additive measure's decimals, and a count cannot be non-additive",
          "[load]") {
  const auto dir = scratch_dir("count-false");
  write_file(dir / "vocabulary.yaml",
             "measures:\n  energy: {unit: GWh, count: false}\n  rate: {unit: x, additive: false, "
             "count: true}\nplaces:\n  Land:\n");
  write_file(dir / "a.yaml", source_file("a",
                                         "  - {id: e, quote: 1234.5 GWh, value: 1234.5, measure: "
                                         "energy, where: Land, when: 2020}\n"));
  const auto r = run_cli({"lint", dir.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("the measure 'rate' cannot be a count and not additive") != std::string::npos);
  CHECK(r.err.find("holds no whole number") == std::string::npos);
}
