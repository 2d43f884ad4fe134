// The terminal: one line per finding in the compilers' format, then a summary. Accepted
// findings print as "note:" (with the reason), whatever their severity.
#include <fmt/color.h>
#include <fmt/format.h>

#include "model/terminal_text.h"
#include "report/report.h"
#include "report/report_text.h"

namespace cc {

FactRow fact_row(const FactBase& base, FactIndex f) {
  const Fact& fact = base.facts[f];
  return {base.ref(f), base.file_of(fact.mark), fact.mark.line, fact.mark.column,
          base.sources[fact.source].title};
}

std::string render_terminal_line(const ReportInput& input, const Finding& finding, bool color) {
  // An accepted finding is a note, as compilers print one: problem matchers that count
  // "error:" lines (a CI step, an editor) do not count what an editor already accepted.
  const std::string severity =
      finding.accepted ? "note" : std::string(severity_name(finding.severity));
  const fmt::terminal_color hue = finding.accepted ? fmt::terminal_color::cyan
                                  : finding.severity == Severity::error
                                      ? fmt::terminal_color::red
                                      : fmt::terminal_color::magenta;
  const std::string shown =
      color ? fmt::format(fmt::emphasis::bold | fmt::fg(hue), "{}", severity) : severity;
  std::string line =
      fmt::format("{}:{}:{}: {}: {} [{}]", terminal_safe(input.base.file_of(finding.location)),
                  finding.location.line, finding.location.column, shown,
                  terminal_safe(finding.message), finding_rule_id(finding.rule));
  if (finding.accepted)
    line += fmt::format(" (accepted: {})", terminal_safe(finding.accepted->reason));
  if (finding.diagnosis && !finding.accepted) {
    const FindingDiagnosis& d = *finding.diagnosis;
    line += fmt::format(" — check '{}'", terminal_safe(input.base.ref(d.doubt)));
    if (!d.cause.empty() && d.cause != "revision")
      line += fmt::format(" (likely a {} slip: {})", d.cause, terminal_safe(d.corrected));
  }
  return line;
}

std::string render_summary_line(const ReportInput& input) {
  const Counts counts = count_findings(input.result.findings);
  std::string line = fmt::format("{}, {}: {}, {}", plural(input.base.sources.size(), "source"),
                                 plural(input.base.facts.size(), "fact"),
                                 plural(counts.error, "error"), plural(counts.warning, "warning"));
  if (counts.accepted > 0) line += fmt::format(" ({} accepted)", counts.accepted);
  return line;
}

}  // namespace cc
