// Every test case must reach ctest as its own test: catch_discover_tests splits names on
// ';' (a CMake list) unless inside brackets, so an unbalanced '[' swallows the tests after it;
// and Catch reads a leading '-' as an option.
#include <string>

#include "catch.h"

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
