// crosscheck explain: who states a quantity, what each claim naming it implies, and the
// interval everything else forces on it, with the chain.
#include "catch.h"

#include <nlohmann/json.hpp>

#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;

namespace {
std::filesystem::path two_rises(const std::string& name) {
  const auto dir = scratch_dir(name);
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(
      dir / "a.yaml",
      source_file(
          "a",
          R"(  - {id: latest, quote: 7062 cases, value: 7062, measure: cases, where: Land, when: 2023-24}
  - {id: rise, quote: a rise of 89%, value: 89%, change: {from: {when: 2017-18}, to: latest}}
  - {id: north, quote: 1001 cases, value: 1001, measure: cases, where: North, when: 2017-18}
)"));
  write_file(
      dir / "b.yaml",
      source_file(
          "b",
          R"(  - {id: last, quote: 6351 cases, value: 6351, measure: cases, where: Land, when: 2022-23}
  - {id: rise, quote: up 82%, value: 82%, change: {from: {when: 2017-18}, to: last}}
)",
          "2023-06-01"));
  return dir;
}
}  // namespace

TEST_CASE("explain shows what each chain implies for a quantity no source states",
          "[cli][explain]") {
  const auto dir = two_rises("explain-unstated");
  const auto r = run_cli({"explain", dir.string(), "cases · Land · 2017-18"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("cases · Land · 2017-18\n  stated by: no source states it") == 0);
  CHECK(r.out.find("a/rise (89%): 3,727…3,746") != std::string::npos);
  CHECK(r.out.find("cases · Land · 2017-18 = 7,062 ÷ (1 + 88.5%…89.5%) = 3,727…3,746") !=
        std::string::npos);
  CHECK(r.out.find("b/rise (82%): 3,480…3,499") != std::string::npos);
  CHECK(r.out.find("set aside in this part of the graph, by findings:") != std::string::npos);
}

TEST_CASE("explain forces an interval on a key no fact names, through the rules",
          "[cli][explain]") {
  const auto dir = two_rises("explain-unnamed");
  // South 2017-18 is named nowhere: Land holds North and South, so South ≤ Land − North.
  const auto r = run_cli({"explain", dir.string(), "cases, South, 2017-18"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(
            "everything else together (facts set aside by findings left out): at most 2,745") !=
        std::string::npos);
  CHECK(r.out.find("(North and South lie inside Land and do not overlap)") != std::string::npos);
}

TEST_CASE("explain of a fact ref, and of a name it cannot read", "[cli][explain]") {
  const auto dir = two_rises("explain-ref");
  const auto r = run_cli({"explain", dir.string(), "a/latest"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("a/latest: \"7062 cases\" (7062)\ncases · Land · 2023-24\n") == 0);
  const auto bad = run_cli({"explain", dir.string(), "casse · Land · 2019"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "crosscheck: error: unknown measure 'casse' (did you mean 'cases'?)\n");
}

TEST_CASE("explain --format json: a quantity and a fact as one JSON object", "[cli][explain]") {
  const auto dir = two_rises("explain-json");
  const auto text = run_cli({"explain", dir.string(), "cases · Land · 2017-18"});
  const auto r = run_cli({"explain", dir.string(), "cases · Land · 2017-18", "--format", "json"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["quantity"] == "cases · Land · 2017-18");
  CHECK(j["fact"].is_null());
  CHECK(j["stated_by"].empty());
  REQUIRE(j["chains"].size() == 2);
  const auto& a = j["chains"][0];
  CHECK(a["claim"]["ref"] == "a/rise");
  CHECK(a["claim"]["value"] == "89%");
  CHECK(a["claim"]["file"].get<std::string>().ends_with("a.yaml"));
  CHECK(a["claim"]["line"].get<int>() > 0);
  CHECK(a["implied"]["value"] == "3,727…3,746");
  CHECK(a["implied"]["interval"][0].get<double>() > 3726);
  CHECK(a["implied"]["interval"][1].get<double>() < 3747);
  // Every step the text shows, as strings.
  REQUIRE(!a["implied"]["steps"].empty());
  for (const auto& step : a["implied"]["steps"])
    CHECK(text.out.find("      " + step.get<std::string>() + "\n") != std::string::npos);
  CHECK(j["chains"][1]["claim"]["ref"] == "b/rise");
  CHECK(j["everything"].contains("interval"));
  CHECK(text.out.find(j["everything"]["value"].get<std::string>()) != std::string::npos);
  REQUIRE(!j["set_aside"].empty());
  CHECK(j["set_aside"][0]["finding"].get<std::string>().find('-') != std::string::npos);

  const auto fact = run_cli({"explain", dir.string(), "a/latest", "--format", "json"});
  REQUIRE(fact.exit_code == 0);
  const auto f = nlohmann::json::parse(fact.out);
  CHECK(f["quantity"] == "cases · Land · 2023-24");
  CHECK(f["fact"]["ref"] == "a/latest");
  CHECK(f["fact"]["quote"] == "7062 cases");
  REQUIRE(f["stated_by"].size() == 1);
  CHECK(f["stated_by"][0]["ref"] == "a/latest");
  CHECK(f["stated_by"][0]["interval"] == nlohmann::json::array({7062.0, 7062.0}));
  CHECK(f["stated_by"][0].contains("set_aside"));
}
