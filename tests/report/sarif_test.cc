// report.sarif against the structure SARIF 2.1.0 requires (the OASIS standard, §3: the
// required properties and enumerations of the objects it uses), and against the findings.
#include <nlohmann/json.hpp>
#include "catch.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "report/report.h"
#include "report/report_fixture.h"
#include "support/test_support.h"

using namespace cc;
using nlohmann::json;

namespace {

bool is_message(const json& m) {  // §3.11: text or id
  return m.is_object() && ((m.contains("text") && m["text"].is_string()) || m.contains("id"));
}

void check_physical_location(const json& p) {  // §3.29, §3.4, §3.30
  REQUIRE(p.is_object());
  REQUIRE(p.contains("artifactLocation"));
  CHECK(p["artifactLocation"]["uri"].is_string());
  CHECK(p["artifactLocation"]["uri"].get<std::string>().find('\\') == std::string::npos);
  REQUIRE(p.contains("region"));
  CHECK(p["region"]["startLine"].is_number_integer());
  CHECK(p["region"]["startLine"].get<int>() >= 1);
  if (p["region"].contains("startColumn")) CHECK(p["region"]["startColumn"].get<int>() >= 1);
}

void check_structure(const json& log) {
  REQUIRE(log.is_object());
  CHECK(log["version"] == "2.1.0");  // §3.13.2
  CHECK(log["$schema"].is_string());
  REQUIRE(log["runs"].is_array());  // §3.13.4
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  REQUIRE(run["tool"]["driver"].is_object());  // §3.14.6, §3.18.2
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"].is_string());  // §3.19.8
  REQUIRE_FALSE(driver["rules"].empty());
  REQUIRE_FALSE(run["results"].empty());
  std::size_t locations = 0, related_locations = 0, suppressions = 0;
  std::set<std::string> rule_ids;
  for (const json& rule : driver["rules"]) {  // §3.49: id required, unique
    REQUIRE(rule["id"].is_string());
    CHECK(rule_ids.insert(rule["id"].get<std::string>()).second);
    CHECK(is_message(rule["shortDescription"]));
    const std::string level = rule["defaultConfiguration"]["level"];
    CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
  }
  for (const json& result : run["results"]) {  // §3.27
    REQUIRE(is_message(result["message"]));
    const std::string id = result["ruleId"];
    CHECK(rule_ids.count(id) == 1);
    CHECK(driver["rules"][result["ruleIndex"].get<std::size_t>()]["id"] == id);  // §3.27.6
    const std::string level = result["level"];
    CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
    for (const json& location : result["locations"]) {
      check_physical_location(location["physicalLocation"]);
      ++locations;
    }
    std::set<int> related_ids;
    for (const json& related : result["relatedLocations"]) {
      check_physical_location(related["physicalLocation"]);
      CHECK(related_ids.insert(related["id"].get<int>()).second);  // §3.28.2: unique ids
      ++related_locations;
    }
    if (result.contains("suppressions")) {  // §3.35
      for (const json& s : result["suppressions"]) {
        ++suppressions;
        const std::string kind = s["kind"];
        CHECK((kind == "inSource" || kind == "external"));
        if (s.contains("status")) {
          const std::string status = s["status"];
          CHECK((status == "accepted" || status == "underReview" || status == "rejected"));
        }
      }
    }
  }
  // The log under test has locations, related locations and a suppression (the accepted
  // finding), so none of the loops above ran zero times.
  CHECK(locations > 0);
  CHECK(related_locations > 0);
  CHECK(suppressions > 0);
}

}  // namespace

TEST_CASE("report.sarif has the structure SARIF 2.1.0 requires", "[report]") {
  const auto checked = test::checked_fixture("sarif-structure");
  check_structure(json::parse(render_sarif(checked->input())));
}

