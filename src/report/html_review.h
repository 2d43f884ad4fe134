#pragma once
// report.html under `check --draft` / `--baseline`: the review line, the headings that
// put the draft's findings first, each card's marks, the findings fixed since the baseline.

#include <string>
#include <vector>

#include "report/excerpt.h"
#include "report/report.h"
#include "report/review.h"

namespace cc::html {

// The cards of the findings (in the order given: the draft's first), with the review's
// headings and marks, then the fixed findings. `graphs[i]` is findings[i]'s own graph.
[[nodiscard]] std::string reviewed_cards(const ReportInput& input, const Review& review,
                                         FactFileLines& lines,
                                         const std::vector<std::string>& graphs);

}  // namespace cc::html
