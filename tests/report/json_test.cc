// report.json against its contract (docs/REPORTS.md): every field it names, with its type.
#include <nlohmann/json.hpp>
#include "catch.h"

#include "report/report.h"
#include "report/report_fixture.h"

using namespace cc;
using nlohmann::json;

namespace {

void check_interval(const json& interval) {
  REQUIRE(interval.is_array());
  REQUIRE(interval.size() == 2);
  for (const json& bound : interval) CHECK((bound.is_number() || bound.is_null()));
}

void check_fact(const json& fact) {
  for (const char* text : {"ref", "file", "value", "quote"}) CHECK(fact[text].is_string());
  CHECK(fact["line"].is_number_unsigned());
  CHECK(fact["column"].is_number_unsigned());
  check_interval(fact["interval"]);
  CHECK((fact["note"].is_string() || fact["note"].is_null()));
}

}  // namespace

TEST_CASE("report.json keeps its contract", "[report]") {
  const auto checked = test::checked_fixture("json-contract");
  const json j = json::parse(render_json(checked->input()));
  CHECK(j["schema"] == "crosscheck-report/1");
  CHECK(j["tool"] == json{{"name", "crosscheck"}, {"version", CROSSCHECK_VERSION}});
  const json& summary = j["summary"];
  CHECK(summary["sources"] == 2);
  CHECK(summary["facts"] == 6);
  CHECK(summary["quantities"].is_number_unsigned());
  CHECK(summary["claims"] == 1);
  // Open findings by severity; the accepted error counts under "accepted" only.
  CHECK(summary["findings"] == json{{"error", 2}, {"warning", 1}, {"info", 0}});
  CHECK(summary["accepted"] == 1);
  const auto& findings = checked->result.findings;
  REQUIRE(j["findings"].size() == findings.size());
  std::size_t diagnosed = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const json& f = j["findings"][i];
    INFO(findings[i].id);
    CHECK(f["id"] == findings[i].id);
    CHECK(f["rule"] == std::string(finding_rule_id(findings[i].rule)));
    CHECK(f["severity"] == std::string(severity_name(findings[i].severity)));
    CHECK(f["message"] == findings[i].message);
    CHECK((f["quantity"].is_string() || f["quantity"].is_null()));
    CHECK((f["gap"].is_number() || f["gap"].is_null()));
    if (findings[i].accepted) {
      CHECK(f["accepted"] == json{{"reason", findings[i].accepted->reason},
                                  {"by", checked->base.ref(findings[i].accepted->by)}});
    } else {
      CHECK(f["accepted"].is_null());
    }
    REQUIRE(f["facts"].size() == findings[i].facts.size());
    for (const json& fact : f["facts"]) check_fact(fact);
    CHECK(f["steps"] == findings[i].steps);
    // Which number to fix: the doubted fact is the finding's first; null for single-fact
    // findings.
    if (findings[i].diagnosis) {
      const auto& d = *findings[i].diagnosis;
      const json& dj = f["diagnosis"];
      CHECK(dj["doubt"] == checked->base.ref(d.doubt));
      CHECK(f["facts"][0]["ref"] == dj["doubt"]);
      CHECK(dj["because"].is_string());
      CHECK(dj["because"] == d.because);
      CHECK((d.cause.empty() ? dj["cause"].is_null() : dj["cause"] == d.cause));
      CHECK((d.corrected.empty() ? dj["corrected"].is_null() : dj["corrected"] == d.corrected));
      ++diagnosed;
    } else {
      CHECK(f["diagnosis"].is_null());
    }
  }
  CHECK(diagnosed > 0);
}
