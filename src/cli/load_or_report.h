#pragma once
// Loading for the commands that need a clean fact base: prints every input error and
// returns nothing when there is one. With `github_annotations`, each is also printed on
// `streams.out` as a GitHub Actions annotation (`check --annotations github`).

#include <optional>
#include <string>

#include "cli/commands.h"
#include "model/fact.h"

namespace cc::cli {

[[nodiscard]] std::optional<FactBase> load_or_report(const std::string& facts_dir,
                                                     const Streams& streams,
                                                     bool github_annotations = false);

}  // namespace cc::cli
