#pragma once
// A fact base from text held in memory instead of a folder on disk: the same stages as
// load_fact_base (vocabulary, each fact file, values, references), without the file
// system. For tests and tools that make fact files on the fly.

#include <map>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc {

namespace load {
struct ResolveTrace;
}

// File name, relative to the fact base folder ('/' between folders), → its text.
using FileTexts = std::map<std::string, std::string, std::less<>>;

// Loads `files` as if they were the folder `root` ("facts"): vocabulary.yaml, then every
// other top-level *.yaml and *.yml in sorted order; a source's `article` is looked up
// among `files` by its path relative to the folder. Display paths read "root/name".
// Returns the fact base even when there are errors, like load_fact_base; `trace` as
// LoadOptions::trace.
[[nodiscard]] FactBase load_fact_base_from_memory(std::string_view root, const FileTexts& files,
                                                  Diagnostics& diagnostics,
                                                  load::ResolveTrace* trace = nullptr);

}  // namespace cc
