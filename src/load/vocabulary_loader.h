#pragma once
// vocabulary.yaml → Vocabulary (FORMAT §3).

#include <cstdint>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/vocabulary.h"

namespace cc::load {

// Fills `vocabulary` (marks on file `file_index`) and indexes it. Returns false when the
// file could not be read as YAML at all: names in fact files then cannot be checked.
[[nodiscard]] bool read_vocabulary(std::string_view bytes, const std::string& file,
                                   std::uint32_t file_index, Vocabulary& vocabulary,
                                   Diagnostics& diagnostics);

}  // namespace cc::load
