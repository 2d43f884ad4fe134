// report.json: the machine contract of docs/REPORTS.md and schema/report.schema.json. Fields may be
// added, none removed or renamed. Keys keep the contract's order (nlohmann::ordered_json).
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace cc {
namespace {

using Json = nlohmann::ordered_json;

Json bound(const std::optional<Bound>& b) {
  return b ? Json(to_double(b->value)) : Json(nullptr);
}

Json nullable(const std::string& text) {
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
  j["interval"] = Json::array({bound(fact.value.interval.lo()), bound(fact.value.interval.hi())});
  j["quote"] = fact.quote;
  j["note"] = nullable(fact.note);
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

}  // namespace

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
  for (const Finding& finding : input.result.findings)
    j["findings"].push_back(finding_json(base, finding));
  j["notices"] = input.result.notices;
  return j.dump(2) + "\n";
}

}  // namespace cc
