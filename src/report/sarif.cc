// report.sarif: SARIF 2.1.0, so that code-review tools show each finding on the fact
// files' lines. One result per finding: its primary location is the fact most to blame
// (or the stale accept), its related locations are every fact of the finding, and the
// message links to them. Accepted findings carry an inSource suppression with the reason.
// Keys keep the order they are written in (nlohmann::ordered_json): same input, same bytes.
// File paths are percent-encoded by uriparser (a relative path stays a relative reference
// against %SRCROOT%); each rule links to its page under docs/rules/ (CROSSCHECK_HOME_URL).
#include <fmt/format.h>
#include <uriparser/Uri.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "report/report.h"
#include "report/report_text.h"
#include "report/review.h"

namespace cc {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kFingerprintKey = "crosscheckFindingId/v1";

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "error";
}

Severity default_severity(FindingRule rule) {
  return rule == FindingRule::units || rule == FindingRule::stale_accept ||
                 rule == FindingRule::revision
             ? Severity::warning
             : Severity::error;
}

std::size_t rule_index(FindingRule rule) {
  std::size_t i = 0;
  while (kAllFindingRules[i] != rule) ++i;
  return i;
}

std::string rule_help(FindingRule rule) {
  const std::string what = fmt::format("{}.", finding_rule_summary(rule));
  if (rule == FindingRule::stale_accept) {
    return what + " Remove the accept, or review it again: the data it excused has changed.";
  }
  return what + fmt::format(
                    " Check each fact against its source. Where the difference is explained, "
                    "accept it on one of "
                    "the facts: accept: [{{rule: {}, with: <other fact>, reason: <why>}}].",
                    finding_rule_id(rule));
}

Json rule_json(FindingRule rule) {
  Json j;
  j["id"] = std::string(finding_rule_id(rule));
  j["name"] = sarif_rule_name(rule);
  j["shortDescription"] = Json{{"text", std::string(finding_rule_summary(rule))}};
  j["fullDescription"] = Json{{"text", rule_help(rule)}};
  j["defaultConfiguration"] = Json{{"level", std::string(sarif_level(default_severity(rule)))}};
  j["helpUri"] = fmt::format("{}docs/rules/{}.md", CROSSCHECK_HOME_URL, finding_rule_id(rule));
  j["help"] = Json{{"text", rule_help(rule)}};
  return j;
}

// A relative path is resolved against %SRCROOT% (the folder `check` ran in); an absolute
// one is a file:// URI of its own, and SARIF forbids a uriBaseId beside it.
Json artifact_location(std::string_view path) {
  Json j{{"uri", sarif_artifact_uri(path)}};
  if (!path.starts_with('/')) j["uriBaseId"] = "%SRCROOT%";
  return j;
}

Json physical_location(const FactBase& base, const Mark& mark) {
  Json region{{"startLine", std::max<std::uint32_t>(mark.line, 1)}};
  if (mark.column > 0) region["startColumn"] = mark.column;
  return Json{{"artifactLocation", artifact_location(base.file_of(mark))}, {"region", region}};
}

std::string fact_summary(const FactBase& base, FactIndex f) {
  const Fact& fact = base.facts[f];
  return fmt::format("{}: {} (“{}”)", base.ref(f), fact.value.written, base.quote(f));
}

// Square brackets in plain text would read as SARIF message links: escape them.
std::string sarif_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

Json message_json(const FactBase& base, const Finding& finding) {
  std::string text = sarif_text(finding.message) + ".";
  if (const std::string likely = likely_cause_text(base, finding); !likely.empty())
    text += " Likely cause: " + sarif_text(likely) + ".";
  if (!finding.facts.empty()) {
    text += " Facts:";
    for (std::size_t i = 0; i < finding.facts.size(); ++i) {
      text += fmt::format(" [{}]({}){}", sarif_text(base.ref(finding.facts[i])), i + 1,
                          i + 1 < finding.facts.size() ? "," : ".");
    }
  }
  for (std::size_t i = 0; i < finding.steps.size(); ++i) {
    text += fmt::format("\n{}. {}", i + 1, sarif_text(finding.steps[i]));
  }
  return Json{{"text", text}};
}

