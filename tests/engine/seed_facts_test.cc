// The shipped fact base (facts/, the five seed articles): it loads without an input error,
// every quote is found in its article with its value (no `quote` finding), and the check
// gives exactly the findings README.md explains. reports_are_current only says reports/ is
// what the checker writes now; this says what it must write.
#include <fmt/format.h>
#include "catch.h"

#include <algorithm>

#include "engine/check.h"
#include "load/loader.h"
#include "support/test_support.h"

TEST_CASE("the seed fact base gives the findings README.md explains, and no others",
          "[cases][seed]") {
  cc::Diagnostics diagnostics;
  const cc::FactBase base = cc::load_fact_base("facts", diagnostics);
  std::string errors;  // an INFO inside the loop would end with each pass and show nothing
  for (const auto& d : diagnostics.sorted()) errors += cc::format_diagnostic(d) + "\n";
  INFO(errors);
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(base.sources.size() == 5);

  const cc::CheckResult result = cc::run_checks(base);
  std::vector<std::string> got;
  for (const auto& finding : result.findings) {
    std::vector<std::string> refs;
    for (const auto f : finding.facts) refs.push_back(base.ref(f));
    std::sort(refs.begin(), refs.end());
    got.push_back(fmt::format("{} {} {}", cc::finding_rule_id(finding.rule),
                              cc::severity_name(finding.severity), fmt::join(refs, " ")));
  }
  std::sort(got.begin(), got.end());
  std::vector<std::string> want = {
      // 1. 3,171 (NSPCC, June 2018) revised to 3,217 (NSPCC, 2019) for England and Wales in
      //    2017-18: the earlier release is doubted, and "a third" (true of 3,217) is silent
      "revision warning cambs-2018-06-18/ew-2017-18 instagram-2019/ew-2017-18",
      // 2. a rise of 89% to 7,062 and of 82% to 6,350 from the same base year
      "implied error lbc-2024-11-01/offences-2023-24 lbc-2024-11-01/rise-since-2017-18 "
      "record-high-2023/offences-2022-23 record-high-2023/rise-since-2017-18",
      // 3. "more than 10,000 in two years" against 3,217 + 4,373
      "implied error instagram-2019/ew-2017-18 instagram-2019/ew-2018-19 "
      "ten-thousand-cases-2020-05-29/ew-two-years ten-thousand-cases-2020-05-29/headline",
      // 4. "almost half do not specify" beside 5,784 recorded, of 7,590
      "containment error instagram-2019/ew-2017-18 instagram-2019/ew-2018-19 "
      "ten-thousand-cases-2020-05-29/means-recorded "
      "ten-thousand-cases-2020-05-29/unspecified-share",
      // 5. "1 in 4" of victims divides offences by victims
      "units warning record-high-2023/under-12-share",
  };
  std::sort(want.begin(), want.end());
  INFO(fmt::format("got:\n{}", fmt::join(got, "\n")));
  CHECK(got == want);
  CHECK(result.notices.empty());

  // Which number each finding says to fix: the figure of the earlier release, the rounded
  // rise whose source is the least precise as written, the hedged headline, the vague share.
  std::vector<std::string> doubted;
  for (const auto& finding : result.findings) {
    if (finding.diagnosis) doubted.push_back(base.ref(finding.diagnosis->doubt));
  }
  std::sort(doubted.begin(), doubted.end());
  CHECK(doubted == std::vector<std::string>{"cambs-2018-06-18/ew-2017-18",
                                            "record-high-2023/rise-since-2017-18",
                                            "ten-thousand-cases-2020-05-29/headline",
                                            "ten-thousand-cases-2020-05-29/unspecified-share"});
  for (const auto& finding : result.findings) {
    INFO(finding.message);
    CHECK(finding.message.find("a third") == std::string::npos);
  }
}
