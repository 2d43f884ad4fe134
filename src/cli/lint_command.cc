#include <fmt/format.h>
#include <ostream>

#include "cli/commands.h"
#include "load/loader.h"

namespace cc::cli {

int run_lint(const LintOptions& options, const Streams& streams) {
  Diagnostics diagnostics;
  const FactBase base = load_fact_base(options.facts_dir, diagnostics);
  for (const Diagnostic& d : diagnostics.sorted()) streams.err << format_diagnostic(d) << "\n";
  for (const std::string& skipped : base.skipped) {
    streams.err << fmt::format("{}: info: skipped: neither 'source' nor 'facts' at the top level\n", skipped);
  }
  if (diagnostics.has_errors()) return 2;
  streams.out << fmt::format("{}: {} sources, {} facts, no input errors\n", options.facts_dir,
                             base.sources.size(), base.facts.size());
  return 0;
}

}  // namespace cc::cli
