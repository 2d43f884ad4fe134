// report.html of the seed fact base, opened in headless Chromium with the network off:
// the rendered page (the DOM after the filter script ran) must show every finding and
// the graphs (each finding's own, the whole one behind its link), and the page must not
// have tried to fetch anything.
//
// How "nothing was fetched" is proven: the report carries a Content-Security-Policy
// (default-src 'none'; only inline style and script, data: images), so any fetch the page
// attempts is blocked and Chromium logs the violation as a console message, which
// --enable-logging=stderr --v=1 prints. A control page with one remote image must produce
// that message (so the check can fail); the report's log must hold no console message at
// all (no violation, no script error). --host-resolver-rules="MAP * ~NOTFOUND" keeps
// every host unresolvable besides, so even a fetch outside the policy could not leave.
//
// Where /usr/bin/chromium is missing the test fails when the CI environment variable is
// set (CI must run it: .ci/deps test installs chromium, .ci/run sets CI) and is skipped
// with a warning elsewhere.
#include <fmt/format.h>
#include "catch.h"

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "engine/check.h"
#include "load/loader.h"
#include "report/report.h"
#include "report/report_text.h"
#include "support/test_support.h"

using namespace cc;

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

struct Rendered {
  std::string dom;
  std::string log;
};

Rendered open_in_chromium(const std::filesystem::path& page, const std::filesystem::path& work) {
  const auto profile = work / "profile";
  const auto dom = work / "dom.html";
  const auto log = work / "chromium.log";
  std::filesystem::create_directories(profile);
  const std::string command = fmt::format(
      "timeout 120 {} --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--user-data-dir='{}' "
      "--host-resolver-rules='MAP * ~NOTFOUND' --enable-logging=stderr --v=1 --dump-dom "
      "'file://{}' >'{}' 2>'{}'",
      kChromium, profile.string(), std::filesystem::absolute(page).string(), dom.string(),
      log.string());
  const int status = std::system(command.c_str());
  INFO(command);
  REQUIRE(status == 0);
  return {test::read_file(dom), test::read_file(log)};
}

std::vector<std::string> console_lines(const std::string& log) {
  std::vector<std::string> lines;
  const std::regex console(":CONSOLE[^\\n]*");
  for (auto it = std::sregex_iterator(log.begin(), log.end(), console);
       it != std::sregex_iterator(); ++it) {
    lines.push_back(it->str());
  }
  return lines;
}

}  // namespace

TEST_CASE("report.html in headless Chromium shows every finding and the graph and fetches nothing",
          "[report][chromium]") {
  if (!std::filesystem::exists(kChromium)) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && *ci != '\0')
      FAIL("/usr/bin/chromium is not installed, and CI must run this test: .ci/deps test");
    WARN("skipped: /usr/bin/chromium is not installed (CI installs it: .ci/deps test)");
    return;
  }
  const auto work = test::scratch_dir("chromium");
  Diagnostics diagnostics;
  const FactBase base = load_fact_base("facts", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const CheckResult result = run_checks(base);
  const auto page = work / "report.html";
  test::write_file(page, render_html(ReportInput{base, result}));

  // The control: the same policy, one remote image. Chromium must report the violation.
  const auto control = work / "control.html";
  test::write_file(control,
                   "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src "
                   "'none'\"></head><body><img src=\"http://example.com/x.png\"></body></html>");
  const Rendered blocked = open_in_chromium(control, work / "control");
  const auto blocked_lines = console_lines(blocked.log);
  REQUIRE(blocked_lines.size() >= 1);
  CHECK(blocked_lines[0].find("http://example.com/x.png") != std::string::npos);
  CHECK(blocked_lines[0].find("Content Security Policy") != std::string::npos);

  const Rendered shown = open_in_chromium(page, work / "report");
  INFO(shown.log.substr(0, 2000));
  CHECK(console_lines(shown.log).empty());

  // Every finding, as a card the filters left visible.
  const std::size_t n = result.findings.size();
  CHECK(shown.dom.find(fmt::format(
            "<p id=\"shown\" aria-live=\"polite\">Showing {0} of {0} findings</p>", n)) !=
        std::string::npos);
  for (const Finding& finding : result.findings) {
    INFO(finding.id);
    const std::regex card("<article class=\"finding [a-z]+\" id=\"" + finding.id + "\"[^>]*>");
    std::smatch m;
    REQUIRE(std::regex_search(shown.dom, m, card));
    CHECK(m.str().find("hidden") == std::string::npos);
  }
  CHECK(shown.dom.find("<form id=\"filters\">") !=
        std::string::npos);  // the script showed the filters
  // Each finding between facts has its own graph in its card.
  std::size_t own_graphs = 0;
  for (const Finding& finding : result.findings) own_graphs += finding.facts.size() >= 2 ? 1 : 0;
  std::size_t drawn = 0;
  for (std::size_t at = shown.dom.find("<figure class=\"fgraph\"><figcaption>");
       at != std::string::npos;
       at = shown.dom.find("<figure class=\"fgraph\"><figcaption>", at + 1)) {
    drawn += shown.dom.find("<svg", at) < shown.dom.find("</figure>", at) ? 1 : 0;
  }
  CHECK(drawn == own_graphs);
  // The whole graph, drawn behind its link: one SVG node per vertex, open errors in red.
  const std::size_t graph = shown.dom.find("<section id=\"graph\">");
  REQUIRE(graph != std::string::npos);
  const std::string section = shown.dom.substr(graph, shown.dom.find("</section>", graph) - graph);
  std::size_t nodes = 0;
  for (std::size_t at = section.find("class=\"node\""); at != std::string::npos;
       at = section.find("class=\"node\"", at + 1)) {
    ++nodes;
  }
  CHECK(nodes == result.graph.vars.size() + result.graph.constraints.size());
  CHECK(section.find("stroke=\"red\"") != std::string::npos);
  CHECK(shown.dom.find("<figure class=\"chart\" data-measure=\"offences\">") != std::string::npos);
}
