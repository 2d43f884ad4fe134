#include <malloc.h>
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"

namespace {

// Blocks of 64 KiB and more are mapped on their own and given back to the system when
// freed (docs/ARCHITECTURE.md, "Loading and the fact base in memory"). glibc raises this
// threshold to the size of each mapped block freed, up to 32 MiB: a file's vectors, freed
// once the file is resolved, and the articles freed in the loader's threads then stay in
// the heaps of those threads, where the graph built on the main thread cannot use them.
// Setting it fixes it.
constexpr int kMmapThreshold = 64 * 1024;

}  // namespace

int main(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  std::ios::sync_with_stdio(false);
  const cc::cli::Streams streams{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                 isatty(STDERR_FILENO) == 1, true};
  return cc::cli::run(argc, argv, streams);
}
