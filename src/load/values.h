#pragma once
// Each fact's written value → Value, through the value grammar, with the context its
// claim gives it (FORMAT §2): a count or not, a rise or a fall, the vague tolerance.
// Most values need only their own file and are read with it, in parallel; a total is a
// count only when every quantity it adds up is, which may need other files: totals are
// read after references are resolved.

#include <vector>

#include "load/raw.h"
#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc::load {

[[nodiscard]] ValueContext value_context(const RawFact& fact, bool count, const Rational& vague);

// Every value of the file but those of totals and differences, into RawFact::parsed.
void parse_file_values(RawFile& file, const Vocabulary& vocabulary, bool vocabulary_usable);

// The values of totals and differences, once resolve() has told which are counts
// (`counts`, by fact).
void parse_total_values(const std::vector<RawFile>& files, const std::vector<bool>& counts,
                        FactBase& base, Diagnostics& diagnostics);

}  // namespace cc::load
