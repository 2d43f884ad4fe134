#pragma once
// How soon the program's allocator gives back the pages a command frees
// (docs/ARCHITECTURE.md, "Loading and the fact base in memory"). jemalloc gives them back at
// once (cli/main.cc): that keeps a large base's peak down, where pages freed by the load and
// by the solved components would otherwise still be held at the solve's peak. For a small
// base it costs more than it saves: the same pages are freed and taken again thousands of
// times a run, each time through the system (madvise, then a page fault), so there they are
// kept for a moment instead.

#include <cstdint>

namespace cc::cli {

// Fact files of fewer bytes than this together count as a small base (the bench's 100k
// base is 17.8 MB, its 1M base 179 MB).
inline constexpr std::uintmax_t kSmallBaseBytes = std::uintmax_t{64} * 1024 * 1024;
// How long a small base keeps freed pages before they go back (jemalloc's dirty_decay_ms).
inline constexpr long kSmallBaseKeepsFreedPagesMs = 100;

// The dirty_decay_ms the program sets once it knows how many bytes the fact files it loads
// hold (LoadOptions::listed): 0, pages back at once, for a large base.
[[nodiscard]] constexpr long freed_pages_kept_ms(std::uintmax_t fact_bytes) {
  return fact_bytes < kSmallBaseBytes ? kSmallBaseKeepsFreedPagesMs : 0;
}

}  // namespace cc::cli
