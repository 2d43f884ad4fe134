// `crosscheck lint [PATH…]`: the input errors only, sorted, one per line on stderr. A path
// is a fact base folder or a fact file in one (then only that file's input errors, and the
// vocabulary's, are shown; the fact base is found from the file: targets.h).
#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <utility>

#include "cli/commands.h"
#include "cli/leave_to_exit.h"
#include "cli/print.h"
#include "cli/targets.h"
#include "engine/rule_settings.h"
#include "load/files.h"
#include "load/loader.h"

namespace cc::cli {
namespace {

// Files that are not fact files are named once each, among the diagnostics.
[[nodiscard]] Diagnostics with_skipped(const Diagnostics& diagnostics, const FactBase& base) {
  Diagnostics all = diagnostics;
  for (const std::string& file : base.skipped) {
    all.add(
        {file, 0, 0, Severity::info, "skipped: neither 'source' nor 'facts' at the top level", ""});
  }
  return all;
}

[[nodiscard]] std::string summary(const FactBase& base) {
  std::string text = fmt::format("{}: {} {}, {} {}", base.root, base.sources.size(),
                                 base.sources.size() == 1 ? "source" : "sources", base.facts.size(),
                                 base.facts.size() == 1 ? "fact" : "facts");
  if (!base.skipped.empty()) text += fmt::format(", {} skipped", base.skipped.size());
  return text + ", no input errors";
}

// The display paths of the files a target names, and of its vocabulary.
[[nodiscard]] std::vector<std::string> shown_files(const FactBaseTarget& target) {
  const std::string root = load::display_root(target.dir);
  const std::string prefix = root == "/" ? "/" : root + "/";
  std::vector<std::string> shown{prefix + "vocabulary.yaml"};
  for (const std::string& name : target.files) shown.push_back(prefix + name);
  return shown;
}

// Prints one fact base's input errors and summary; the exit status for it.
int report_lint(const FactBaseTarget& target, const FactBase& base, Diagnostics& diagnostics,
                const Streams& streams) {
  check_rule_settings(base, diagnostics);
  const std::vector<std::string> files = shown_files(target);
  const auto shown = [&](const Diagnostic& d) {
    return target.whole || std::find(files.begin(), files.end(), d.file) != files.end();
  };
  bool errors = false;
  std::size_t elsewhere = 0;
  for (const Diagnostic& d : with_skipped(diagnostics, base).sorted()) {
    if (!shown(d)) {
      elsewhere += d.severity == Severity::error ? 1 : 0;
      continue;
    }
    errors = errors || d.severity == Severity::error;
    streams.err << format_diagnostic(d) << "\n";
  }
  if (elsewhere > 0) {
    print_lines(streams.err,
                fmt::format("crosscheck: note: {} more input {} in other files of "
                            "'{}' (crosscheck lint {})",
                            elsewhere, elsewhere == 1 ? "error" : "errors", base.root, base.root));
  }
  if (errors || (target.whole && diagnostics.has_errors())) return 2;
  print_lines(streams.out,
              target.whole ? summary(base)
                           : fmt::format("{}: {}, no input errors", base.root,
                                         fmt::format("{} {}", target.files.size(),
                                                     target.files.size() == 1 ? "file" : "files")));
  return 0;
}

// Lints one fact base; the exit status for it. The last one's base is left to the end of
// the process.
int lint_base(const FactBaseTarget& target, bool last, const Streams& streams) {
  Diagnostics diagnostics;
  LoadOptions options;
  options.quotes = false;  // lint runs no check: the quotes need not be looked up
  if (streams.fact_bytes) options.listed = streams.fact_bytes;
  FactBase base = load_fact_base(target.dir, diagnostics, options);
  const int status = report_lint(target, base, diagnostics, streams);
  if (last) leave_to_exit(streams, std::move(base));
  return status;
}

}  // namespace

int run_lint(const LintOptions& options, const Streams& streams) {
  const Targets targets = resolve_targets(options.paths, options.facts_dir);
  for (const std::string& note : targets.notes)
    print_lines(streams.err, "crosscheck: note: " + note);
  int status = 0;
  for (const FactBaseTarget& target : targets.bases)
    status = std::max(status, lint_base(target, &target == &targets.bases.back(), streams));
  return status;
}

}  // namespace cc::cli
