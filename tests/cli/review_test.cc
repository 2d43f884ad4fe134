// The pre-publication workflow as a user types it (issue 14): check --draft, --baseline,
// fact files as paths and the fact base found from them, rules on and off in
// vocabulary.yaml, explain FINDING-ID.
#include <unistd.h>

#include <nlohmann/json.hpp>
#include "catch.h"

#include "rules/rule_test_support.h"
#include "support/test_support.h"

using namespace cc::test;

namespace {

std::string figure(const std::string& id, int value, int year) {
  return "  - {id: " + id + ", quote: " + std::to_string(value) +
         " cases, value: " + std::to_string(value) +
         ", measure: cases, where: Land, when: " + std::to_string(year) + "}\n";
}

// An older pair of sources that disagree on 2019 (a background finding) and a draft that
// disagrees with one of them on 2020.
std::filesystem::path newsroom(const std::string& name) {
  const auto dir = scratch_dir(name);
  write_file(dir / "vocabulary.yaml", test_vocabulary());
  write_file(dir / "a.yaml", source_file("a", figure("n", 3171, 2019) + figure("m", 500, 2020)));
  write_file(dir / "b.yaml", source_file("b", figure("n", 3217, 2019), "2024-02-01"));
  write_file(dir / "draft.yaml", source_file("draft", figure("m", 900, 2020), "2024-03-01"));
  return dir;
}

// Runs the command with the current folder set to `dir`.
RunResult run_in(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  const auto here = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  RunResult r = run_cli(args);
  std::filesystem::current_path(here);
  return r;
}

std::size_t line_of(const std::string& text, const std::string& needle) {
  const std::size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<std::size_t>(
      std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

}  // namespace

TEST_CASE("check --draft puts the draft's findings first and gates the exit on them",
          "[cli][review]") {
  const auto dir = newsroom("review-draft");
  const auto out = dir / "out";
  const auto r = run_cli({"check", dir.string(), "--draft", "draft", "--out", out.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);  // the draft contradicts a/m
  CHECK(line_of(r.out, "the draft under review (draft):") == 0);
  CHECK(line_of(r.out, "cases · Land · 2020") < line_of(r.out, "the rest of the fact base:"));
  CHECK(line_of(r.out, "the rest of the fact base:") < line_of(r.out, "cases · Land · 2019"));
  CHECK(r.out.find("the draft: 1 error, 0 warnings; the rest of the fact base: 1 error, 0 "
                   "warnings, unchanged\n") != std::string::npos);
  const auto report = nlohmann::json::parse(read_file(out / "report.json"));
  CHECK(report["findings"][0]["draft"] == true);
  CHECK(report["findings"][1]["draft"] == false);
  CHECK(report["review"]["draft"]["sources"] == nlohmann::json::array({"draft"}));
  CHECK(report["review"]["draft"]["background"]["error"] == 1);
  const std::string md = read_file(out / "report.md");
  CHECK(md.find("## The draft under review (`draft`)") <
        md.find("## The rest of the fact base (background)"));
  CHECK(md.find("**[draft]**") != std::string::npos);
  const std::string html = read_file(out / "report.html");
  CHECK(html.find("<h3 class=\"review\">The draft under review (<code>draft</code>)</h3>") <
        html.find("<h3 class=\"review\">The rest of the fact base (background)</h3>"));
  // The mark is a label in the card's header line, before the id, not a line of its own.
  CHECK(html.find("<span class=\"rmark draft\">draft</span> <a class=\"id\"") != std::string::npos);
  CHECK(html.find("review-mark") == std::string::npos);
}

TEST_CASE("a draft that agrees passes though the background has an error, unless asked",
          "[cli][review]") {
  const auto dir = newsroom("review-draft-clean");
  write_file(dir / "draft.yaml", source_file("draft", figure("m", 500, 2020), "2024-03-01"));
  const auto file = (dir / "draft.yaml").string();
  const auto r = run_cli({"check", "--draft", file, "--no-reports"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("the draft under review (draft): no findings\n") != std::string::npos);
  CHECK(r.out.find("the draft: 0 errors, 0 warnings; the rest of the fact base: 1 error") !=
        std::string::npos);
  CHECK(run_cli({"check", "--draft", file, "--no-reports", "--fail-on-background"}).exit_code == 1);
  // A fact file as the path is the draft too.
  CHECK(run_cli({"check", file, "--no-reports"}).exit_code == 0);
  CHECK(!std::filesystem::exists(dir / "reports"));
}

TEST_CASE("check --draft tells what the draft changed in the rest, whatever the threads",
          "[cli][review]") {
  // The draft sides with b on 2019: the whole check's finding of a/n names the draft's
  // fact (the draft's own), so the rest's finding on 2019 is gone from the rest. The rest is
  // derived and built on a thread of its own beside the whole build with two threads, on
  // the calling thread with one: the same lines and reports either way.
  const auto dir = newsroom("review-draft-threads");
  write_file(dir / "draft.yaml", source_file("draft", figure("n", 3217, 2019), "2024-03-01"));
  std::string first_out;
  std::string first_report;
  for (const std::string threads : {"1", "2", "3"}) {
    CAPTURE(threads);
    const auto out = dir / ("out-" + threads);
    const auto r = run_cli({"check", dir.string(), "--draft", "draft", "--threads", threads,
                            "--format", "json,md", "--out", out.string()});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(", changed by the draft: 0 new, 1 gone\n") != std::string::npos);
    const std::string report = read_file(out / "report.json");
    if (first_out.empty()) {
      first_out = r.out;
      first_report = report;
      continue;
    }
    CHECK(r.out == first_out);
    CHECK(report == first_report);
  }
}

TEST_CASE("check with an unknown draft source id says which it may be", "[cli][review]") {
  const auto dir = newsroom("review-draft-typo");
  const auto r = run_cli({"check", dir.string(), "--draft", "draf", "--no-reports"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "crosscheck: error: --draft 'draf' is neither a file nor a source id of '" +
                     dir.string() + "' (did you mean 'draft'?)\n");
}

TEST_CASE(
    "check against a baseline fails only on new findings and reports new, unchanged and fixed",
    "[cli][review]") {
  const auto dir = newsroom("review-baseline");
  std::filesystem::remove(dir / "draft.yaml");
  const auto before = dir / "before";
  REQUIRE(run_cli({"check", dir.string(), "--out", before.string()}).exit_code == 1);
  const auto baseline = (before / "report.json").string();
  // Unchanged: the old finding is in the baseline, the run passes.
  const auto same = run_cli({"check", dir.string(), "--baseline", baseline, "--no-reports"});
  INFO(same.out << same.err);
  CHECK(same.exit_code == 0);
  CHECK(same.out.find("(baseline: unchanged)") != std::string::npos);
  CHECK(same.out.find("against the baseline: 0 new, 1 unchanged, 0 fixed") != std::string::npos);
  // The 2019 figures fixed, a new contradiction for 2020: it fails, the old one is fixed.
  write_file(dir / "b.yaml",
             source_file("b", figure("n", 3171, 2019) + figure("m", 900, 2020), "2024-02-01"));
  const auto out = dir / "after";
  const auto r = run_cli({"check", dir.string(), "--baseline", baseline, "--out", out.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("(baseline: new)") != std::string::npos);
  CHECK(r.out.find(": fixed: cases · Land · 2019 is stated as 3,217 and as 3,171 [conflict]") !=
        std::string::npos);
  const auto report = nlohmann::json::parse(read_file(out / "report.json"));
  CHECK(report["findings"][0]["baseline"] == "new");
  CHECK(report["review"]["baseline"]["fixed"].size() == 1);
  const auto sarif = nlohmann::json::parse(read_file(out / "report.sarif"));
  const auto& results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["baselineState"] == "new");
  CHECK(results[1]["baselineState"] == "absent");
  CHECK(read_file(out / "report.md").find("## Fixed since the baseline (1)") != std::string::npos);
  CHECK(read_file(out / "report.html").find("<span class=\"rmark new\">baseline: new</span>") !=
        std::string::npos);
  // Not a report.json: exit 2.
  const auto bad = run_cli({"check", dir.string(), "--baseline", (dir / "a.yaml").string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("is not JSON") != std::string::npos);
}

TEST_CASE("with every finding of the baseline fixed, the reports still list them as fixed",
          "[cli][review]") {
  const auto dir = newsroom("review-all-fixed");
  std::filesystem::remove(dir / "draft.yaml");
  const auto before = dir / "before";
  REQUIRE(run_cli({"check", dir.string(), "--out", before.string()}).exit_code == 1);
  write_file(dir / "b.yaml", source_file("b", figure("n", 3171, 2019), "2024-02-01"));
  const auto out = dir / "after";
  const auto r = run_cli({"check", dir.string(), "--baseline", (before / "report.json").string(),
                          "--out", out.string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("against the baseline: 0 new, 0 unchanged, 1 fixed") != std::string::npos);
  const std::string html = read_file(out / "report.html");
  CHECK(html.find("No findings: every number agrees with the others.") != std::string::npos);
  CHECK(html.find("<b>Review</b>: ") != std::string::npos);
  CHECK(html.find("Fixed since the baseline (1)") != std::string::npos);
  CHECK(html.find("cases · Land · 2019 is stated as 3,217 and as 3,171") != std::string::npos);
  CHECK(read_file(out / "report.md").find("## Fixed since the baseline (1)") != std::string::npos);
}

TEST_CASE("lint and check take a fact file, and find the fact base from a subfolder",
          "[cli][review]") {
  const auto dir = newsroom("review-paths");
  write_file(dir / "bad.yaml", source_file("bad",
                                           "  - {id: x, quote: 1 cases, value: 1, measure: "
                                           "casez, where: Land, when: 2019}\n"));
  // lint FILE: that file's errors only, and a note for the others.
  const auto one = run_cli({"lint", (dir / "draft.yaml").string()});
  CHECK(one.exit_code == 0);
  CHECK(one.out == dir.string() + ": 1 file, no input errors\n");
  CHECK(one.err.find("1 more input error in other files") != std::string::npos);
  const auto bad = run_cli({"lint", (dir / "bad.yaml").string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find((dir / "bad.yaml").string() + ":6:48: error: unknown measure 'casez'") !=
        std::string::npos);
  std::filesystem::remove(dir / "bad.yaml");
  // From a subfolder, with no path: the fact base above is found.
  std::filesystem::create_directories(dir / "notes");
  const auto lint = run_in(dir / "notes", {"lint"});
  CHECK(lint.exit_code == 0);
  CHECK(lint.out.find(": 3 sources, 4 facts, no input errors") != std::string::npos);
  const auto check = run_in(dir / "notes", {"check", "--no-reports", "--draft", "draft"});
  CHECK(check.exit_code == 1);
  CHECK(check.out.find("the draft under review (draft):") != std::string::npos);
  // A file in no fact base is skipped with a note.
  const auto nowhere = scratch_dir("review-nowhere") / "x.yaml";
  write_file(nowhere, "a: 1\n");
  const auto none = run_cli({"lint", nowhere.string()});
  CHECK(none.exit_code == 0);
  CHECK(none.err.find("is skipped: it lies in no fact base") != std::string::npos);
}

TEST_CASE("rules in vocabulary.yaml turn a rule off, set its severity and tolerances per measure",
          "[cli][review]") {
  const auto dir = newsroom("review-rules");
  std::filesystem::remove(dir / "draft.yaml");
  const std::string vocabulary = read_file(dir / "vocabulary.yaml");
  write_file(dir / "vocabulary.yaml", vocabulary + "rules:\n  conflict: warning\n");
  const auto warned = run_cli({"check", dir.string(), "--no-reports"});
  CHECK(warned.exit_code == 0);
  CHECK(warned.out.find(": warning: cases · Land · 2019") != std::string::npos);
  write_file(dir / "vocabulary.yaml", vocabulary + "rules:\n  conflict: off\n");
  const auto off = run_cli({"check", dir.string(), "--no-reports"});
  CHECK(off.exit_code == 0);
  CHECK(off.out.find("[conflict]") == std::string::npos);
  write_file(dir / "vocabulary.yaml", vocabulary + "rules:\n  conflcit: off\n");
  const auto typo = run_cli({"lint", dir.string()});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("vocabulary.yaml:16:3: error: unknown rule 'conflcit' (did you mean "
                      "'conflict'?) [unknown-rule]") != std::string::npos);
  // A measure's own warn: the 1.4% gap is an error at the vocabulary's 1%, a warning at 5%.
  std::string own = vocabulary;
  own.replace(own.find("cases: { unit: cases }"), 22,
              "cases: { unit: cases, tolerances: { warn: 0.05 } }");
  write_file(dir / "vocabulary.yaml", own);
  const auto tolerant = run_cli({"check", dir.string(), "--no-reports"});
  CHECK(tolerant.exit_code == 0);
  CHECK(tolerant.out.find(": warning: cases · Land · 2019") != std::string::npos);
}

TEST_CASE("a measure's own vague reads its hedged figures more narrowly", "[cli][review]") {
  const auto dir = newsroom("review-vague");
  write_file(dir / "draft.yaml", source_file("draft",
                                             "  - {id: m, quote: about 540 cases, value: about "
                                             "540, measure: cases, where: Land, when: 2020}\n",
                                             "2024-03-01"));
  CHECK(run_cli({"check", dir.string(), "--no-reports", "--draft", "draft"}).exit_code == 0);
  std::string vocabulary = read_file(dir / "vocabulary.yaml");
  vocabulary.replace(vocabulary.find("cases: { unit: cases }"), 22,
                     "cases: { unit: cases, tolerances: { vague: 0.05 } }");
  write_file(dir / "vocabulary.yaml", vocabulary);
  const auto r = run_cli({"check", dir.string(), "--no-reports", "--draft", "draft"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("cases · Land · 2020") != std::string::npos);
}

TEST_CASE("explain FINDING-ID explains the finding and a typo gets did you mean", "[cli][review]") {
  const auto dir = newsroom("review-explain");
  const auto out = dir / "out";
  REQUIRE(run_cli({"check", dir.string(), "--out", out.string()}).exit_code == 1);
  const auto report = nlohmann::json::parse(read_file(out / "report.json"));
  const std::string id = report["findings"][0]["id"];
  const auto r = run_cli({"explain", dir.string(), id});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind(id + ": error [conflict] at ", 0) == 0);
  CHECK(r.out.find("facts:\n  1. ") != std::string::npos);
  CHECK(r.out.find("steps:\n  1. ") != std::string::npos);
  CHECK(r.out.find("likely cause: check '") != std::string::npos);
  const auto json = run_cli({"explain", dir.string(), id, "--format", "json"});
  CHECK(nlohmann::json::parse(json.out) == report["findings"][0]);
  std::string typo = id;
  typo.back() = typo.back() == '0' ? '1' : '0';
  const auto wrong = run_cli({"explain", dir.string(), typo});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err == "crosscheck: error: no finding '" + typo + "' in '" + dir.string() +
                         "' (did you mean '" + id + "'?)\n");
  const auto ref = run_cli({"explain", dir.string(), "draft/mm"});
  CHECK(ref.exit_code == 2);
  CHECK(ref.err.find("(did you mean 'draft/m'") != std::string::npos);
}
