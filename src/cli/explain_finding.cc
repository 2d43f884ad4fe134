#include "cli/explain_finding.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "cli/print.h"
#include "report/report.h"
#include "report/report_text.h"

namespace cc::cli {
namespace {

[[nodiscard]] bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

// The ids nearest to `target` (edit distance at most 3), for "did you mean".
[[nodiscard]] std::vector<std::string> nearest_ids(const std::vector<Finding>& findings,
                                                   std::string_view target) {
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const Finding& f : findings) {
    const std::size_t d = edit_distance(target, f.id);
    if (d <= 3) near.emplace_back(d, f.id);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) ids.push_back(near[i].second);
  return ids;
}

[[nodiscard]] std::string fact_lines(const FactBase& base, const Finding& finding) {
  std::string out = "facts:\n";
  for (std::size_t i = 0; i < finding.facts.size(); ++i) {
    const FactIndex f = finding.facts[i];
    const Fact& fact = base.facts[f];
    out += fmt::format("  {}. {}: \"{}\" = {} ({}, {})\n", i + 1, base.ref(f), base.quote(f),
                       value_text(fact), location_text(base, fact.mark),
                       base.sources[fact.source].title);
    if (!fact.note().empty()) out += fmt::format("     note: {}\n", fact.note());
  }
  return out;
}

[[nodiscard]] std::string finding_text(const FactBase& base, const Finding& finding) {
  std::string out =
      fmt::format("{}: {} [{}] at {}\n", finding.id, finding_status(finding),
                  finding_rule_id(finding.rule), location_text(base, finding.location));
  out += fmt::format("  {}\n", finding.message);
  if (!finding.quantity.empty()) out += fmt::format("quantity: {}\n", finding.quantity);
  if (const std::string gap = gap_text(finding); !gap.empty()) out += "gap: " + gap + "\n";
  if (!finding.facts.empty()) out += fact_lines(base, finding);
  if (!finding.steps.empty()) {
    out += "steps:\n";
    for (std::size_t i = 0; i < finding.steps.size(); ++i)
      out += fmt::format("  {}. {}\n", i + 1, finding.steps[i]);
  }
  if (const std::string likely = likely_cause_text(base, finding); !likely.empty())
    out += "likely cause: " + likely + "\n";
  if (finding.notes_differ) out += "the notes differ: they may explain it\n";
  if (finding.accepted) {
    out += fmt::format("accepted on {}: {}\n", base.ref(finding.accepted->by),
                       finding.accepted->reason);
  } else if (const auto snippet = accept_snippet(base, finding)) {
    out += fmt::format("to accept it, add to {} ({}):\n{}", base.ref(snippet->on),
                       location_text(base, base.facts[snippet->on].mark), snippet->yaml);
  }
  return out;
}

}  // namespace

bool looks_like_finding_id(std::string_view target) {
  const std::size_t dash = target.rfind('-');
  if (dash == std::string_view::npos || target.size() - dash - 1 != 8) return false;
  if (!std::all_of(target.begin() + static_cast<std::ptrdiff_t>(dash) + 1, target.end(), is_hex))
    return false;
  // The rule part may be mistyped: "did you mean" answers it.
  const std::string_view rule = target.substr(0, dash);
  return !rule.empty() && std::all_of(rule.begin(), rule.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || c == '-' || c == '_';
  });
}

int explain_finding(const FactBase& base, const CheckResult& result, const ExplainOptions& options,
                    const Streams& streams) {
  const auto found = std::find_if(result.findings.begin(), result.findings.end(),
                                  [&](const Finding& f) { return f.id == options.target; });
  if (found == result.findings.end()) {
    const std::string hint = did_you_mean(nearest_ids(result.findings, options.target));
    print_error(
        streams.err,
        fmt::format("no finding '{}' in '{}'{}", options.target, base.root,
                    hint.empty() ? fmt::format(" ({} {}: crosscheck check lists them)",
                                               result.findings.size(),
                                               result.findings.size() == 1 ? "finding" : "findings")
                                 : hint));
    return 2;
  }
  if (options.format == "json") {
    streams.out << render_finding_json(base, *found);
  } else {
    print_lines(streams.out, finding_text(base, *found));
  }
  return 0;
}

}  // namespace cc::cli
