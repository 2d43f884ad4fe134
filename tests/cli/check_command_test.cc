// crosscheck check as a user runs it: lines, summary, exit codes, reports written.
#include <nlohmann/json.hpp>
#include "catch.h"

#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;

namespace {

std::filesystem::path conflicting_base(const std::string& name, const std::string& accept = "") {
  const auto dir = scratch_dir(name);
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(dir / "a.yaml", source_file("a",
                                         "  - {id: n, quote: 3171 cases, value: 3171, measure: "
                                         "cases, where: Land, when: 2019}\n"));
  write_file(dir / "b.yaml",
             source_file("b",
                         "  - id: n\n    quote: 3217 cases\n    value: 3217\n    measure: cases\n"
                         "    where: Land\n    when: 2019\n" +
                             accept,
                         "2024-02-01"));
  return dir;
}

}  // namespace

TEST_CASE("check prints one line per finding and a summary, and exits 1 on an error",
          "[cli][check]") {
  const auto dir = conflicting_base("cli-check");
  const auto out = dir / "out";
  const auto r = run_cli({"check", dir.string(), "--out", out.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.out == (dir / "b.yaml").string() +
                     ":6:9: error: cases · Land · 2019 is stated as 3,217 and as 3,171 [conflict] "
                     "— check 'b/n'\n"
                     "2 sources, 2 facts: 1 error, 0 warnings\n");
  const auto report = nlohmann::json::parse(read_file(out / "report.json"));
  CHECK(report["schema"] == "crosscheck-report/1");
  CHECK(report["findings"].size() == 1);
}

TEST_CASE("check --fail-on never and --quiet", "[cli][check]") {
  const auto dir = conflicting_base("cli-check-never");
  const auto r = run_cli(
      {"check", dir.string(), "--out", (dir / "out").string(), "--fail-on", "never", "--quiet"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("[conflict]") != std::string::npos);
  CHECK(r.out.find("sources") == std::string::npos);
}

TEST_CASE("an accepted finding is reported but does not fail the run", "[cli][check]") {
  const auto dir = conflicting_base(
      "cli-check-accepted", "    accept: [{rule: conflict, with: a/n, reason: revised figure}]\n");
  const auto r = run_cli({"check", dir.string(), "--out", (dir / "out").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("[conflict] (accepted: revised figure)") != std::string::npos);
  // A note, not an error: problem matchers count "error:" lines.
  CHECK(r.out.find((dir / "b.yaml").string() + ":6:9: note: cases · Land · 2019 is stated as") ==
        0);
  CHECK(r.out.find("error:") == std::string::npos);
  const auto report = nlohmann::json::parse(read_file(dir / "out" / "report.json"));
  CHECK(report["findings"][0]["accepted"]["by"] == "b/n");
  CHECK(report["summary"]["accepted"] == 1);
}

TEST_CASE("warnings fail the run only with --fail-on warning", "[cli][check]") {
  const auto dir = scratch_dir("cli-check-warning");
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(
      dir / "a.yaml",
      source_file(
          "a",
          R"(  - {id: beds, quote: 2001 beds, value: 2001, measure: beds, where: Land, when: 2020}
  - {id: cases, quote: 501 cases, value: 501, measure: cases, where: Land, when: 2020}
  - {id: share, quote: 1 in 4 beds, value: 1 in 4, share: {of: beds, part: cases}}
)"));
  CHECK(run_cli({"check", dir.string(), "--out", (dir / "out").string()}).exit_code == 0);
  CHECK(run_cli({"check", dir.string(), "--out", (dir / "out").string(), "--fail-on", "warning"})
            .exit_code == 1);
}

TEST_CASE("input errors exit 2 and write no report", "[cli][check]") {
  const auto dir = scratch_dir("cli-check-broken");
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(
      dir / "a.yaml",
      source_file("a",
                  "  - {id: n, quote: q, value: 3171, measure: casse, where: Land, when: 2019}\n"));
  const auto r = run_cli({"check", dir.string(), "--out", (dir / "out").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("a.yaml:6:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "out"));
}

TEST_CASE("reports are byte-identical across runs", "[cli][check]") {
  const auto dir = conflicting_base("cli-check-stable");
  (void)run_cli({"check", dir.string(), "--out", (dir / "one").string()});
  (void)run_cli({"check", dir.string(), "--out", (dir / "two").string()});
  for (const auto& entry : std::filesystem::directory_iterator(dir / "one")) {
    CHECK(read_file(entry.path()) == read_file(dir / "two" / entry.path().filename()));
  }
}

TEST_CASE("an unknown report format is a usage error", "[cli][check]") {
  const auto r = run_cli({"check", "facts", "--format", "pdf"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown report format 'pdf'") != std::string::npos);
}

TEST_CASE("color always marks the severity, color never and a pipe leave plain text",
          "[cli][check]") {
  const auto dir = conflicting_base("cli-check-color");
  const auto out = (dir / "out").string();
  const auto always = run_cli({"check", dir.string(), "--out", out, "--color", "always"});
  // fmt/color.h writes bold and red as two sequences: ESC[1m ESC[31m.
  CHECK(always.out.find("\x1b[1m\x1b[31merror\x1b[0m: cases") != std::string::npos);
  for (const char* mode : {"never", "auto"}) {
    const auto plain = run_cli({"check", dir.string(), "--out", out, "--color", mode});
    CHECK(plain.out.find('\x1b') == std::string::npos);
    CHECK(plain.out.find(":6:9: error: cases") != std::string::npos);
  }
  CHECK(run_cli({"check", dir.string(), "--out", out, "--color", "bogus"}).exit_code == 2);
}
