#pragma once
// Each fact's written value → Value, through the value grammar, with the context its
// claim gives it (FORMAT §2): a count or not, a rise or a fall, the vague tolerance.

#include <vector>

#include "load/raw.h"
#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc::load {

[[nodiscard]] ValueContext value_context(const FactBase& base, const Fact& fact, bool count);

// `files` as given to resolve(), `counts` as it returned. Files are parsed in parallel.
void parse_values(const std::vector<RawFile>& files, const std::vector<bool>& counts, FactBase& base,
                  Diagnostics& diagnostics, unsigned threads);

}  // namespace cc::load
