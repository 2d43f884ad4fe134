#include <catch2/catch.hpp>

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
