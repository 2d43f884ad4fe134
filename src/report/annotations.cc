// `check --annotations github`: one GitHub Actions workflow command per finding, so that
// a pull request shows it on the fact file's line. Errors are ::error, warnings ::warning,
// accepted findings ::notice (they never fail a run). Input errors are annotations too
// (::error on the line of the typo; input warnings ::warning, notes ::notice). The message
// escapes % CR LF; the properties escape those and : and , as the runner requires.
#include <fmt/format.h>

#include "model/terminal_text.h"
#include "report/escape.h"
#include "report/report.h"
#include "report/report_text.h"

namespace cc {
namespace {

std::string_view command_of(const Finding& finding) {
  if (finding.accepted || finding.severity == Severity::info) return "notice";
  return finding.severity == Severity::error ? "error" : "warning";
}

std::string message_of(const FactBase& base, const Finding& finding) {
  // Each part from input is one line (terminal_safe); the line breaks are ours.
  std::string message = terminal_safe(finding.message);
  if (finding.accepted) {
    message += terminal_safe(fmt::format(" (accepted on {}: {})", base.ref(finding.accepted->by),
                                         finding.accepted->reason));
  }
  for (const std::string& step : finding.steps) message += "\n" + terminal_safe(step);
  if (finding.facts.size() > 1) {
    message += "\nfacts:";
    for (const FactIndex f : finding.facts) {
      message += "\n  " + terminal_safe(fmt::format("{} ({})", base.ref(f),
                                                    location_text(base, base.facts[f].mark)));
    }
  }
  return message;
}

}  // namespace

std::string render_github_annotation(const ReportInput& input, const Finding& finding) {
  const FactBase& base = input.base;
  const std::string title =
      fmt::format("crosscheck {}: {}", finding_rule_id(finding.rule), finding.id);
  std::string properties = fmt::format(
      "file={},line={}", github_property_escape(terminal_safe(base.file_of(finding.location))),
      finding.location.line);
  if (finding.location.column > 0) properties += fmt::format(",col={}", finding.location.column);
  properties += ",title=" + github_property_escape(title);
  return fmt::format("::{} {}::{}", command_of(finding), properties,
                     github_message_escape(message_of(base, finding)));
}

std::string render_github_diagnostic(const Diagnostic& diagnostic) {
  const std::string_view command = diagnostic.severity == Severity::error     ? "error"
                                   : diagnostic.severity == Severity::warning ? "warning"
                                                                              : "notice";
  std::string properties = "file=" + github_property_escape(terminal_safe(diagnostic.file));
  if (diagnostic.line > 0) properties += fmt::format(",line={}", diagnostic.line);
  if (diagnostic.line > 0 && diagnostic.column > 0)
    properties += fmt::format(",col={}", diagnostic.column);
  const std::string title =
      diagnostic.code.empty() ? "crosscheck input" : "crosscheck input: " + diagnostic.code;
  properties += ",title=" + github_property_escape(terminal_safe(title));
  return fmt::format("::{} {}::{}", command, properties,
                     github_message_escape(terminal_safe(diagnostic.message)));
}

std::string render_github_annotations(const ReportInput& input) {
  std::string out;
  for (const Finding& finding : input.result.findings)
    out += render_github_annotation(input, finding) + "\n";
  return out;
}

}  // namespace cc
