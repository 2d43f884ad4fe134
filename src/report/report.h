#pragma once
// Reporters render the same sorted findings; they never compute. Each format is a pure
// function from the check's result to text; write_atomically puts it on disk.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check.h"
#include "model/diagnostic.h"

namespace cc {

struct Review;  // report/review.h

struct ReportInput {
  const FactBase& base;
  const CheckResult& result;
  const Review* review = nullptr;  // `check --draft` / `--baseline`: marks on the findings
  // Threads a report may render on (report.html: its findings' graphs and its charts); the
  // text is the same whatever the number.
  unsigned threads = 1;
};

[[nodiscard]] std::string render_json(const ReportInput& input);
// One finding as report.json writes it (`explain FINDING-ID --format json`).
[[nodiscard]] std::string render_finding_json(const FactBase& base, const Finding& finding);
[[nodiscard]] std::string render_dot(const ReportInput& input);

// report.md: GitHub-flavoured Markdown for a pull request or an email.
[[nodiscard]] std::string render_markdown(const ReportInput& input);

// report.html: one self-contained page (no network, no external assets). Each finding's
// own graph, and the whole fact graph behind a link, are drawn by Graphviz (`dot -Tsvg`,
// under a time limit); where that fails the page says why and shows the DOT instead.
struct HtmlOptions {
  std::string dot_program = "dot";
  int dot_seconds = 30;
  std::size_t max_graph_size = 5000;  // vertices + constraints; a larger whole graph is not drawn
  std::size_t max_finding_graphs = 200;  // the first findings get their own graph, no more
};
[[nodiscard]] std::string render_html(const ReportInput& input);
[[nodiscard]] std::string render_html(const ReportInput& input, const HtmlOptions& options);

// report.sarif: SARIF 2.1.0 for code-review tools.
[[nodiscard]] std::string render_sarif(const ReportInput& input);

// A file path as a SARIF artifact URI, percent-encoded by uriparser: "sp ace/a.yaml" →
// "sp%20ace/a.yaml", "a#b" → "a%23b"; an absolute path becomes a file:// URI.
[[nodiscard]] std::string sarif_artifact_uri(std::string_view path);

// A rule's SARIF `name`: a PascalCase friendly name that differs from the id beyond case
// (conflict → "StatedFiguresDisagree", stale-accept → "StaleAccept").
[[nodiscard]] std::string sarif_rule_name(FindingRule rule);

// graph.svg: the fact graph drawn by Graphviz; a small SVG saying why where it cannot be.
[[nodiscard]] std::string render_graph_svg(const ReportInput& input);

// `check --annotations github`: "::error file=…,line=…,col=…,title=…::message", one line
// per finding, escaped as GitHub's workflow commands require.
[[nodiscard]] std::string render_github_annotation(const ReportInput& input,
                                                   const Finding& finding);
[[nodiscard]] std::string render_github_annotations(const ReportInput& input);

// An input error (or warning) as an annotation on its line, so that a typo shows on the
// fact file in the pull request: "::error file=…,line=…,col=…,title=…::message".
[[nodiscard]] std::string render_github_diagnostic(const Diagnostic& diagnostic);

// One terminal line per finding: "file:line:col: severity: message [rule]".
[[nodiscard]] std::string render_terminal_line(const ReportInput& input, const Finding& finding,
                                               bool color);
// "5 sources, 42 facts: 3 errors, 1 warning, 1 accepted"
[[nodiscard]] std::string render_summary_line(const ReportInput& input);

// The fact's value interval as report.json writes it: [lo, hi], null for an open side.
struct FactRow {
  std::string ref;
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string source_title;
};
[[nodiscard]] FactRow fact_row(const FactBase& base, FactIndex fact);

}  // namespace cc
