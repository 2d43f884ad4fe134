// check --draft: the check of the fact base without the draft solves again only the
// components the draft touches, and finds what a whole check of the rest finds.
#include "engine/without_draft.h"

#include <algorithm>
#include <filesystem>

#include "catch.h"
#include "load/loader.h"
#include "load/memory_loader.h"
#include "report/report.h"
#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;

namespace {

cc::FactBase load(const cc::FileTexts& files) {
  cc::Diagnostics diagnostics;
  cc::FactBase base = cc::load_fact_base_from_memory("draft", files, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  return base;
}

std::unordered_set<std::string> ids_of(const cc::CheckResult& result) {
  std::unordered_set<std::string> ids;
  for (const cc::Finding& f : result.findings) ids.insert(f.id);
  return ids;
}

std::string figure(const std::string& id, int year, int value) {
  const std::string v = std::to_string(value);
  return "  - {id: " + id + ", quote: '" + v + " cases', value: " + v +
         ", measure: cases, where: Land, when: " + std::to_string(year) + "}\n";
}

// "almost half (52%)": a hedge finding (a single-fact check) on a share of `year`'s cases.
std::string hedge(const std::string& id, int year) {
  return "  - {id: " + id +
         ", quote: almost half (52%) were children, value: almost half (52%), share: {of: "
         "{measure: cases, where: Land, when: " +
         std::to_string(year) + "}, part: {subset: {age: child}}}}\n";
}

std::size_t count_rule(const std::vector<cc::Finding>& findings, cc::FindingRule rule) {
  return static_cast<std::size_t>(std::count_if(
      findings.begin(), findings.end(), [&](const cc::Finding& f) { return f.rule == rule; }));
}

}  // namespace

TEST_CASE("the check without the draft re-solves the components the draft touches, no others",
          "[engine][draft]") {
  // One component per year of `cases` in Land:
  //   2019: a contradiction of the rest alone (a1, b1): the draft leaves it alone;
  //   2020: the draft's d1 contradicts a2: without the draft, no finding;
  //   2021: a3 and b3 disagree; the draft's d3 and e3 side with b3, so the whole check
  //         doubts a3 against three facts, the rest alone against one (another finding);
  //   2022: the rest agrees (a4, b4), untouched, silent;  2023: the draft's own (d5).
  // a and d each hedge a share (a single-fact check): the rest keeps a's finding only.
  cc::FileTexts rest_files{
      {"vocabulary.yaml", test_vocabulary()},
      {"a.yaml",
       source_file("a",
                   figure("a1", 2019, 100) + figure("a2", 2020, 300) + figure("a3", 2021, 400) +
                       figure("a4", 2022, 10) + hedge("ah", 2022),
                   "2024-01-01")},
      {"b.yaml",
       source_file("b", figure("b1", 2019, 200) + figure("b3", 2021, 450) + figure("b4", 2022, 10),
                   "2024-06-01")},
  };
  cc::FileTexts all_files = rest_files;
  all_files.emplace("d.yaml", source_file("d",
                                          figure("d1", 2020, 500) + figure("d3", 2021, 450) +
                                              figure("d5", 2023, 5) + hedge("dh", 2023),
                                          "2024-03-01"));
  all_files.emplace("e.yaml", source_file("e", figure("e3", 2021, 450), "2024-04-01"));
  const cc::FactBase base = load(all_files);
  const cc::FactBase rest = load(rest_files);
  const std::vector<cc::SourceIndex> draft = {*base.find_source("d"), *base.find_source("e")};

  const cc::EngineOptions options;
  const cc::CheckResult whole = cc::run_checks(base, options);
  const std::unordered_set<std::string> expected = ids_of(cc::run_checks(rest, options));
  const cc::WithoutDraft without = cc::check_without_draft(base, whole, draft, rest, options);

  // The case has teeth: a finding both checks share (reused from the whole check), one of
  // the rest alone (found only by solving 2021 again) and one of the whole alone (2020).
  const std::unordered_set<std::string> all = ids_of(whole);
  const auto shared = std::count_if(expected.begin(), expected.end(),
                                    [&](const std::string& id) { return all.count(id) > 0; });
  CHECK(shared >= 1);
  CHECK(shared < static_cast<std::ptrdiff_t>(expected.size()));
  CHECK(std::any_of(all.begin(), all.end(),
                    [&](const std::string& id) { return expected.count(id) == 0; }));

  // The single-fact checks' findings are the whole check's, the draft's left out.
  CHECK(count_rule(whole.findings, cc::FindingRule::hedge) == 2);
  CHECK(count_rule(cc::run_checks(rest, options).findings, cc::FindingRule::hedge) == 1);

  CHECK(without.ids == expected);
  CHECK_FALSE(without.full);
  CHECK(without.components == 4);    // 2019, 2020, 2021, 2022
  CHECK(without.solved_again == 2);  // 2020 and 2021

  // As check --draft runs it: the rest solved beside the whole check's solve (on a thread
  // of its own, or after the solve with one thread), finished once it is done; its graph
  // built by solve_rest, or before the whole check (build_rest_graph), as the command
  // builds it beside the whole build.
  for (const bool built_before : {false, true}) {
    for (const unsigned threads : {1U, 2U}) {
      CAPTURE(built_before, threads);
      cc::EngineOptions beside;
      beside.solve.threads = threads;
      std::optional<cc::FactGraph> rest_graph;
      if (built_before) rest_graph = cc::build_rest_graph(rest, options);
      std::optional<cc::RestSolved> solved;
      beside.beside_solve = [&](const cc::FactGraph& graph) {
        solved = rest_graph
                     ? cc::solve_rest(base, graph, draft, rest, std::move(*rest_graph), options)
                     : cc::solve_rest(base, graph, draft, rest, options);
      };
      const cc::CheckResult checked = cc::run_checks(base, beside);
      REQUIRE(solved);
      CHECK(ids_of(checked) == all);
      const cc::WithoutDraft finished =
          cc::finish_without_draft(checked, std::move(*solved), rest, options);
      CHECK(finished.ids == expected);
      CHECK(finished.solved_again == 2);
    }
  }
}

TEST_CASE("the check without the draft falls back to a whole check when the rest differs",
          "[engine][draft]") {
  // `rest` is not the fact base without the draft (a fact changed): the sources cannot be
  // matched, so the rest is checked in full.
  const cc::FileTexts all_files{
      {"vocabulary.yaml", test_vocabulary()},
      {"a.yaml", source_file("a", figure("a1", 2019, 100), "2024-01-01")},
      {"d.yaml", source_file("d", figure("d1", 2019, 100), "2024-03-01")},
  };
  const cc::FileTexts rest_files{
      {"vocabulary.yaml", test_vocabulary()},
      {"a.yaml", source_file("a", figure("a1", 2019, 100) + figure("a2", 2019, 300))},
  };
  const cc::FactBase base = load(all_files);
  const cc::FactBase rest = load(rest_files);
  const cc::CheckResult whole = cc::run_checks(base);
  const cc::WithoutDraft without =
      cc::check_without_draft(base, whole, {*base.find_source("d")}, rest, {});
  CHECK(without.full);
  CHECK(without.ids == ids_of(cc::run_checks(rest)));
}

namespace {

// What a user sees of a check: report.json and report.html (findings, implied intervals in
// the charts), the facts set aside and the notices.
std::string seen(const cc::FactBase& base, const cc::CheckResult& result) {
  const cc::ReportInput input{base, result, nullptr, 1};
  std::string out = cc::render_json(input) + cc::render_html(input);
  for (const cc::FactIndex f : result.set_aside) out += " aside " + base.ref(f);
  for (const std::string& notice : result.notices) out += " notice " + notice;
  for (cc::KeyId k = 0; k < result.implied.size(); ++k)
    out += " " + cc::to_string(result.implied[k]);
  return out;
}

}  // namespace

TEST_CASE("a check that takes some components' outcomes as known gives the whole solve's result",
          "[engine][draft][rest-cache]") {
  // The outcomes a check kept (EngineOptions::keep_outcomes), given back as known for every
  // other component, for all, or for none: the solve of the rest of the graph, joined with
  // them, is what a user sees of the whole solve; on every case (slips that read other
  // components among them) and with bounds so small that components stop short (notices).
  std::size_t taken = 0;
  std::size_t notices = 0;
  for (const auto& dir : fact_dirs()) {
    INFO(dir.string());
    cc::Diagnostics diagnostics;
    const cc::FactBase base = cc::load_fact_base(dir.string(), diagnostics);
    for (const bool bounded : {false, true}) {
      cc::EngineOptions options;
      if (bounded) {
        options.solve.max_conflicts_per_component = 1;
        options.solve.diagnosis_node_budget = 1;
      }
      options.keep_outcomes = true;
      const cc::CheckResult whole = cc::run_checks(base, options);
      REQUIRE(whole.outcomes.size() == whole.graph.components().size());
      const std::string expected = seen(base, whole);
      notices += whole.notices.size();
      for (const int pattern : {0, 1, 2}) {
        INFO("pattern " << pattern << (bounded ? ", bounded" : ""));
        cc::EngineOptions partly = options;
        partly.keep_outcomes = false;
        partly.known_components = [&](const cc::FactGraph& graph) {
          std::vector<std::optional<cc::ComponentOutcome>> known(graph.components().size());
          for (std::size_t c = 0; c < known.size(); ++c)
            if (pattern == 2 || (pattern == 1 && c % 2 == 0)) known[c] = whole.outcomes[c];
          return known;
        };
        const cc::CheckResult result = cc::run_checks(base, partly);
        CHECK(seen(base, result) == expected);
        taken += result.components_known;
      }
    }
  }
  CHECK(taken > 0);
  CHECK(notices > 0);  // some component stopped at a bound
}

TEST_CASE("a known component's outcome is taken as given", "[engine][draft][rest-cache]") {
  cc::Diagnostics diagnostics;
  const cc::FactBase base =
      cc::load_fact_base((cc::test::source_dir() / "facts").string(), diagnostics);
  cc::EngineOptions options;
  options.keep_outcomes = true;
  const cc::CheckResult whole = cc::run_checks(base, options);
  std::optional<std::size_t> with_finding;
  for (std::size_t c = 0; c < whole.outcomes.size() && !with_finding; ++c)
    if (whole.outcomes[c] && !whole.outcomes[c]->findings.empty()) with_finding = c;
  REQUIRE(with_finding);
  cc::EngineOptions partly;
  partly.known_components = [&](const cc::FactGraph& graph) {
    std::vector<std::optional<cc::ComponentOutcome>> known(graph.components().size());
    known[*with_finding] = whole.outcomes[*with_finding];
    known[*with_finding]->findings.front().message = "a message given";
    return known;
  };
  const cc::CheckResult result = cc::run_checks(base, partly);
  CHECK(result.components_known == 1);
  CHECK(std::any_of(result.findings.begin(), result.findings.end(),
                    [](const cc::Finding& f) { return f.message == "a message given"; }));
}
