#pragma once
// A small fact base for the report tests, written from strings, loaded and checked: two
// sources that disagree on a count (with different notes), a rise that its figures do not
// give, an accepted conflict, a stale accept, and quotes full of characters that every
// format must escape ("<script>", "|", "*", "_", "%", ":", ",").

#include <filesystem>
#include <memory>
#include <string>

#include "engine/check.h"
#include "load/loader.h"
#include "report/report.h"
#include "support/test_support.h"

namespace cc::test {

struct Checked_base {
  std::filesystem::path facts;  // the folder the fixture was written to
  FactBase base;
  CheckResult result;
  [[nodiscard]] ReportInput input() const { return ReportInput{base, result}; }
};

inline std::string fixture_vocabulary() {
  return R"YAML(tolerances: { vague: 0.10, warn: 0.01 }
fiscal_year_start: 04-01
measures:
  offences: { name: "offences recorded by police", unit: offences }
places:
  Land:
    North:
    South:
)YAML";
}

inline std::string fixture_gazette() {
  return R"YAML(source:
  id: gazette
  title: "Offences <b>soar</b> | a *special* report_2024"
  publisher: The Gazette
  published: 2024-02-01
  url: "javascript:alert(1)"
defaults:
  measure: offences
  where: Land
facts:
  # The first year.
  - id: year-one
    quote: "<script>alert('x')</script> 3,217 offences | were recorded in 2017-18"
    value: 3,217
    when: 2017-18
    note: "from 43 forces: a *count*, 100% of them"

  - id: year-two
    quote: "then 4,373 in 2018-19"
    value: 4,373
    when: 2018-19

  - id: rise
    quote: "a rise of 89% in a year"
    value: 89%
    change: { from: year-one, to: year-two }

  - id: north
    quote: "North: 1,000 offences, in 2017-18"
    value: 1,000
    where: North
    when: 2017-18
    exact: true
    accept:
      - rule: conflict
        with: herald/north
        reason: "revised later, 50% of forces"
      - rule: record
        reason: an accept that matches nothing
)YAML";
}

inline std::string fixture_herald() {
  return R"YAML(source:
  id: herald
  title: Grooming offences
  publisher: Herald
  published: 2019-01-01
  url: https://example.org/herald?a=1&b=2
defaults:
  measure: offences
  where: Land
facts:
  - id: year-one
    quote: "in the first year a total of 3,171 crimes were recorded"
    value: 3,171
    when: 2017-18
    note: first-year figures

  - id: north
    quote: "the North had 1,200"
    value: 1,200
    where: North
    when: 2017-18
)YAML";
}

// Writes the fixture's three files into the folder `facts` of the scratch folder `name`
// and returns that folder (for the tests that run the program on it).
inline std::filesystem::path fixture_facts(const std::string& name) {
  const auto facts = scratch_dir(name) / "facts";
  write_file(facts / "vocabulary.yaml", fixture_vocabulary());
  write_file(facts / "gazette.yaml", fixture_gazette());
  write_file(facts / "herald.yaml", fixture_herald());
  return facts;
}

// Loads and checks the fixture (written by fixture_facts(name)). Fails the test when the
// fixture has an input error.
inline std::unique_ptr<Checked_base> checked_fixture(const std::string& name) {
  Diagnostics diagnostics;
  auto checked = std::make_unique<Checked_base>();
  checked->facts = fixture_facts(name);
  checked->base = load_fact_base(checked->facts, diagnostics);
  std::string errors;
  for (const Diagnostic& d : diagnostics.sorted()) errors += format_diagnostic(d) + "\n";
  INFO(errors);
  REQUIRE_FALSE(diagnostics.has_errors());
  checked->result = run_checks(checked->base);
  return checked;
}

}  // namespace cc::test
