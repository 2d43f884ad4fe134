#include <malloc.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"

#ifdef CROSSCHECK_JEMALLOC
// The program's allocator is jemalloc (CMakeLists.txt), which reads its options from this
// symbol: pages freed go back to the system at once instead of after ten seconds, so what
// the load frees (each file's built facts once resolved, the links, the articles) is not
// still held when the graph and the solver reach the check's peak (docs/ARCHITECTURE.md,
// "Loading and the fact base in memory").
extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's interface
const char* malloc_conf = "dirty_decay_ms:0,muzzy_decay_ms:0";
}
#else
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
  const cc::cli::Streams streams{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                 isatty(STDERR_FILENO) == 1, true};
  return cc::cli::run(argc, argv, streams);
}
