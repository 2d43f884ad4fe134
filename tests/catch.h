#pragma once
// Catch2 for every test file, v3 or v2, whichever tests/CMakeLists.txt found: Debian 13
// ships v3 (catch_all.hpp, Catch2WithMain), Debian 12 v2 (the single header, our own main
// in catch_main.cc). The tests use only what both versions spell the same way.
#if CROSSCHECK_CATCH2_MAJOR >= 3
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
