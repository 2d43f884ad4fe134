// Every folder under tests/load/broken/ is a fact base with faults; expected.txt holds
// the exact lines `crosscheck lint` must print for it: every fault at its line and
// column, all in one run, exit 2.
#include "catch.h"

#include <filesystem>

#include "support/test_support.h"

namespace fs = std::filesystem;
using cc::test::read_file;
using cc::test::run_cli;
using cc::test::source_dir;

TEST_CASE("lint reports every fault of each broken fact base at its line and column", "[load]") {
  fs::current_path(source_dir());  // paths in expected.txt read "tests/load/broken/…"
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator("tests/load/broken")) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 7);
  for (const fs::path& dir : cases) {
    SECTION(dir.filename().string()) {
      const std::string expected = read_file(dir / "expected.txt");
      REQUIRE_FALSE(expected.empty());
      const auto result = run_cli({"lint", dir.generic_string()});
      CHECK(result.exit_code == 2);
      CHECK(result.out.empty());
      CHECK(result.err == expected);
    }
  }
}

TEST_CASE("lint on a clean fact base prints a summary and exits 0", "[load]") {
  fs::current_path(source_dir());
  const auto result = run_cli({"lint", "tests/load/good"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "tests/load/good: 2 sources, 8 facts, 1 skipped, no input errors\n");
  CHECK(
      result.err ==
      "tests/load/good/notes.yaml: info: skipped: neither 'source' nor 'facts' at the top level\n");
}

TEST_CASE("lint on a missing folder is a clear error", "[load]") {
  fs::current_path(source_dir());
  const auto result = run_cli({"lint", "tests/load/no-such-folder"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "tests/load/no-such-folder: error: the fact base folder does not exist [folder]\n");
  // A fact file is linted in its fact base (issue 14), no longer refused as "not a folder".
  const auto file = run_cli({"lint", "tests/load/good/lbc.yaml"});
  CHECK(file.exit_code == 0);
  CHECK(file.out == "tests/load/good: 1 file, no input errors\n");
}
