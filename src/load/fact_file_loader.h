#pragma once
// One fact file → RawFile, on its own (no other file needed), so files load in parallel.

#include <string>
#include <string_view>

#include "load/key_reader.h"
#include "load/raw.h"

namespace cc::load {

// Reads `bytes` as the fact file `display`; its problems go to RawFile::diagnostics.
[[nodiscard]] RawFile read_fact_file(std::string_view bytes, std::string name, std::string display,
                                     const VocabularyView& vocabulary);

}  // namespace cc::load
