// Every test case must reach ctest as its own test: catch_discover_tests splits names on
// ';' (a CMake list) unless inside brackets, so an unbalanced '[' swallows the tests after it;
// and Catch reads a leading '-' as an option.
#include <filesystem>
#include <string>

#include "catch.h"
#include "support/test_support.h"

namespace {

// v3 hands out handles to the test cases, v2 the test cases themselves.
#if CROSSCHECK_CATCH2_MAJOR >= 3
const std::string& name_of(const Catch::TestCaseHandle& test) {
  return test.getTestCaseInfo().name;
}
#else
const std::string& name_of(const Catch::TestCase& test) {
  return test.name;
}
#endif

}  // namespace

TEST_CASE("test names survive ctest discovery", "[meta]") {
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    const std::string& name = name_of(test);
    INFO(name);
    CHECK(name.find(';') == std::string::npos);
    CHECK(name.find_first_of("[]") == std::string::npos);
    CHECK(name.rfind('-', 0) == std::string::npos);
  }
}

// Every test reaches Catch2 through tests/catch.h, which picks v3's or v2's header: a file
// that includes one of them itself builds with only one Catch2 (Debian 12 or 13, not both).
TEST_CASE("tests include Catch2 through catch.h only", "[meta]") {
  namespace fs = std::filesystem;
  const fs::path tests = cc::test::source_dir() / "tests";
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || (path.extension() != ".cc" && path.extension() != ".h"))
      continue;
    if (path.filename() == "catch.h" || path.filename() == "catch_main.cc") continue;
    INFO(path.string());
    const std::string direct = std::string("#include <") + "catch2/";  // not found here
    CHECK(cc::test::read_file(path).find(direct) == std::string::npos);
    ++checked;
  }
  CHECK(checked > 40);
}
