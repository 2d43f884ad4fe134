// `crosscheck lsp`: the language server of src/lsp/ on the program's stdin and stdout.
#include <unistd.h>

#include "cli/commands.h"
#include "lsp/server.h"

namespace cc::cli {

int run_lsp(const Streams& streams) {
  return lsp::run_server(STDIN_FILENO, streams.out, streams.err);
}

}  // namespace cc::cli
