#include <unistd.h>

#include <iostream>
#include <string>

#include "cli/allocator_policy.h"
#include "cli/commands.h"

#ifdef CROSSCHECK_JEMALLOC
#include <jemalloc/jemalloc.h>

// The program's allocator is jemalloc (CMakeLists.txt), which reads its options from this
// symbol: pages freed go back to the system at once instead of after ten seconds, so what
// the load frees (each file's built facts once resolved, the links, the articles) is not
// still held when the graph and the solver reach the check's peak (docs/ARCHITECTURE.md,
// "Loading and the fact base in memory"). A small base keeps them a moment
// (cli/allocator_policy.h, keep_freed_pages below).
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's interface
const char* malloc_conf = "dirty_decay_ms:0,muzzy_decay_ms:0";
}

namespace {

// Sets how long freed pages are kept, for the arenas made from now on and for each one made
// already (the loader's and the solver's threads take theirs as they start; an arena index
// not in use yet is refused, and left).
void keep_freed_pages(std::uintmax_t fact_bytes) {
  ssize_t ms = cc::cli::freed_pages_kept_ms(fact_bytes);
  mallctl("arenas.dirty_decay_ms", nullptr, nullptr, &ms, sizeof ms);
  unsigned arenas = 0;
  std::size_t size = sizeof arenas;
  if (mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) return;
  for (unsigned i = 0; i < arenas; ++i) {
    const std::string name = "arena." + std::to_string(i) + ".dirty_decay_ms";
    mallctl(name.c_str(), nullptr, nullptr, &ms, sizeof ms);
  }
}

}  // namespace
#else
#include <malloc.h>

namespace {

// With glibc's allocator: blocks of 64 KiB and more are mapped on their own and given back
// to the system when freed. glibc raises this threshold to the size of each mapped block
// freed, up to 32 MiB: a file's vectors, freed once the file is resolved, and the articles
// freed in the loader's threads then stay in the heaps of those threads, where the graph
// built on the main thread cannot use them. Setting it fixes it.
constexpr int kMmapThreshold = 64 * 1024;

}  // namespace
#endif

int main(int argc, char** argv) {
#ifndef CROSSCHECK_JEMALLOC
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
#endif
  std::ios::sync_with_stdio(false);
  cc::cli::Streams streams{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                           isatty(STDERR_FILENO) == 1, true};
#ifdef CROSSCHECK_JEMALLOC
  streams.fact_bytes = keep_freed_pages;
#endif
  return cc::cli::run(argc, argv, streams);
}
