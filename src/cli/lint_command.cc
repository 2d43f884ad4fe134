// `crosscheck lint [FACTS_DIR]`: the input errors only, sorted, one per line on stderr.
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/print.h"
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

}  // namespace

int run_lint(const LintOptions& options, const Streams& streams) {
  Diagnostics diagnostics;
  const FactBase base = load_fact_base(options.facts_dir, diagnostics);
  for (const Diagnostic& d : with_skipped(diagnostics, base).sorted()) {
    streams.err << format_diagnostic(d) << "\n";
  }
  if (diagnostics.has_errors()) return 2;
  print_lines(streams.out, summary(base));
  return 0;
}

}  // namespace cc::cli
