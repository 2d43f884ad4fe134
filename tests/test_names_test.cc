// Every test case must reach ctest as its own test: catch_discover_tests splits names on
// ';' (a CMake list) unless inside brackets, so an unbalanced '[' swallows the tests after it;
// and Catch reads a leading '-' as an option.
#include <catch2/catch.hpp>

TEST_CASE("test names survive ctest discovery", "[meta]") {
  for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    INFO(test.name);
    CHECK(test.name.find(';') == std::string::npos);
    CHECK(test.name.find_first_of("[]") == std::string::npos);
    CHECK(test.name.rfind('-', 0) == std::string::npos);
  }
}
