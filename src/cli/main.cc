#include <unistd.h>

#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const cc::cli::Streams streams{std::cout, std::cerr, isatty(STDOUT_FILENO) == 1,
                                 isatty(STDERR_FILENO) == 1};
  return cc::cli::run(argc, argv, streams);
}