TEST_CASE("report.sarif has one result per finding at its facts' lines", "[report]") {
  const auto checked = test::checked_fixture("sarif-results");
  const FactBase& base = checked->base;
  const json log = json::parse(render_sarif(checked->input()));
  const json& results = log["runs"][0]["results"];
  const auto& findings = checked->result.findings;
  REQUIRE(results.size() == findings.size());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == std::size(kAllFindingRules));
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    const json& result = results[i];
    INFO(finding.id);
    CHECK(result["ruleId"] == std::string(finding_rule_id(finding.rule)));
    CHECK(result["partialFingerprints"]["crosscheckFindingId/v1"] == finding.id);
    CHECK(result["message"]["text"].get<std::string>().starts_with(finding.message));
    if (finding.diagnosis)
      CHECK(result["message"]["text"].get<std::string>().find(
                "Likely cause: check '" + base.ref(finding.diagnosis->doubt) + "'") !=
            std::string::npos);
    const json& primary = result["locations"][0]["physicalLocation"];
    CHECK(primary["artifactLocation"]["uri"] == sarif_artifact_uri(base.file_of(finding.location)));
    CHECK(primary["region"]["startLine"] == finding.location.line);
    REQUIRE(result["relatedLocations"].size() == finding.facts.size());
    for (std::size_t k = 0; k < finding.facts.size(); ++k) {
      const Fact& fact = base.facts[finding.facts[k]];
      const json& related = result["relatedLocations"][k];
      CHECK(related["physicalLocation"]["artifactLocation"]["uri"] ==
            sarif_artifact_uri(base.file_of(fact.mark)));
      CHECK(related["physicalLocation"]["region"]["startLine"] == fact.mark.line);
      CHECK(related["message"]["text"].get<std::string>().starts_with(base.ref(finding.facts[k]) +
                                                                      ": "));
    }
    if (finding.accepted) {
      REQUIRE(result["suppressions"].size() == 1);
      CHECK(result["suppressions"][0]["kind"] == "inSource");
      CHECK(result["suppressions"][0]["justification"] == finding.accepted->reason);
    } else {
      CHECK_FALSE(result.contains("suppressions"));
    }
  }
  CHECK(results[0]["level"] == "error");
}

TEST_CASE("report.sarif is the same bytes on every run", "[report]") {
  const auto checked = test::checked_fixture("sarif-stable");
  CHECK(render_sarif(checked->input()) == render_sarif(checked->input()));
}

TEST_CASE("SARIF artifact URIs are percent-encoded paths", "[report]") {
  CHECK(sarif_artifact_uri("facts/a.yaml") == "facts/a.yaml");
  CHECK(sarif_artifact_uri("sp ace/a.yaml") == "sp%20ace/a.yaml");
  CHECK(sarif_artifact_uri("faits-\u00e9/a.yaml") == "faits-%C3%A9/a.yaml");
  CHECK(sarif_artifact_uri("a#b/c.yaml") == "a%23b/c.yaml");  // not a fragment
  CHECK(sarif_artifact_uri("50%/a?.yaml") == "50%25/a%3F.yaml");
  CHECK(sarif_artifact_uri("/srv/facts/a b.yaml") == "file:///srv/facts/a%20b.yaml");
}

TEST_CASE("SARIF locations: relative paths against %SRCROOT%, absolute ones as file URIs",
          "[report]") {
  const auto checked = test::checked_fixture("sarif-uris");
  const json log = json::parse(render_sarif(checked->input()));
  const json& location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  const std::string file = checked->base.file_of(checked->result.findings[0].location);
  REQUIRE(file.starts_with("/"));  // the fixture is written under the temp folder
  CHECK(location["artifactLocation"]["uri"] == "file://" + file);
  CHECK_FALSE(location["artifactLocation"].contains("uriBaseId"));
}

TEST_CASE("SARIF rules have a name and a help page, the tool an information URI", "[report]") {
  const auto checked = test::checked_fixture("sarif-rules");
  const json log = json::parse(render_sarif(checked->input()));
  const json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["informationUri"] == CROSSCHECK_HOME_URL);
  std::set<std::string> names;
  for (const json& rule : driver["rules"]) {
    const std::string id = rule["id"];
    const std::string name = rule["name"];
    INFO(id);
    // The multitool (SARIF1001) compares name and id ignoring case.
    std::string lower_name, lower_id;
    for (const char c : name) lower_name += static_cast<char>(std::tolower(c));
    for (const char c : id) lower_id += static_cast<char>(std::tolower(c));
    CHECK(lower_name != lower_id);
    CHECK(std::isupper(static_cast<unsigned char>(name[0])));
    CHECK(std::all_of(name.begin(), name.end(),
                      [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }));
    CHECK(names.insert(name).second);
    const std::string page = "docs/rules/" + id + ".md";
    CHECK(rule["helpUri"] == std::string(CROSSCHECK_HOME_URL) + page);
    CHECK(std::filesystem::exists(test::source_dir() / page));
  }
  CHECK(sarif_rule_name(FindingRule::stale_accept) == "StaleAccept");
}