Json result_json(const FactBase& base, const Finding& finding) {
  Json j;
  j["ruleId"] = std::string(finding_rule_id(finding.rule));
  j["ruleIndex"] = rule_index(finding.rule);
  j["level"] = std::string(sarif_level(finding.severity));
  j["message"] = message_json(base, finding);
  j["locations"] =
      Json::array({Json{{"physicalLocation", physical_location(base, finding.location)}}});
  Json related = Json::array();
  for (std::size_t i = 0; i < finding.facts.size(); ++i) {
    const FactIndex f = finding.facts[i];
    related.push_back(Json{{"id", i + 1},
                           {"physicalLocation", physical_location(base, base.facts[f].mark)},
                           {"message", Json{{"text", fact_summary(base, f)}}}});
  }
  if (!related.empty()) j["relatedLocations"] = related;
  j["partialFingerprints"] = Json{{kFingerprintKey, finding.id}};
  if (finding.accepted) {
    const Fact& by = base.facts[finding.accepted->by];
    j["suppressions"] = Json::array(
        {Json{{"kind", "inSource"},
              {"status", "accepted"},
              {"justification", finding.accepted->reason},
              {"location", Json{{"physicalLocation", physical_location(base, by.mark)}}}}});
  }
  Json properties{{"findingId", finding.id}};
  if (!finding.quantity.empty()) properties["quantity"] = finding.quantity;
  if (finding.gap) properties["gap"] = to_double(*finding.gap);
  properties["steps"] = finding.steps;
  j["properties"] = properties;
  return j;
}

// With --baseline: each result's baselineState ("new", "unchanged"), and one "absent"
// result for each finding of the baseline that is gone (SARIF 2.1.0 §3.27.24).
void add_baseline_states(const Review& review, const std::vector<Finding>& findings,
                         Json& results) {
  if (!review.baseline) return;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (const auto state = review.baseline_state(findings[i]))
      results[i]["baselineState"] = std::string(baseline_state_name(*state));
  }
  for (const BaselineFinding& f : review.fixed) {
    Json region{{"startLine", std::max<std::uint32_t>(f.line, 1)}};
    if (f.column > 0) region["startColumn"] = f.column;
    Json location{{"artifactLocation", artifact_location(f.file)}, {"region", region}};
    Json result{{"ruleId", f.rule},
                {"kind", "pass"},
                {"level", "none"},
                {"message", Json{{"text", sarif_text(f.message)}}},
                {"locations", Json::array({Json{{"physicalLocation", location}}})},
                {"partialFingerprints", Json{{kFingerprintKey, f.id}}},
                {"baselineState", "absent"},
                {"properties", Json{{"findingId", f.id}}}};
    results.push_back(std::move(result));
  }
}

}  // namespace

std::string sarif_artifact_uri(std::string_view path) {
  // uriparser wants room for every byte escaped (3×) plus "file://" and the terminator.
  const std::string in(path);
  std::vector<char> out(3 * in.size() + 8 + 1);
  if (uriUnixFilenameToUriStringA(in.c_str(), out.data()) != URI_SUCCESS) return {};
  return out.data();
}

// Friendly names: SARIF (and the multitool, SARIF1001) wants a name that differs from the
// id beyond case, in PascalCase, saying what the finding is at a glance.
std::string sarif_rule_name(FindingRule rule) {
  switch (rule) {
    case FindingRule::conflict:
      return "StatedFiguresDisagree";
    case FindingRule::recompute:
      return "RelationDisagreesWithFigures";
    case FindingRule::implied:
      return "ImpliedValuesDisagree";
    case FindingRule::containment:
      return "PartExceedsWhole";
    case FindingRule::record:
      return "RecordContradicted";
    case FindingRule::hedge:
      return "ReadingsDoNotOverlap";
    case FindingRule::units:
      return "UnitsDiffer";
    case FindingRule::quote:
      return "QuoteNotFound";
    case FindingRule::stale_accept:
      return "StaleAccept";
    case FindingRule::revision:
      return "RevisedFigure";
  }
  return "UnknownRule";
}

std::string render_sarif(const ReportInput& input) {
  Json rules = Json::array();
  for (const FindingRule rule : kAllFindingRules) rules.push_back(rule_json(rule));
  Json driver{{"name", "crosscheck"},
              {"informationUri", CROSSCHECK_HOME_URL},
              {"version", CROSSCHECK_VERSION},
              {"semanticVersion", CROSSCHECK_VERSION},
              {"rules", rules}};
  Json results = Json::array();
  for (const Finding& finding : input.result.findings)
    results.push_back(result_json(input.base, finding));
  if (input.review) add_baseline_states(*input.review, input.result.findings, results);
  Json run{{"tool", Json{{"driver", driver}}}, {"results", results}};
  Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({run})}};
  return log.dump(2) + "\n";
}

}  // namespace cc
