#pragma once
// Loading for the commands that need a clean fact base: prints every input error and
// returns nothing when there is one. With `github_annotations`, each is also printed on
// `streams.out` as a GitHub Actions annotation (`check --annotations github`). `threads`:
// the files parsed at once (0: LoadOptions' default); `trace` as LoadOptions::trace.

#include <optional>
#include <string>

#include "cli/commands.h"
#include "model/fact.h"

namespace cc::load {
struct ResolveTrace;
}

namespace cc::cli {

[[nodiscard]] std::optional<FactBase> load_or_report(const std::string& facts_dir,
                                                     const Streams& streams,
                                                     bool github_annotations = false,
                                                     unsigned threads = 0,
                                                     load::ResolveTrace* trace = nullptr);

}  // namespace cc::cli
