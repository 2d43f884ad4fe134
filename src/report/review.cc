#include "report/review.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/report_text.h"

namespace cc {
namespace {

using Json = nlohmann::json;

[[nodiscard]] std::string text_field(const Json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

[[nodiscard]] std::uint32_t number_field(const Json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_number_unsigned() ? it->get<std::uint32_t>() : 0;
}

[[nodiscard]] BaselineFinding baseline_finding(const Json& j) {
  BaselineFinding f;
  f.id = text_field(j, "id");
  f.rule = text_field(j, "rule");
  f.severity = text_field(j, "severity");
  f.message = text_field(j, "message");
  if (const auto at = j.find("location"); at != j.end() && at->is_object()) {
    f.file = text_field(*at, "file");
    f.line = number_field(*at, "line");
    f.column = number_field(*at, "column");
  }
  return f;
}

// "2 errors, 1 warning" for the open findings among `findings` that `keep` selects.
template <typename Keep>
[[nodiscard]] std::string counted(const std::vector<Finding>& findings, Keep keep) {
  std::vector<Finding> kept;
  for (const Finding& f : findings)
    if (keep(f)) kept.push_back(f);
  const Counts counts = count_findings(kept);
  std::string text =
      fmt::format("{}, {}", plural(counts.error, "error"), plural(counts.warning, "warning"));
  if (counts.accepted > 0) text += fmt::format(" ({} accepted)", counts.accepted);
  return text;
}

// ", unchanged" or ", 2 new" against the baseline, for the findings `keep` selects.
template <typename Keep>
[[nodiscard]] std::string against_baseline(const Review& review,
                                           const std::vector<Finding>& findings, Keep keep) {
  if (!review.baseline) return {};
  std::size_t fresh = 0;
  for (const Finding& f : findings)
    if (keep(f) && review.baseline_state(f) == BaselineState::new_finding) ++fresh;
  return fresh == 0 ? ", unchanged" : fmt::format(", {} new", fresh);
}

// ", unchanged" or ", changed by the draft: 1 new, 1 gone" for the rest of the fact base,
// against the check without the draft.
[[nodiscard]] std::string against_without_draft(const Review& review,
                                                const std::vector<Finding>& findings) {
  if (review.baseline || !review.without_draft) return {};
  std::size_t fresh = 0;
  std::unordered_set<std::string> rest;
  for (const Finding& f : findings) {
    if (review.in_draft(f)) continue;
    rest.insert(f.id);
    if (review.without_draft->count(f.id) == 0) ++fresh;
  }
  std::size_t gone = 0;
  for (const std::string& id : *review.without_draft) gone += rest.count(id) == 0 ? 1 : 0;
  if (fresh == 0 && gone == 0) return ", unchanged";
  return fmt::format(", changed by the draft: {} new, {} gone", fresh, gone);
}

}  // namespace

std::optional<Baseline> parse_baseline(std::string_view json, std::string& error) {
  const Json j = Json::parse(json, nullptr, false);
  if (j.is_discarded()) {
    error = "is not JSON (give the report.json of an earlier run)";
    return std::nullopt;
  }
  if (!j.is_object() || text_field(j, "schema").rfind("crosscheck-report/", 0) != 0) {
    error = "is not a crosscheck report.json (no \"schema\": \"crosscheck-report/1\")";
    return std::nullopt;
  }
  const auto findings = j.find("findings");
  if (findings == j.end() || !findings->is_array()) {
    error = "has no 'findings' list";
    return std::nullopt;
  }
  Baseline baseline;
  for (const Json& f : *findings) {
    if (!f.is_object() || text_field(f, "id").empty()) {
      error = "has a finding without an 'id'";
      return std::nullopt;
    }
    baseline.findings.push_back(baseline_finding(f));
  }
  return baseline;
}

std::string_view baseline_state_name(BaselineState state) {
  return state == BaselineState::new_finding ? "new" : "unchanged";
}

bool Review::in_draft(const Finding& finding) const {
  return has_draft && draft_ids.count(finding.id) > 0;
}

std::optional<BaselineState> Review::baseline_state(const Finding& finding) const {
  if (!baseline) return std::nullopt;
  return baseline_ids.count(finding.id) > 0 ? BaselineState::unchanged : BaselineState::new_finding;
}

Review make_review(const FactBase& base, const std::vector<Finding>& findings, bool has_draft,
                   const std::vector<SourceIndex>& draft, std::optional<Baseline> baseline) {
  Review review;
  review.has_draft = has_draft;
  std::vector<bool> is_draft(base.sources.size(), false);
  for (const SourceIndex s : draft) is_draft[s] = true;
  for (SourceIndex s = 0; s < base.sources.size(); ++s)
    if (is_draft[s]) review.draft_sources.push_back(base.sources[s].id);
  for (const Finding& finding : findings) {
    const bool involves = std::any_of(finding.facts.begin(), finding.facts.end(),
                                      [&](FactIndex f) { return is_draft[base.facts[f].source]; });
    if (involves) review.draft_ids.insert(finding.id);
  }
  if (baseline) {
    std::unordered_set<std::string> now;
    for (const Finding& finding : findings) now.insert(finding.id);
    for (const BaselineFinding& f : baseline->findings) {
      review.baseline_ids.insert(f.id);
      if (now.count(f.id) == 0) review.fixed.push_back(f);
    }
    review.baseline = std::move(baseline);
  }
  return review;
}

void put_draft_first(const Review& review, std::vector<Finding>& findings) {
  if (!review.has_draft) return;
  std::stable_partition(findings.begin(), findings.end(),
                        [&](const Finding& f) { return review.in_draft(f); });
}

bool gates(const Review& review, const Finding& finding, bool background_too) {
  if (review.has_draft && !background_too && !review.in_draft(finding)) return false;
  return review.baseline_state(finding) != BaselineState::unchanged;
}

std::string review_summary(const Review& review, const std::vector<Finding>& findings) {
  std::vector<std::string> parts;
  if (review.has_draft) {
    const auto draft = [&](const Finding& f) { return review.in_draft(f); };
    const auto rest = [&](const Finding& f) { return !review.in_draft(f); };
    parts.push_back(fmt::format("the draft: {}{}", counted(findings, draft),
                                against_baseline(review, findings, draft)));
    parts.push_back(fmt::format("the rest of the fact base: {}{}{}", counted(findings, rest),
                                against_baseline(review, findings, rest),
                                against_without_draft(review, findings)));
  }
  if (review.baseline) {
    std::size_t fresh = 0;
    for (const Finding& f : findings)
      if (review.baseline_state(f) == BaselineState::new_finding) ++fresh;
    parts.push_back(fmt::format("against the baseline: {} new, {} unchanged, {} fixed", fresh,
                                findings.size() - fresh, review.fixed.size()));
  }
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : "; ") + part;
  return text;
}

std::string review_marks(const Review& review, const Finding& finding) {
  std::string marks = review.in_draft(finding) ? "draft" : "";
  if (const auto state = review.baseline_state(finding))
    marks += (marks.empty() ? "" : ", ") + std::string(baseline_state_name(*state));
  return marks;
}

}  // namespace cc
