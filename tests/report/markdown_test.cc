// report.md, read back: the summary and every finding, escaped, with an accept snippet
// that really accepts the finding when pasted into the fact file.
#include <fmt/format.h>
#include "catch.h"

#include <regex>

#include "report/report.h"
#include "report/report_fixture.h"

using namespace cc;

namespace {

std::string row_value(const std::string& md, const std::string& label) {
  const std::regex row("\\| " + label + " \\| ([^|]+) \\|");
  std::smatch m;
  return std::regex_search(md, m, row) ? m[1].str() : "";
}

}  // namespace

TEST_CASE("report.md shows the summary and every finding with its facts and steps", "[report]") {
  const auto checked = test::checked_fixture("md-findings");
  const std::string md = render_markdown(checked->input());
  CHECK(md.starts_with(
      "# crosscheck report\n\n2 errors and 1 warning in 2 sources and 6 facts. 1 accepted."));
  CHECK(row_value(md, "\\*\\*open errors\\*\\*") == "**2**");
  CHECK(row_value(md, "open warnings") == "1");
  CHECK(row_value(md, "accepted") == "1");
  CHECK(md.find("## Errors (2)") != std::string::npos);
  CHECK(md.find("## Warnings (1)") != std::string::npos);
  CHECK(md.find("## Accepted (1)") != std::string::npos);
  for (const Finding& finding : checked->result.findings) {
    INFO(finding.id);
    CHECK(md.find("### " + finding.message.substr(0, 20)) != std::string::npos);
    CHECK(md.find("`" + finding.id + "`") != std::string::npos);
    for (const std::string& step : finding.steps)
      CHECK(md.find(step.substr(0, 12)) != std::string::npos);
    // Each finding between facts opens with the number to check.
    if (finding.diagnosis)
      CHECK(md.find("**Likely cause**: check '" + checked->base.ref(finding.diagnosis->doubt) +
                    "'") != std::string::npos);
  }
  // The facts of the conflict, with the number marked and the file line (the fact base
  // is in a scratch folder, so its display paths are absolute).
  const std::string row =
      "| `herald`<br>year-one | “in the first year a total of **3,171** crimes were recorded” | "
      "3,171 | `";
  const std::size_t at = md.find(row);
  REQUIRE(at != std::string::npos);
  CHECK(md.substr(at, md.find('\n', at) - at).ends_with("/facts/herald.yaml:11` |"));
  // Notes side by side, and the accepted finding's reason.
  CHECK(md.find("| from 43 forces: a \\*count\\*, 100% of them | first-year figures |") !=
        std::string::npos);
  CHECK(md.find("**Accepted** on `gazette/north`: revised later, 50% of forces") !=
        std::string::npos);
  CHECK(std::regex_search(md,
                          std::regex("remove the `accept` at `[^`]*/facts/gazette\\.yaml:38:9`")));
}

TEST_CASE("report.md escapes what the fact files say", "[report]") {
  const auto checked = test::checked_fixture("md-escape");
  const std::string md = render_markdown(checked->input());
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("<b>") == std::string::npos);
  CHECK(md.find("\\<script\\>alert('x')\\</script\\> **3,217** offences \\| were recorded") !=
        std::string::npos);
  CHECK(md.find("Offences \\<b\\>soar\\</b\\> \\| a \\*special\\* report\\_2024") !=
        std::string::npos);
  // Every table row keeps its number of cells: no '|' from a fact file splits one.
  std::size_t pos = 0;
  std::size_t rows = 0;
  while ((pos = md.find("\n| `gazette`<br>", pos)) != std::string::npos) {
    const std::size_t end = md.find('\n', pos + 1);
    const std::string row = md.substr(pos + 1, end - pos - 1);
    const std::string unescaped = std::regex_replace(row, std::regex("\\\\\\|"), "");
    CHECK(std::count(unescaped.begin(), unescaped.end(), '|') == 5);
    pos = end;
    ++rows;
  }
  CHECK(rows > 0);  // the loop above looked at rows (the fixture's quote holds a '|')
}

TEST_CASE("the accept snippet of report.md accepts its finding when pasted into the fact file",
          "[report]") {
  const auto checked = test::checked_fixture("md-accept");
  const std::string md = render_markdown(checked->input());
  // The conflict on gazette/year-one: its snippet, from the ```yaml fence after its section.
  const std::size_t section =
      md.find("### offences · Land · 2017-18 is stated as 3,217 and as 3,171");
  REQUIRE(section != std::string::npos);
  const std::size_t fence = md.find("```yaml\n", section);
  const std::size_t close = md.find("```\n", fence + 8);
  std::string snippet = md.substr(fence + 8, close - fence - 8);
  CHECK(snippet ==
        "    accept:\n      - rule: conflict\n        with: herald/year-one\n"
        "        reason: <why this discrepancy is explained>\n");
  std::string gazette = test::fixture_gazette();
  const std::string anchor = "  - id: year-one\n";
  gazette.insert(gazette.find(anchor) + anchor.size(), snippet);
  test::write_file(checked->facts / "gazette.yaml", gazette);
  Diagnostics again;
  const FactBase base = load_fact_base(checked->facts, again);
  REQUIRE_FALSE(again.has_errors());
  const CheckResult result = run_checks(base);
  bool accepted = false;
  for (const Finding& f : result.findings) {
    if (f.rule == FindingRule::conflict && base.ref(f.facts[0]) == "gazette/year-one")
      accepted = f.accepted.has_value();
  }
  CHECK(accepted);
}
