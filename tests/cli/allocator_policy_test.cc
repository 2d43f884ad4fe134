#include "cli/allocator_policy.h"

#include "catch.h"

using cc::cli::freed_pages_kept_ms;
using cc::cli::kSmallBaseBytes;
using cc::cli::kSmallBaseKeepsFreedPagesMs;

TEST_CASE("a small fact base keeps freed pages a moment, a large one gives them back at once",
          "[cli]") {
  // The bench's 100k base (17.8 MB) is small, its 1M base (179 MB) large.
  CHECK(freed_pages_kept_ms(17'800'000) == kSmallBaseKeepsFreedPagesMs);
  CHECK(freed_pages_kept_ms(178'600'000) == 0);
  CHECK(freed_pages_kept_ms(0) == kSmallBaseKeepsFreedPagesMs);
  CHECK(freed_pages_kept_ms(kSmallBaseBytes - 1) == kSmallBaseKeepsFreedPagesMs);
  CHECK(freed_pages_kept_ms(kSmallBaseBytes) == 0);
  CHECK(kSmallBaseKeepsFreedPagesMs > 0);
}
