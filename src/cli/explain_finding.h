#pragma once
// `crosscheck explain FINDING-ID`: one finding as the check printed its id — each fact,
// each step, the likely cause, how to accept it; `--format json` prints it as report.json
// does. A mistyped id gets "did you mean".

#include "cli/commands.h"
#include "engine/check.h"

namespace cc::cli {

// True when `target` reads as a finding id: lower-case letters and '-', then '-' and eight
// hex digits ("conflict-417a8b3b").
[[nodiscard]] bool looks_like_finding_id(std::string_view target);

// Prints the finding `options.target` of `result`; 2 after printing an error when there is
// none with that id.
int explain_finding(const FactBase& base, const CheckResult& result, const ExplainOptions& options,
                    const Streams& streams);

}  // namespace cc::cli
