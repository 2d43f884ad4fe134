#include "catch.h"

#include <filesystem>

#include "report/formats.h"
#include "support/test_support.h"

using cc::test::run_cli;

TEST_CASE("the version flag prints the name and version") {
  const auto r = run_cli({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == std::string("crosscheck ") + CROSSCHECK_VERSION + "\n");
}

TEST_CASE("the help flag lists the commands") {
  const auto r = run_cli({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* command : {"check", "lint", "explain", "extract", "graph"}) {
    CHECK(r.out.find(command) != std::string::npos);
  }
}

TEST_CASE("a command's --help describes its options") {
  const auto r = run_cli({"check", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--fail-on") != std::string::npos);
}

TEST_CASE("a usage error exits 2 with a message") {
  const auto r = run_cli({"check", "--fail-on", "sometimes"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("crosscheck: error:") == 0);
  CHECK(run_cli({"frobnicate"}).exit_code == 2);
  CHECK(run_cli({}).exit_code == 2);
}

TEST_CASE("every help page: usage as typed, no repeat counts, the exit codes", "[cli]") {
  const auto program = run_cli({"--help"});
  CHECK(program.out.find("Exit status: 0") != std::string::npos);
  for (const char* command : {"check", "lint", "explain", "extract", "graph"}) {
    const auto r = run_cli({command, "--help"});
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find(std::string("Usage: crosscheck ") + command + " ") != std::string::npos);
    CHECK(r.out.find("x)") == std::string::npos);  // CLI11's "TARGET(1x)"
    CHECK(r.out.find("Exit status: 0") != std::string::npos);
    CHECK(r.out.find("2 an input or usage error") != std::string::npos);
  }
  CHECK(run_cli({"explain", "--help"}).out.find("[FACTS_DIR] TARGET") != std::string::npos);
}

TEST_CASE("check --help names every format --format accepts", "[cli]") {
  const auto help = run_cli({"check", "--help"}).out;
  for (const cc::ReportFormat& format : cc::report_formats()) {
    INFO(format.name);
    const std::string name(format.name);
    const bool listed = help.find(" " + name + ",") != std::string::npos ||
                        help.find(" " + name + " ") != std::string::npos;
    CHECK(listed);
  }
  const auto r = run_cli({"check", "--format", "png"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown report format 'png'") != std::string::npos);
}

TEST_CASE("check --out - is refused: the reports are files, not one stream", "[cli]") {
  const auto before = std::filesystem::exists("-");
  const auto r = run_cli({"check", "tests/cases/quote-fires/facts", "--out", "-"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("crosscheck: error: --out is '-'") == 0);
  CHECK(r.out.empty());
  CHECK(std::filesystem::exists("-") == before);
}

TEST_CASE("explain takes TARGET alone (facts/) or FACTS_DIR TARGET", "[cli]") {
  const auto alone = run_cli({"explain", "offences · UK · 2017-18"});
  CHECK(alone.exit_code == 0);
  CHECK(alone.out.starts_with("offences · UK · 2017-18\n"));
  const auto both = run_cli({"explain", "facts", "offences · UK · 2017-18"});
  CHECK(both.out == alone.out);
  CHECK(run_cli({"explain"}).exit_code == 2);
}
