// report.json: the machine contract of docs/REPORTS.md and schema/report.schema.json. Fields may be
// added, none removed or renamed. Keys keep the contract's order (nlohmann::ordered_json).
#include <nlohmann/json.hpp>

#include "explain/explain.h"  // describe_quantity, describe_value
#include "report/explain_text.h"
#include "report/report.h"
#include "report/review.h"

namespace cc {
namespace {

using Json = nlohmann::ordered_json;

Json bound(const std::optional<Bound>& b) {
  return b ? Json(to_double(b->value)) : Json(nullptr);
}

Json nullable(std::string_view text) {
  return text.empty() ? Json(nullptr) : Json(text);
}

Json fact_json(const FactBase& base, FactIndex f) {
  const Fact& fact = base.facts[f];
  const FactRow row = fact_row(base, f);
  Json j;
  j["ref"] = row.ref;
  j["file"] = row.file;
  j["line"] = row.line;
  j["column"] = row.column;
  j["value"] = fact.value.written;
  j["interval"] =
      Json::array({bound(fact.value.interval().lo()), bound(fact.value.interval().hi())});
  j["quote"] = base.quote(f);
  j["note"] = nullable(fact.note());
  j["source"] = base.sources[fact.source].id;
  j["kind"] = std::string(fact_kind_name(fact.kind));
  return j;
}

Json finding_json(const FactBase& base, const Finding& finding) {
  Json j;
  j["id"] = finding.id;
  j["rule"] = std::string(finding_rule_id(finding.rule));
  j["severity"] = std::string(severity_name(finding.severity));
  if (finding.accepted) {
    j["accepted"] =
        Json{{"reason", finding.accepted->reason}, {"by", base.ref(finding.accepted->by)}};
  } else {
    j["accepted"] = nullptr;
  }
  j["message"] = finding.message;
  j["quantity"] = nullable(finding.quantity);
  j["gap"] = finding.gap ? Json(to_double(*finding.gap)) : Json(nullptr);
  j["facts"] = Json::array();
  for (const FactIndex f : finding.facts) j["facts"].push_back(fact_json(base, f));
  j["steps"] = finding.steps;
  j["notes_differ"] = finding.notes_differ;
  j["location"] = Json{{"file", base.file_of(finding.location)},
                       {"line", finding.location.line},
                       {"column", finding.location.column}};
  if (finding.diagnosis) {
    const FindingDiagnosis& d = *finding.diagnosis;
    j["diagnosis"] = Json{{"doubt", base.ref(d.doubt)},
                          {"cause", nullable(d.cause)},
                          {"corrected", nullable(d.corrected)},
                          {"because", d.because},
                          {"detail", nullable(d.detail)}};
  } else {
    j["diagnosis"] = nullptr;
  }
  return j;
}

// With --draft or --baseline: where the finding stands (docs/REPORTS.md, "Draft and
// baseline"). Absent from the report of a plain run.
void add_review_fields(const Review& review, const Finding& finding, Json& j) {
  if (review.has_draft) j["draft"] = review.in_draft(finding);
  if (const auto state = review.baseline_state(finding))
    j["baseline"] = std::string(baseline_state_name(*state));
}

Json counts_json(const std::vector<Finding>& findings) {
  const Counts counts = count_findings(findings);
  return Json{{"error", counts.error},
              {"warning", counts.warning},
              {"info", counts.info},
              {"accepted", counts.accepted}};
}

Json review_json(const Review& review, const std::vector<Finding>& findings) {
  Json j;
  if (review.has_draft) {
    std::vector<Finding> draft;
    std::vector<Finding> rest;
    for (const Finding& f : findings) (review.in_draft(f) ? draft : rest).push_back(f);
    j["draft"] = Json{{"sources", review.draft_sources},
                      {"findings", counts_json(draft)},
                      {"background", counts_json(rest)}};
  } else {
    j["draft"] = nullptr;
  }
  if (review.baseline) {
    std::size_t fresh = 0;
    for (const Finding& f : findings)
      fresh += review.baseline_state(f) == BaselineState::new_finding ? 1 : 0;
    Json fixed = Json::array();
    for (const BaselineFinding& f : review.fixed) {
      fixed.push_back(
          Json{{"id", f.id},
               {"rule", f.rule},
               {"severity", f.severity},
               {"message", f.message},
               {"location", Json{{"file", f.file}, {"line", f.line}, {"column", f.column}}}});
    }
    j["baseline"] = Json{{"path", review.baseline->path},
                         {"new", fresh},
                         {"unchanged", findings.size() - fresh},
                         {"fixed", fixed}};
  } else {
    j["baseline"] = nullptr;
  }
  return j;
}

// What a propagation implies: [lo, hi] (null for an open side; null as a whole when the
// facts in play contradict each other), the same in words, and the steps.
Json implied_json(const FactBase& base, const FactGraph& graph, VarId var, const Implied& implied) {
  Json j;
  j["interval"] = implied.interval.is_empty()
                      ? Json(nullptr)
                      : Json::array({bound(implied.interval.lo()), bound(implied.interval.hi())});
  j["value"] = describe_value(base, graph, var, implied.interval);
  j["steps"] = implied.steps;
  return j;
}

}  // namespace

std::string render_quantity_json(const FactBase& base, const FactGraph& graph,
                                 const QuantityAnswer& answer, std::optional<FactIndex> fact) {
  Json j;
  j["quantity"] = describe_quantity(base, graph, answer.var);
  j["fact"] = fact ? fact_json(base, *fact) : Json(nullptr);
  j["stated_by"] = Json::array();
  for (const auto& s : answer.stated_by) {
    Json f = fact_json(base, s.fact);
    f["set_aside"] = s.set_aside;
    j["stated_by"].push_back(std::move(f));
  }
  j["chains"] = Json::array();
  for (const auto& chain : answer.chains) {
    j["chains"].push_back(Json{{"claim", fact_json(base, chain.claim)},
                               {"implied", implied_json(base, graph, answer.var, chain.implied)}});
  }
  j["everything"] = implied_json(base, graph, answer.var, answer.everything);
  j["set_aside"] = Json::array();
  for (const auto& s : answer.set_aside) {
    j["set_aside"].push_back(Json{
        {"ref", base.ref(s.fact)}, {"finding", s.finding->id}, {"message", s.finding->message}});
  }
  return j.dump(2) + "\n";
}

std::string render_finding_json(const FactBase& base, const Finding& finding) {
  return finding_json(base, finding).dump(2) + "\n";
}

std::string render_json(const ReportInput& input) {
  const FactBase& base = input.base;
  const Counts counts = count_findings(input.result.findings);
  std::size_t claims = 0;
  for (const Fact& fact : base.facts) claims += fact.kind == FactKind::figure ? 0 : 1;
  Json j;
  j["schema"] = "crosscheck-report/1";
  j["tool"] = Json{{"name", "crosscheck"}, {"version", CROSSCHECK_VERSION}};
  j["summary"] =
      Json{{"sources", base.sources.size()},
           {"facts", base.facts.size()},
           {"quantities", base.keys.key_count()},
           {"claims", claims},
           {"findings",
            Json{{"error", counts.error}, {"warning", counts.warning}, {"info", counts.info}}},
           {"accepted", counts.accepted}};
  j["findings"] = Json::array();
  for (const Finding& finding : input.result.findings) {
    Json f = finding_json(base, finding);
    if (input.review) add_review_fields(*input.review, finding, f);
    j["findings"].push_back(std::move(f));
  }
  j["notices"] = input.result.notices;
  if (input.review) j["review"] = review_json(*input.review, input.result.findings);
  return j.dump(2) + "\n";
}

}  // namespace cc
