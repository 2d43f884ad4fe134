#pragma once
// The files read → one FactBase: sources and facts in file order, duplicate source ids,
// references resolved across files, key patterns filled in from their anchors, keys
// interned in a fixed order (figures first, files in sorted order, facts in file order;
// then the patterns of relation claims in the same order), cycles of claims refused.

#include <vector>

#include "load/raw.h"
#include "load/without_sources.h"
#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc::load {

// Turns the file's raw facts (read, values parsed) into the facts the FactBase holds and
// the links resolve() still needs, freeing each raw fact as it goes. Call in the file's
// loader thread, once parse_file_values() has run. The facts' intervals are kept in
// `intervals` (the pool of the FactBase they go to: its keep() is safe in every thread).
void build_facts(RawFile& file, IntervalPool& intervals);

// `files` in sorted order, only those read as fact files. `base.files` holds the
// vocabulary's display path; each file's is appended. Values are not parsed here: the
// result tells, per fact, whether its value is a count (a figure of an additive measure,
// or a total of quantities that all are). With a `trace`, what without_sources() needs is
// kept in it. With `threads` > 1 the base's index of refs is built on a second thread
// beside the keys' passes (the result is the same).
[[nodiscard]] std::vector<bool> resolve(std::vector<RawFile>& files, FactBase& base,
                                        Diagnostics& diagnostics, ResolveTrace* trace = nullptr,
                                        unsigned threads = 1);

}  // namespace cc::load
