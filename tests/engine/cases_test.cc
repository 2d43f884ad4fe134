// End-to-end cases: tests/cases/<name>/facts/ is a small fact base and expected.json the
// findings it must give: rule, severity and the facts of each (as sorted refs), whether
// an accept covers it ("accepted", false unless given), and optionally words its message
// and steps must contain. A case lists the inference rules
// it exercises under "rules": with any of them switched off its findings must change,
// so a case cannot pass by accident.
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include "catch.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "engine/check.h"
#include "load/loader.h"
#include "support/test_support.h"

namespace {

using nlohmann::json;

struct Found {
  std::string rule;
  std::string severity;
  std::vector<std::string> facts;  // sorted refs
  bool operator<(const Found& o) const {
    return std::tie(rule, severity, facts) < std::tie(o.rule, o.severity, o.facts);
  }
  bool operator==(const Found& o) const {
    return std::tie(rule, severity, facts) == std::tie(o.rule, o.severity, o.facts);
  }
};

std::string show(const std::vector<Found>& found) {
  std::string out;
  for (const auto& f : found) {
    out += fmt::format("  {} {} [{}]\n", f.rule, f.severity, fmt::join(f.facts, ", "));
  }
  return out.empty() ? "  (none)\n" : out;
}

std::vector<Found> summarize(const cc::FactBase& base, const std::vector<cc::Finding>& findings) {
  std::vector<Found> out;
  for (const auto& finding : findings) {
    Found f{std::string(cc::finding_rule_id(finding.rule)),
            std::string(cc::severity_name(finding.severity)),
            {}};
    for (const auto fact : finding.facts) f.facts.push_back(base.ref(fact));
    std::sort(f.facts.begin(), f.facts.end());
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::filesystem::path> case_dirs() {
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry :
       std::filesystem::directory_iterator(cc::test::source_dir() / "tests" / "cases")) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

const cc::Finding* matching(const cc::FactBase& base, const std::vector<cc::Finding>& findings,
                            const json& want) {
  std::vector<std::string> refs = want.at("facts").get<std::vector<std::string>>();
  std::sort(refs.begin(), refs.end());
  for (const auto& finding : findings) {
    std::vector<std::string> have;
    for (const auto f : finding.facts) have.push_back(base.ref(f));
    std::sort(have.begin(), have.end());
    if (cc::finding_rule_id(finding.rule) == want.at("rule").get<std::string>() && have == refs)
      return &finding;
  }
  return nullptr;
}

// "diagnosis": {"doubt": ref, "cause": "digits" | null, "corrected": "2,174", "because":
// [words]}: the doubted fact is the finding's first; a cause or corrected value left out of
// the expectation must be absent in the finding (no slip claimed where the case expects
// none); `because`, when given, lists words the sentence must contain.
void check_diagnosis(const cc::FactBase& base, const cc::Finding& finding, const json& want) {
  REQUIRE(finding.diagnosis.has_value());
  INFO(fmt::format("because: {}", finding.diagnosis->because));
  CHECK(base.ref(finding.diagnosis->doubt) == want.at("doubt").get<std::string>());
  CHECK(base.ref(finding.facts.at(0)) == want.at("doubt").get<std::string>());
  const auto text = [&](const char* key) {
    return want.contains(key) && !want.at(key).is_null() ? want.at(key).get<std::string>()
                                                         : std::string();
  };
  CHECK(finding.diagnosis->cause == text("cause"));
  CHECK(finding.diagnosis->corrected == text("corrected"));
  if (want.contains("because")) {
    for (const auto& words : want.at("because"))
      CHECK(finding.diagnosis->because.find(words.get<std::string>()) != std::string::npos);
  }
}

// Checks one case folder: its findings, their details, and that each rule it lists
// matters (with the rule switched off the findings change).
void check_case(const std::filesystem::path& dir) {
  const json expected = json::parse(cc::test::read_file(dir / "expected.json"));
  cc::Diagnostics diagnostics;
  const auto facts_dir = std::filesystem::relative(dir / "facts", cc::test::source_dir());
  const cc::FactBase base = cc::load_fact_base(facts_dir, diagnostics);
  INFO(fmt::format("input errors:\n{}", [&] {
    std::string all;
    for (const auto& d : diagnostics.sorted()) all += cc::format_diagnostic(d) + "\n";
    return all;
  }()));
  REQUIRE_FALSE(diagnostics.has_errors());
  const cc::CheckResult result = cc::run_checks(base);

  std::vector<Found> want;
  for (const auto& f : expected.at("findings")) {
    Found w{f.at("rule"), f.value("severity", "error"),
            f.at("facts").get<std::vector<std::string>>()};
    std::sort(w.facts.begin(), w.facts.end());
    want.push_back(std::move(w));
  }
  std::sort(want.begin(), want.end());
  const auto got = summarize(base, result.findings);
  INFO(fmt::format("expected:\n{}got:\n{}", show(want), show(got)));
  CHECK(got == want);

  for (const auto& f : expected.at("findings")) {
    const cc::Finding* finding = matching(base, result.findings, f);
    if (!finding) continue;
    INFO(fmt::format("{} finding on [{}]", f.at("rule").get<std::string>(),
                     fmt::join(f.at("facts").get<std::vector<std::string>>(), ", ")));
    CHECK(finding->accepted.has_value() == f.value("accepted", false));
    for (const auto& words : f.value("message", std::vector<std::string>{})) {
      INFO(fmt::format("message: {}", finding->message));
      CHECK(finding->message.find(words) != std::string::npos);
    }
    if (f.contains("diagnosis")) check_diagnosis(base, *finding, f.at("diagnosis"));
    std::string steps;
    for (const auto& s : finding->steps) steps += s + "\n";
    for (const auto& words : f.value("steps", std::vector<std::string>{})) {
      INFO(fmt::format("steps:\n{}", steps));
      CHECK(steps.find(words) != std::string::npos);
    }
  }

  // With a rule off, the findings or the facts they doubt must change.
  const auto doubts = [&](const std::vector<cc::Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& finding : findings)
      if (finding.diagnosis) out.push_back(base.ref(finding.diagnosis->doubt));
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const auto& rule : expected.value("rules", std::vector<std::string>{})) {
    cc::EngineOptions options;
    options.build.disabled_rules = {rule};
    const auto findings_without = cc::run_checks(base, options).findings;
    if (doubts(findings_without) != doubts(result.findings)) continue;
    const auto without = summarize(base, findings_without);
    INFO(fmt::format("with '{}' switched off the findings must change; they are:\n{}", rule,
                     show(without)));
    CHECK_FALSE(without == got);
  }
}

}  // namespace

// One ctest entry per case folder (tests/CMakeLists.txt registers "case/<name>" with
// CROSSCHECK_CASE=<name>), so `ctest -R <name>` runs one case. The test is hidden from
// Catch's own listing so that ctest does not run the cases twice; run directly without
// CROSSCHECK_CASE, it checks every case.
TEST_CASE("end-to-end case", "[.][cases]") {
  const char* name = std::getenv("CROSSCHECK_CASE");
  if (name != nullptr) {
    const auto dir = cc::test::source_dir() / "tests" / "cases" / name;
    INFO("case folder: " << dir.string());
    REQUIRE(std::filesystem::is_directory(dir));
    check_case(dir);
    return;
  }
  const auto dirs = case_dirs();
  REQUIRE_FALSE(dirs.empty());
  for (const auto& dir : dirs) {
    DYNAMIC_SECTION(dir.filename().string()) {
      check_case(dir);
    }
  }
}
