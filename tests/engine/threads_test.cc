// Checking on several threads changes nothing a user sees: report.json and report.html are
// the same byte for byte with 1, 2 and 3 threads (components solved at once, the single-fact
// checks beside them, report.html's graphs and charts drawn at once), on the seed fact base
// and every end-to-end case. tests/threads_generated.cmake does the same through the
// command on a generated base.
#include "catch.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/check.h"
#include "load/loader.h"
#include "report/report.h"
#include "rules/build.h"
#include "support/test_support.h"

namespace {

// report.json, then report.html, of a check on `threads` threads.
std::string reports(const cc::FactBase& base, unsigned threads) {
  cc::EngineOptions options;
  options.solve.threads = threads;
  const cc::CheckResult result = cc::run_checks(base, options);
  const cc::ReportInput input{base, result, nullptr, threads};
  return cc::render_json(input) + cc::render_html(input);
}

}  // namespace

TEST_CASE("report.json and report.html are the same whatever the number of threads",
          "[engine][threads]") {
  for (const auto& dir : cc::test::fact_dirs()) {
    INFO(dir.string());
    cc::Diagnostics diagnostics;
    const cc::FactBase base = cc::load_fact_base(dir.string(), diagnostics);
    const std::string one = reports(base, 1);
    CHECK(reports(base, 2) == one);
    CHECK(reports(base, 3) == one);
  }
}

TEST_CASE("some base of those has contradictions in several components, joined in order",
          "[engine][threads]") {
  // What makes the test above mean something: two threads get different components that
  // each hold a contradiction, and the parts are joined in component order.
  std::size_t spread = 0;
  for (const auto& dir : cc::test::fact_dirs()) {
    cc::Diagnostics diagnostics;
    const cc::FactBase base = cc::load_fact_base(dir.string(), diagnostics);
    cc::SolveOptions options;
    options.threads = 2;
    const cc::FactGraph graph = cc::build_graph(base);
    const cc::SolveResult solved = cc::solve(base, graph, options);
    std::set<std::uint32_t> components;
    for (const auto& conflict : solved.conflicts) components.insert(conflict.component);
    if (components.size() >= 2) ++spread;
    CHECK(std::is_sorted(solved.conflicts.begin(), solved.conflicts.end(),
                         [](const auto& a, const auto& b) { return a.component < b.component; }));
  }
  CHECK(spread > 0);
}
