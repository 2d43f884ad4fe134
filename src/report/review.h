#pragma once
// The review of one run against what the editor cares about now: the draft under review
// (`check --draft`) and an earlier report.json (`check --baseline`). Computed once from the
// findings; every report format reads the same marks (docs/REPORTS.md, "Draft and baseline").

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "engine/check.h"

namespace cc {

// A finding of the baseline report, as report.json wrote it.
struct BaselineFinding {
  std::string id;
  std::string rule;
  std::string severity;
  std::string message;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Baseline {
  std::string path;  // as given on the command line
  std::vector<BaselineFinding> findings;
};

// Reads a report.json (schema crosscheck-report/1); nullopt with `error` set when the
// text is not one ("is not JSON: …", "has no 'findings' list").
[[nodiscard]] std::optional<Baseline> parse_baseline(std::string_view json, std::string& error);

// Where a finding stands against the baseline; a finding of the baseline that is gone is
// "fixed" (SARIF's "absent") and listed in Review::fixed.
enum class BaselineState { new_finding, unchanged };
[[nodiscard]] std::string_view baseline_state_name(BaselineState state);  // "new", "unchanged"

struct Review {
  bool has_draft = false;
  std::vector<std::string> draft_sources;        // source ids, in fact base order
  std::unordered_set<std::string> draft_ids;     // findings that involve a draft fact
  std::optional<Baseline> baseline;              // as read
  std::unordered_set<std::string> baseline_ids;  // ids of the baseline's findings
  std::vector<BaselineFinding> fixed;            // in the baseline, gone now (baseline order)
  // The ids of a check of the fact base without the draft's files, where one was run: the
  // rest of the fact base is "unchanged" when its findings are those (without a baseline).
  std::optional<std::unordered_set<std::string>> without_draft;

  [[nodiscard]] bool in_draft(const Finding& finding) const;
  // nullopt without a baseline.
  [[nodiscard]] std::optional<BaselineState> baseline_state(const Finding& finding) const;
  [[nodiscard]] bool active() const { return has_draft || baseline.has_value(); }
};

// `draft` lists the sources under review (may be empty with has_draft false).
[[nodiscard]] Review make_review(const FactBase& base, const std::vector<Finding>& findings,
                                 bool has_draft, const std::vector<SourceIndex>& draft,
                                 std::optional<Baseline> baseline);

// The draft's findings first, each part in its sorted order.
void put_draft_first(const Review& review, std::vector<Finding>& findings);

// Whether the finding counts for the exit status: with a draft, only the draft's findings
// (unless `background_too`); with a baseline, only findings new since it.
[[nodiscard]] bool gates(const Review& review, const Finding& finding, bool background_too);

// "the draft: 2 errors, 0 warnings; the rest of the fact base: 4 errors, 1 warning,
// unchanged" (with a draft), "against the baseline: 1 new, 3 unchanged, 2 fixed" (with a
// baseline), both joined by "; ".
[[nodiscard]] std::string review_summary(const Review& review,
                                         const std::vector<Finding>& findings);

// "draft", "new", "draft, new", "" — the marks reports put on a finding.
[[nodiscard]] std::string review_marks(const Review& review, const Finding& finding);

}  // namespace cc
