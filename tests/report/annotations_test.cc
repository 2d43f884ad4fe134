// `check --annotations github`: one workflow command per finding, escaped.
#include <catch2/catch.hpp>

#include <sstream>

#include "report/report.h"
#include "report/report_fixture.h"

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
