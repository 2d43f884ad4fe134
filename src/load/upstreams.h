#pragma once
// The sources' `based_on` (FORMAT §1.1) → Source::based_on: source ids looked up across the
// fact base (unknown ids, a source based on itself and cycles of sources are refused).

#include <vector>

#include "load/raw.h"
#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc::load {

// `files[i]` is the file of `base.sources[i]`; `base` is indexed (FactBase::index).
void resolve_upstreams(const std::vector<RawFile>& files, FactBase& base, Diagnostics& diagnostics);

}  // namespace cc::load
