#pragma once
// What the server publishes for a fact base: its input errors and its findings as LSP
// diagnostics, grouped by the file they are in.

#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "explain/finding.h"
#include "lsp/text.h"
#include "lsp/workspace.h"

namespace cc::lsp {

// The URI the client knows a file by.
using UriOf = std::function<std::string(const std::filesystem::path&)>;

// Where a mark of the analysis's fact base is: the file's path, and the range of the
// scalar written there (the whole line start when the mark has no line).
struct Place {
  std::filesystem::path path;
  Range range;
};
[[nodiscard]] Place place_of(const Analysis& analysis, const Mark& mark);
[[nodiscard]] Place place_of_file(const Analysis& analysis, std::string_view display);

// Input problems (one diagnostic each) and findings (one diagnostic on the value of every
// fact involved), by URI. `findings` refer to analysis.base.
[[nodiscard]] std::map<std::string, nlohmann::json> diagnostics_by_uri(
    const Analysis& analysis, const std::vector<Finding>& findings, const UriOf& uri_of);

// The findings of an earlier check of `before`, moved onto the facts of `now` with the
// same refs; a finding with a fact `now` lacks, and a stale-accept, are left out.
[[nodiscard]] std::vector<Finding> carry_over(const FactBase& before,
                                              const std::vector<Finding>& findings,
                                              const FactBase& now);

}  // namespace cc::lsp
