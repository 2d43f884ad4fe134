// Commands whose engine has not landed yet. Each prints what is missing and exits 2.
#include <ostream>

#include "cli/commands.h"

namespace cc::cli {

int run_extract(const ExtractOptions&, const Streams& streams) {
  streams.err << "crosscheck: error: 'extract' is not built yet\n";
  return 2;
}

}  // namespace cc::cli
