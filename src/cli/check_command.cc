// crosscheck check: load, check, print one line per finding, write the reports.
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/load_or_report.h"
#include "cli/print.h"
#include "cli/progress.h"
#include "engine/check.h"
#include "report/formats.h"
#include "report/write.h"

namespace cc::cli {
namespace {

bool fails(const Finding& finding, FailOn fail_on) {
  if (finding.accepted || fail_on == FailOn::never) return false;
  if (finding.severity == Severity::error) return true;
  return fail_on == FailOn::warning && finding.severity == Severity::warning;
}

}  // namespace

int run_check(const CheckOptions& options, const Streams& streams) {
  std::vector<const ReportFormat*> formats;
  for (const std::string& name : options.formats) {
    const ReportFormat* format = find_report_format(name);
    if (!format) {
      std::string known;
      for (const ReportFormat& f : report_formats())
        known += (known.empty() ? "" : ", ") + std::string(f.name);
      print_error(streams.err, fmt::format("unknown report format '{}' (known: {})", name, known));
      return 2;
    }
    formats.push_back(format);
  }
  if (options.out_dir.empty()) {
    print_error(streams.err, "--out is '': name the folder the reports go to");
    return 2;
  }
  if (options.out_dir == "-") {
    print_error(streams.err,
                "--out is '-', but the reports are files in a folder, not one stream: name a "
                "folder (a folder named '-' is written as --out ./-)");
    return 2;
  }
  const std::optional<FactBase> base =
      load_or_report(options.facts_dir, streams, options.annotations == "github");
  if (!base) return 2;
  EngineOptions engine;
  engine.solve.threads = options.threads;
  ProgressLine progress(streams.err);
  if (streams.err_is_tty && !options.quiet && !terminal_is_dumb()) {
    engine.solve.progress = [&](std::size_t done, std::size_t total) {
      progress.update("checking", done, total);
    };
  }
  const CheckResult result = run_checks(*base, engine);
  progress.finish();
  const ReportInput input{*base, result};
  const bool color =
      options.color == Color::always ||
      (options.color == Color::automatic && streams.out_is_tty && environment_allows_color());
  for (const Finding& finding : result.findings)
    streams.out << render_terminal_line(input, finding, color) << "\n";
  if (options.annotations == "github") streams.out << render_github_annotations(input);
  for (const std::string& notice : result.notices)
    print_lines(streams.err, "crosscheck: note: " + notice);
  std::vector<ReportFile> files;
  for (const ReportFormat* format : formats)
    files.push_back({std::string(format->file), format->render(input)});
  if (const std::string error = write_report_set(options.out_dir, files); !error.empty()) {
    print_error(streams.err, error);
    return 2;
  }
  if (!options.quiet) streams.out << render_summary_line(input) << "\n";
  const bool failed = std::any_of(result.findings.begin(), result.findings.end(),
                                  [&](const Finding& f) { return fails(f, options.fail_on); });
  return failed ? 1 : 0;
}

}  // namespace cc::cli
