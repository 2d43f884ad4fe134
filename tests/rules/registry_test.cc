// Every registered inference rule (rules/all_rules.cc) and single-fact check
// (checks/all_checks.cc) comes with what docs/rules/README.md asks of it:
//   - its page docs/rules/<id>.md;
//   - its unit tests tests/rules/<name>_test.cc (a check: tests/checks/<name>_test.cc),
//     <name> being the id with '-' as '_';
//   - an end-to-end case that fires: tests/cases/*/expected.json lists the id under
//     "rules" and has findings (cases_test.cc checks that they change without the rule);
//   - an end-to-end case that stays silent: it lists the id under "silent" and has no
//     findings; for an inference rule the rule must be at work there (make a constraint).
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include "catch.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "checks/check.h"
#include "load/loader.h"
#include "rules/build.h"
#include "rules/rule.h"
#include "support/test_support.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Case {
  fs::path dir;
  json expected;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& entry : fs::directory_iterator(cc::test::source_dir() / "tests" / "cases")) {
    if (!entry.is_directory()) continue;
    out.push_back({entry.path(), json::parse(cc::test::read_file(entry.path() / "expected.json"))});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.dir < b.dir; });
  return out;
}

bool lists(const json& expected, const char* field, std::string_view id) {
  const auto ids = expected.value(field, std::vector<std::string>{});
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string file_name(std::string_view id) {
  std::string name(id);
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

// The cases that fire for `id` and those that stay silent for it.
std::pair<std::vector<const Case*>, std::vector<const Case*>> cases_of(const std::vector<Case>& all,
                                                                       std::string_view id) {
  std::pair<std::vector<const Case*>, std::vector<const Case*>> out;
  for (const Case& c : all) {
    const bool findings = !c.expected.at("findings").empty();
    if (lists(c.expected, "rules", id) && findings) out.first.push_back(&c);
    if (lists(c.expected, "silent", id)) {
      INFO(fmt::format("{} lists '{}' as silent but expects findings", c.dir.string(), id));
      CHECK_FALSE(findings);
      if (!findings) out.second.push_back(&c);
    }
  }
  return out;
}

// Checks that `id` has a case that fires and one that stays silent; returns the silent ones.
std::vector<const Case*> require_cases(const std::vector<Case>& all, std::string_view id) {
  const auto [fires, silent] = cases_of(all, id);
  INFO(
      fmt::format("'{}' needs a case under tests/cases/ listing it under \"rules\" with "
                  "findings, and one listing it under \"silent\" without",
                  id));
  CHECK_FALSE(fires.empty());
  CHECK_FALSE(silent.empty());
  return silent;
}

void require_files(std::string_view id, const char* tests_folder) {
  const fs::path root = cc::test::source_dir();
  const fs::path page = root / "docs" / "rules" / fmt::format("{}.md", id);
  const fs::path unit = root / "tests" / tests_folder / fmt::format("{}_test.cc", file_name(id));
  INFO(fmt::format("'{}' needs its page {} and its unit tests {}", id, page.string(),
                   unit.string()));
  CHECK(fs::is_regular_file(page));
  CHECK(fs::is_regular_file(unit));
}

std::size_t constraints_made(const Case& c, std::string_view id) {
  cc::Diagnostics diagnostics;
  const auto facts = fs::relative(c.dir / "facts", cc::test::source_dir());
  const cc::FactBase base = cc::load_fact_base(facts, diagnostics);
  const cc::FactGraph graph = cc::build_graph(base);
  return static_cast<std::size_t>(
      std::count_if(graph.constraints.begin(), graph.constraints.end(),
                    [&](const cc::Constraint& k) { return cc::rule_of(k).id == id; }));
}

}  // namespace

TEST_CASE("every inference rule has its page, unit tests and cases that fire and stay silent",
          "[rules]") {
  const auto all = cases();
  REQUIRE_FALSE(all.empty());
  REQUIRE_FALSE(cc::inference_rules().empty());
  for (const cc::InferenceRule& rule : cc::inference_rules()) {
    DYNAMIC_SECTION(rule.id) {
      require_files(rule.id, "rules");
      for (const Case* c : require_cases(all, rule.id)) {
        INFO(fmt::format("'{}' must be at work in {}: it makes no constraint there", rule.id,
                         c->dir.string()));
        CHECK(constraints_made(*c, rule.id) > 0);
      }
    }
  }
}

TEST_CASE("every single-fact check has its page, unit tests and cases that fire and stay silent",
          "[checks]") {
  const auto all = cases();
  REQUIRE_FALSE(cc::fact_checks().empty());
  for (const cc::FactCheck& check : cc::fact_checks()) {
    DYNAMIC_SECTION(check.id) {
      require_files(check.id, "checks");
      (void)require_cases(all, check.id);
    }
  }
}
