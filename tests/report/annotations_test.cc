// `check --annotations github`: one workflow command per finding, escaped.
#include "catch.h"

#include <sstream>

#include "report/report.h"
#include "report/report_fixture.h"
#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc;

TEST_CASE("GitHub annotations: one command per finding at its file, line and column", "[report]") {
  const auto checked = test::checked_fixture("annotations");
  const std::string out = render_github_annotations(checked->input());
  std::istringstream lines(out);
  std::string line;
  std::size_t i = 0;
  const auto& findings = checked->result.findings;
  while (std::getline(lines, line)) {
    REQUIRE(i < findings.size());
    const Finding& finding = findings[i++];
    INFO(line);
    const std::string command =
        finding.accepted ? "notice" : std::string(severity_name(finding.severity));
    const std::string file = checked->base.file_of(finding.location);
    CHECK(line.starts_with(
        "::" + command + " file=" + file + ",line=" + std::to_string(finding.location.line) +
        ",col=" + std::to_string(finding.location.column) + ",title=crosscheck " +
        std::string(finding_rule_id(finding.rule)) + "%3A " + finding.id + "::"));
    CHECK(line.find('\r') == std::string::npos);
  }
  CHECK(i == findings.size());
  // The accepted finding's reason, its '%' escaped; steps on lines of their own (%0A).
  CHECK(out.find("(accepted on gazette/north: revised later, 50%25 of forces)%0A") !=
        std::string::npos);
  CHECK(out.find("::error ") != std::string::npos);
  CHECK(out.find("::warning ") != std::string::npos);
}

TEST_CASE("check --annotations github prints the annotations with the findings", "[report]") {
  const auto facts = test::fixture_facts("annotations-cli");
  const auto out = (facts.parent_path() / "out").string();
  const auto r = test::run_cli({"check", facts.string(), "--out", out, "--format", "json",
                                "--annotations", "github", "--quiet"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\n::error file=") != std::string::npos);
  CHECK(r.out.find("::notice file=") != std::string::npos);
  const auto plain =
      test::run_cli({"check", facts.string(), "--out", out, "--format", "json", "--quiet"});
  CHECK(plain.out.find("::error") == std::string::npos);
}

TEST_CASE("GitHub annotations: an input error is an ::error on its line", "[report]") {
  const Diagnostic typo{"facts/sp,ace.yaml",
                        12,
                        7,
                        Severity::error,
                        "unknown measure 'casse' (did you mean 'cases'?)\n100%",
                        "unknown-measure"};
  CHECK(render_github_diagnostic(typo) ==
        "::error file=facts/sp%2Cace.yaml,line=12,col=7,title=crosscheck input%3A "
        "unknown-measure::unknown measure 'casse' (did you mean 'cases'?)\\n100%25");
  const Diagnostic whole_file{"facts/a.yaml", 0, 0, Severity::warning, "empty file", ""};
  CHECK(render_github_diagnostic(whole_file) ==
        "::warning file=facts/a.yaml,title=crosscheck input::empty file");
}

TEST_CASE("check --annotations github annotates input errors too", "[report]") {
  const auto dir = test::scratch_dir("annotations-input-error");
  test::write_file(dir / "vocabulary.yaml", test::test_vocabulary());
  test::write_file(dir / "a.yaml",
                   test::source_file("a",
                                     "  - {id: n, quote: q, value: 3171, measure: casse, where: "
                                     "Land, when: 2019}\n"));
  const auto args = std::vector<std::string>{
      "check", dir.string(), "--out", (dir / "out").string(), "--annotations", "github"};
  const auto r = test::run_cli(args);
  CHECK(r.exit_code == 2);
  INFO(r.out);
  INFO(r.err);
  const std::string file = (dir / "a.yaml").string();
  CHECK(r.out.starts_with("::error file=" + file + ",line=6,col="));
  CHECK(r.out.find("casse") != std::string::npos);
  CHECK(r.err.find(file + ":6:") != std::string::npos);  // still on stderr as before
  const auto plain = test::run_cli({"check", dir.string(), "--out", (dir / "out").string()});
  CHECK(plain.out.empty());
}
